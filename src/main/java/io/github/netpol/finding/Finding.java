package io.github.netpol.finding;

import java.util.Objects;

/**
 * One result of any goal, the single value every report format writes. Built by name:
 * {@code Finding.of(FindingCode.INVALID_CIDR, message).at(position).withNamespace(ns)}.
 *
 * @param id        stable identifier, built from the code's pattern: for validation the code itself, for the
 *                  check e.g. {@code WIDENED_INGRESS/payments/allow-api}
 * @param code      what kind of finding it is, with its documentation
 * @param severity  error, warning or info
 * @param message   one sentence (or a few) a person can act on
 * @param namespace the namespace it is about, or {@code null}
 * @param direction ingress or egress where it applies, or {@code null}
 * @param location  where in the sources, or {@code null} when no file applies
 * @param accepted  true when an accepted-changes entry covers it
 * @param acceptedReason the reason of that entry, or {@code null}
 * @param effective for widenings: whether the whole connection is now allowed; otherwise {@code null}
 * @param witness   a concrete connection that shows it, or {@code null}
 * @param environment the rendered environment it was found in (e.g. {@code prod}), or {@code null} for the plain
 *                  sources of a build that renders nothing
 */
public record Finding(String id, FindingCode code, Severity severity, String message, String namespace,
                      Direction direction, SourcePosition location, boolean accepted, String acceptedReason,
                      Boolean effective, Witness witness, String environment) {

    public Finding {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
    }

    /** A finding of {@code code} with its default severity, whose id is the code itself; the rest is added by name. */
    public static Finding of(FindingCode code, String message) {
        return new Finding(code.id(), code, code.defaultSeverity(), message, null, null, null, false, null, null, null,
                null);
    }

    /** The code as reports write it ({@code WIDENED_INGRESS}, {@code invalid-cidr}). */
    public String kind() {
        return code.id();
    }

    public Finding at(SourcePosition where) {
        return new Finding(id, code, severity, message, namespace, direction, where, accepted, acceptedReason, effective, witness, environment);
    }

    public Finding withId(String newId) {
        return new Finding(newId, code, severity, message, namespace, direction, location, accepted, acceptedReason, effective, witness, environment);
    }

    public Finding withSeverity(Severity newSeverity) {
        return new Finding(id, code, newSeverity, message, namespace, direction, location, accepted, acceptedReason, effective, witness, environment);
    }

    public Finding withMessage(String text) {
        return new Finding(id, code, severity, text, namespace, direction, location, accepted, acceptedReason, effective, witness, environment);
    }

    public Finding withNamespace(String ns) {
        return new Finding(id, code, severity, message, ns, direction, location, accepted, acceptedReason, effective, witness, environment);
    }

    public Finding withDirection(Direction d) {
        return new Finding(id, code, severity, message, namespace, d, location, accepted, acceptedReason, effective, witness, environment);
    }

    /** @param isEffective for widenings whether the whole connection is allowed now, else {@code null} */
    public Finding withWitness(Witness example, Boolean isEffective) {
        return new Finding(id, code, severity, message, namespace, direction, location, accepted, acceptedReason, isEffective, example,
                environment);
    }

    /** The same finding, found in the rendered environment {@code name}. */
    public Finding inEnvironment(String name) {
        return new Finding(id, code, severity, message, namespace, direction, location, accepted, acceptedReason, effective, witness,
                name);
    }

    public Finding accept(String reason) {
        return new Finding(id, code, severity, message, namespace, direction, location, true, reason, effective, witness, environment);
    }

    /** The console form: {@code file:line:column: severity: message [id]}. */
    public String consoleLine() {
        String where = location == null ? "" : location + ": ";
        String acc = accepted ? " (accepted" + (acceptedReason == null ? "" : ": " + acceptedReason) + ")" : "";
        return where + severity.label() + ": " + message + acc + " [" + id + "]";
    }
}
