package io.github.netpol.finding;

import java.util.Locale;

/** The side of a connection a policy rule governs. */
public enum Direction {
    INGRESS, EGRESS;

    /** {@code ingress} or {@code egress}, as written in reports. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The policyTypes spelling: {@code Ingress} or {@code Egress}. */
    public String policyType() {
        return this == INGRESS ? "Ingress" : "Egress";
    }

    /** The field that lists a rule's peers: {@code from} for ingress, {@code to} for egress. */
    public String peerField() {
        return this == INGRESS ? "from" : "to";
    }
}
