package io.github.netpol.finding;

import java.util.Objects;

/**
 * One result of any goal, the single value every report format writes. Built by name:
 * {@code Finding.of(FindingCode.INVALID_CIDR, message).at(position).withNamespace(ns)}, or from its parts
 * with {@link #explained}: what changed or is wrong (the cause), what that does (the effect), one example a
 * person recognises, and the advice; the paste-safe block that goes with the advice (YAML to add, the entry for
 * the accepted-changes file) is kept apart in {@link #fix}, so no report ever appends anything to it.
 *
 * @param id        stable identifier, built from the code's pattern: for validation the code itself, for the
 *                  check e.g. {@code WIDENED_INGRESS/payments/allow-api}
 * @param code      what kind of finding it is, with its documentation
 * @param severity  error, warning or info
 * @param message   one paragraph a person can act on: cause, effect, example and advice
 * @param namespace the namespace it is about, or {@code null}
 * @param direction ingress or egress where it applies, or {@code null}
 * @param location  where in the sources the cause is, or {@code null} when no file applies
 * @param accepted  true when an accepted-changes entry covers it
 * @param acceptedReason the reason of that entry, or {@code null}
 * @param effective for widenings: whether the whole connection is now allowed; otherwise {@code null}
 * @param witness   a concrete connection that shows it, or {@code null}
 * @param parts     the message's parts when the finding was {@linkplain #explained explained}, else {@code null}
 * @param fix       lines to paste as they are (YAML to add, an accepted-changes entry), or {@code null}
 * @param environment the rendered environment it was found in (e.g. {@code prod}), or {@code null} for the plain
 *                  sources of a build that renders nothing
 */
public record Finding(String id, FindingCode code, Severity severity, String message, String namespace,
                      Direction direction, SourcePosition location, boolean accepted, String acceptedReason,
                      Boolean effective, Witness witness, Parts parts, String fix,
                      String environment) {

    /**
     * The parts of a message, for reports that show them apart (report.html).
     *
     * @param cause   what changed or is wrong, and where: one or more sentences
     * @param effect  what that does to traffic (or to the build): sentences
     * @param example one concrete case in words, without a final full stop, or {@code null}
     * @param advice  what to do, leading to the {@link #fix} block when there is one: sentences
     */
    public record Parts(String cause, String effect, String example, String advice) {
        public Parts {
            Objects.requireNonNull(cause, "cause");
            Objects.requireNonNull(effect, "effect");
            Objects.requireNonNull(advice, "advice");
        }

        /** The parts as one paragraph. */
        public String message() {
            return cause + " " + effect + (example == null ? "" : " For example: " + example + ".") + " " + advice;
        }
    }

    public Finding {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        if (fix != null && fix.isBlank()) {
            fix = null;
        }
    }

    /** A finding of {@code code} with its default severity, whose id is the code itself; the rest is added by name. */
    public static Finding of(FindingCode code, String message) {
        return new Finding(code.id(), code, code.defaultSeverity(), message, null, null, null, false, null, null, null,
                null, null, null);
    }

    /** A finding whose message is made of its parts, which reports may also show apart. */
    public static Finding explained(FindingCode code, Parts parts) {
        return new Finding(code.id(), code, code.defaultSeverity(), parts.message(), null, null, null, false, null,
                null, null, parts, null, null);
    }

    /** The code as reports write it ({@code WIDENED_INGRESS}, {@code invalid-cidr}). */
    public String kind() {
        return code.id();
    }

    public Finding at(SourcePosition where) {
        return new Finding(id, code, severity, message, namespace, direction, where, accepted, acceptedReason, effective,
                witness, parts, fix, environment);
    }

    public Finding withId(String newId) {
        return new Finding(newId, code, severity, message, namespace, direction, location, accepted, acceptedReason,
                effective, witness, parts, fix, environment);
    }

    public Finding withSeverity(Severity newSeverity) {
        return new Finding(id, code, newSeverity, message, namespace, direction, location, accepted, acceptedReason,
                effective, witness, parts, fix, environment);
    }

    /** Another message; its parts, if any, no longer apply. */
    public Finding withMessage(String text) {
        return new Finding(id, code, severity, text, namespace, direction, location, accepted, acceptedReason, effective,
                witness, null, fix, environment);
    }

    /** The finding with a sentence (or a prefix such as {@code baseline git v1: }) put before its message and cause. */
    public Finding prefixed(String text) {
        Parts p = parts == null ? null : new Parts(text + parts.cause(), parts.effect(), parts.example(), parts.advice());
        return new Finding(id, code, severity, text + message, namespace, direction, location, accepted, acceptedReason,
                effective, witness, p, fix, environment);
    }

    public Finding withNamespace(String ns) {
        return new Finding(id, code, severity, message, ns, direction, location, accepted, acceptedReason, effective,
                witness, parts, fix, environment);
    }

    public Finding withDirection(Direction d) {
        return new Finding(id, code, severity, message, namespace, d, location, accepted, acceptedReason, effective,
                witness, parts, fix, environment);
    }

    /** @param isEffective for widenings whether the whole connection is allowed now, else {@code null} */
    public Finding withWitness(Witness example, Boolean isEffective) {
        return new Finding(id, code, severity, message, namespace, direction, location, accepted, acceptedReason,
                isEffective, example, parts, fix, environment);
    }

    /** @param lines text to paste as it is: YAML to add to a manifest, or an entry of the accepted-changes file */
    public Finding withFix(String lines) {
        return new Finding(id, code, severity, message, namespace, direction, location, accepted, acceptedReason,
                effective, witness, parts, lines, environment);
    }

    /** The same finding, found in the rendered environment {@code name}. */
    public Finding inEnvironment(String name) {
        return new Finding(id, code, severity, message, namespace, direction, location, accepted, acceptedReason,
                effective, witness, parts, fix, name);
    }

    public Finding accept(String reason) {
        return new Finding(id, code, severity, message, namespace, direction, location, true, reason, effective,
                witness, parts, fix, environment);
    }

    /**
     * The console form: {@code file:line:column: severity: message [id]}, and the {@link #fix} block, if any, on
     * the lines after it exactly as it is to be pasted.
     */
    public String consoleLine() {
        String where = location == null ? "" : location + ": ";
        String acc = accepted ? " (accepted" + (acceptedReason == null ? "" : ": " + acceptedReason) + ")" : "";
        return where + severity.label() + ": " + message + acc + " [" + id + "]" + (fix == null ? "" : "\n" + fix);
    }
}
