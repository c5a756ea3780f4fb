package io.github.netpol.analysis.connectivity;

/** Traffic that both the egress side of {@code source} and the ingress side of {@code destination} allow. */
public record Connection(Node source, Node destination, PortSet ports) {

    /** {@code src => dst : TCP 8080,UDP 53}. */
    public String text() {
        return source.text() + " => " + destination.text() + " : " + ports.text();
    }
}
