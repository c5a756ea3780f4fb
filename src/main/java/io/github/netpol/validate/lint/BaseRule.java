package io.github.netpol.validate.lint;

import io.github.netpol.finding.Severity;

/** Holds a rule's describing data so each rule class is only its check. */
abstract class BaseRule implements LintRule {
    private final String id;
    private final Severity defaultSeverity;
    private final String title;
    private final String rationale;
    private final String before;
    private final String after;

    BaseRule(String id, Severity defaultSeverity, String title, String rationale, String before, String after) {
        this.id = id;
        this.defaultSeverity = defaultSeverity;
        this.title = title;
        this.rationale = rationale;
        this.before = before;
        this.after = after;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final Severity defaultSeverity() {
        return defaultSeverity;
    }

    @Override
    public final String title() {
        return title;
    }

    @Override
    public final String rationale() {
        return rationale;
    }

    @Override
    public final String before() {
        return before;
    }

    @Override
    public final String after() {
        return after;
    }
}
