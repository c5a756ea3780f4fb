package io.github.netpol.analysis.connectivity;

import java.util.List;

/**
 * Traffic that both the egress side of {@code source} and the ingress side of {@code destination} allow.
 *
 * @param ports    every port some choice the manifests leave open allows (all of them certain without tier policies)
 * @param verdicts with tier policies, the ports split by how certain they are and what decided each side; empty
 *                 for a version without them, where NetworkPolicies or the default decide and nothing is open
 */
public record Connection(Node source, Node destination, PortSet ports, List<Verdict> verdicts) {

    public Connection {
        verdicts = List.copyOf(verdicts);
    }

    public Connection(Node source, Node destination, PortSet ports) {
        this(source, destination, ports, List.of());
    }

    /** {@code src => dst : TCP 8080,UDP 53}. */
    public String text() {
        return source.text() + " => " + destination.text() + " : " + ports.text();
    }

    /** The ports every choice allows (with tier policies; all of {@link #ports} without). */
    public PortSet certainPorts() {
        if (verdicts.isEmpty()) {
            return ports;
        }
        PortSet out = PortSet.none();
        for (Verdict v : verdicts) {
            if (v.certain()) {
                out = out.union(v.ports());
            }
        }
        return out;
    }
}
