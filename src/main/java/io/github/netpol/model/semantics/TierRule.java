package io.github.netpol.model.semantics;

import io.github.netpol.finding.Direction;

import java.util.List;

/**
 * One ingress or egress rule of a {@link TierPolicy}: when a connection matches one of its peers and one of its
 * ports, the rule decides it with its action. There is no implicit isolation: a connection no rule matches goes
 * on to the next rule, policy or tier.
 *
 * @param index position in {@code ingress}/{@code egress}
 * @param name  the rule's name as written, {@code ""} when it has none
 * @param peers the {@code from}/{@code to} items in their written order (the CRD requires at least one)
 * @param ports the {@code protocols} (v1alpha2) or {@code ports} (v1alpha1) items; empty (omitted) means every
 *              port of every protocol
 */
public record TierRule(Direction direction, int index, String name, TierPolicy.Action action, List<TierPeer> peers,
                       List<PolicyPort> ports) {

    public TierRule {
        peers = List.copyOf(peers);
        ports = List.copyOf(ports);
    }

    /** {@code from} or {@code to}. */
    public String peerField() {
        return direction.peerField();
    }

    /** JSON pointer of the rule in its policy, e.g. {@code /spec/ingress/0}. */
    public String pointer() {
        return "/spec/" + direction.label() + "/" + index;
    }

    /** JSON pointer of one of its peers, e.g. {@code /spec/egress/0/to/1}. */
    public String peerPointer(int peer) {
        return pointer() + "/" + peerField() + "/" + peer;
    }

    /** {@code egress[2] 'deny-metadata'}: the rule's position and its name when it has one. */
    public String label() {
        return direction.label() + "[" + index + "]" + (name.isEmpty() ? "" : " '" + name + "'");
    }

    /**
     * Whether a peer none of whose fields the implementation knows makes this rule deny everything: such a peer
     * fails closed, which for an Accept rule means matching nothing and for Deny and Pass rules "deny all".
     */
    public boolean deniesAllForUnknownPeer() {
        return action != TierPolicy.Action.ACCEPT && peers.stream().anyMatch(p -> p instanceof TierPeer.Unknown);
    }
}
