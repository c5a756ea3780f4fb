package io.github.netpol.analysis.connectivity;

/**
 * Ports of one connection decided alike: whether every choice the manifests leave open allows them
 * ({@code certain}) or only some (equal priorities, a pod's IP in a {@code networks} CIDR, node addresses, DNS
 * names), and what decided each side.
 *
 * @param egress  what decided the source's egress side, {@code null} when the source is an external range
 * @param ingress what decided the destination's ingress side, {@code null} when it is an external range
 */
public record Verdict(PortSet ports, boolean certain, String egress, String ingress) {

    /** {@code certainly} or {@code possibly}. */
    public String certainty() {
        return certain ? "certainly" : "possibly";
    }

    /** {@code egress: …; ingress: …}, the sides that exist. */
    public String decidedBy() {
        if (egress == null) {
            return "ingress: " + ingress;
        }
        return ingress == null ? "egress: " + egress : "egress: " + egress + "; ingress: " + ingress;
    }

    /** The ports' text with the certainty and the deciding rules: {@code TCP 80 certainly (egress: …; ingress: …)}. */
    public String text() {
        return ports.text() + " " + certainty() + " (" + decidedBy() + ")";
    }
}
