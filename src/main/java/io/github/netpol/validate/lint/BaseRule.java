package io.github.netpol.validate.lint;

import io.github.netpol.finding.FindingCode;

/** Holds a rule's code and examples so each rule class is only its check. */
public abstract class BaseRule implements LintRule {
    private final FindingCode code;
    private final String before;
    private final String after;

    protected BaseRule(FindingCode code, String before, String after) {
        if (code.group() != FindingCode.Group.LINT) {
            throw new IllegalArgumentException(code + " is not a lint rule's code");
        }
        this.code = code;
        this.before = before;
        this.after = after;
    }

    @Override
    public final FindingCode code() {
        return code;
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
