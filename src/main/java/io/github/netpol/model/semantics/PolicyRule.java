package io.github.netpol.model.semantics;

import io.github.netpol.finding.Direction;

import java.util.List;

/**
 * One ingress or egress rule of a NetworkPolicy: it allows traffic with any of its peers on any of its ports.
 * A rule written as {@code null} is the empty rule, as the API server decodes it.
 *
 * @param index position in {@code ingress}/{@code egress}
 * @param peers the {@code from}/{@code to} items in their written order; empty (omitted or {@code []}) means every peer
 * @param ports the {@code ports} items in their written order; empty (omitted or {@code []}) means every port of
 *              every protocol
 */
public record PolicyRule(Direction direction, int index, List<Peer> peers, List<PolicyPort> ports) {

    public PolicyRule {
        peers = List.copyOf(peers);
        ports = List.copyOf(ports);
    }

    /** True when the rule matches every peer: pods of every namespace and every address. */
    public boolean allPeers() {
        return peers.isEmpty();
    }

    /** True when the rule matches every port of every protocol. */
    public boolean allPorts() {
        return ports.isEmpty();
    }

    /** {@code from} or {@code to}. */
    public String peerField() {
        return direction.peerField();
    }

    /** JSON pointer of the rule in its policy, e.g. {@code /spec/ingress/0}. */
    public String pointer() {
        return "/spec/" + direction.label() + "/" + index;
    }

    /** JSON pointer of one of its peers, e.g. {@code /spec/ingress/0/from/1}. */
    public String peerPointer(int peer) {
        return pointer() + "/" + peerField() + "/" + peer;
    }
}
