package io.github.netpol.validate.lint;

import io.github.netpol.finding.Direction;

import java.util.Objects;

/**
 * What a rule reports; the engine turns it into a {@link io.github.netpol.finding.Finding} with the
 * rule's id and configured severity, after suppressions.
 *
 * @param subject   the object at fault (its annotations may suppress this)
 * @param pointer   JSON pointer of the offending node inside the subject, e.g. {@code /spec/ingress/0/from/1}
 * @param direction the direction it concerns, or {@code null}
 * @param message   names the object, says what is wrong and what to do
 * @param fix       lines to paste as they are (the YAML to add), or {@code null}
 */
public record Violation(Subject subject, String pointer, Direction direction, String message, String fix) {

    public Violation {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(message, "message");
    }

    /** A violation whose message says all. */
    public Violation(Subject subject, String pointer, Direction direction, String message) {
        this(subject, pointer, direction, message, null);
    }
}
