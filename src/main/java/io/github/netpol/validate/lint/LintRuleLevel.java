package io.github.netpol.validate.lint;

import io.github.netpol.finding.Severity;

import java.util.Locale;
import java.util.Optional;

/** The level a user can give a rule: a severity, or {@code off}. */
public enum LintRuleLevel {
    OFF, INFO, WARNING, ERROR;

    /** Parses {@code off|info|warning|error} (any case); anything else is an error naming the choices. */
    public static LintRuleLevel parse(String text) {
        String t = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        for (LintRuleLevel level : values()) {
            if (level.name().equals(t)) {
                return level;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not a rule severity; use off, info, warning or error");
    }

    public static LintRuleLevel of(Severity severity) {
        return valueOf(severity.name());
    }

    /** The severity of findings at this level; empty for {@code off}. */
    public Optional<Severity> severity() {
        return this == OFF ? Optional.empty() : Optional.of(Severity.valueOf(name()));
    }
}
