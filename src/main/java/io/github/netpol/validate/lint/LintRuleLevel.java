package io.github.netpol.validate.lint;

import io.github.netpol.finding.Choices;
import io.github.netpol.finding.Severity;

import java.util.Optional;

/** The level a user can give a rule: a severity, or {@code off}. */
public enum LintRuleLevel {
    OFF, INFO, WARNING, ERROR;

    /** Parses {@code off|info|warning|error} (any case); anything else is an error naming the choices. */
    public static LintRuleLevel parse(String text) {
        return Choices.parse(LintRuleLevel.class, text, "a rule severity");
    }

    public static LintRuleLevel of(Severity severity) {
        return valueOf(severity.name());
    }

    /** The severity of findings at this level; empty for {@code off}. */
    public Optional<Severity> severity() {
        return this == OFF ? Optional.empty() : Optional.of(Severity.valueOf(name()));
    }
}
