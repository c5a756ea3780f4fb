package io.github.netpol.finding;

import java.util.Objects;

/**
 * One result of any goal, the single value every report format writes.
 *
 * @param id        stable identifier; for validation the rule id, for the gate e.g.
 *                  {@code WIDENED_INGRESS/payments/allow-api}
 * @param kind      rule id or finding kind ({@code WIDENED_INGRESS}, {@code invalid-label-value}, ...)
 * @param severity  error, warning or info
 * @param message   one sentence (or a few) a person can act on
 * @param namespace the namespace it is about, or {@code null}
 * @param direction ingress or egress where it applies, or {@code null}
 * @param location  where in the sources, or {@code null} when no file applies
 * @param accepted  true when an accepted-changes entry covers it
 * @param acceptedReason the reason of that entry, or {@code null}
 * @param effective for widenings: whether the whole connection is now allowed; otherwise {@code null}
 * @param witness   for widenings: a concrete newly allowed connection; otherwise {@code null}
 */
public record Finding(String id, String kind, Severity severity, String message, String namespace,
                      Direction direction, SourcePosition location, boolean accepted, String acceptedReason,
                      Boolean effective, Witness witness) {

    public Finding {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
    }

    /** A plain finding with no witness: what loading and validation produce. */
    public static Finding of(String kind, Severity severity, String message, SourcePosition location) {
        return new Finding(kind, kind, severity, message, null, null, location, false, null, null, null);
    }

    public Finding withNamespace(String ns) {
        return new Finding(id, kind, severity, message, ns, direction, location, accepted, acceptedReason, effective, witness);
    }

    public Finding withId(String newId) {
        return new Finding(newId, kind, severity, message, namespace, direction, location, accepted, acceptedReason, effective, witness);
    }

    public Finding withSeverity(Severity newSeverity) {
        return new Finding(id, kind, newSeverity, message, namespace, direction, location, accepted, acceptedReason, effective, witness);
    }

    public Finding accept(String reason) {
        return new Finding(id, kind, severity, message, namespace, direction, location, true, reason, effective, witness);
    }

    /** The console form: {@code file:line:column: severity: message [id]}. */
    public String consoleLine() {
        String where = location == null ? "" : location + ": ";
        String acc = accepted ? " (accepted" + (acceptedReason == null ? "" : ": " + acceptedReason) + ")" : "";
        return where + severity.label() + ": " + message + acc + " [" + id + "]";
    }
}
