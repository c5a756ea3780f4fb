package io.github.netpol.finding;

import java.util.Locale;

/** How bad a finding is; the order matters: {@code ERROR} is the most severe. */
public enum Severity {
    ERROR, WARNING, INFO;

    /** The lower-case word used in console lines and reports ({@code error}, {@code warning}, {@code info}). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True when this severity is at least as severe as {@code threshold}. */
    public boolean atLeast(Severity threshold) {
        return ordinal() <= threshold.ordinal();
    }

    /** Parses {@code error|warning|info} (any case); anything else is an error naming the choices. */
    public static Severity parse(String text) {
        return Choices.parse(Severity.class, text, "a severity");
    }
}
