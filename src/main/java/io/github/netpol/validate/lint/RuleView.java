package io.github.netpol.validate.lint;

import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.github.netpol.finding.Direction;

import java.util.ArrayList;
import java.util.List;

/**
 * One ingress or egress rule of a policy.
 *
 * @param pointer      e.g. {@code /spec/ingress/0}
 * @param peers        the {@code from}/{@code to} items (empty when omitted or {@code []})
 * @param peersWritten true when {@code from}/{@code to} appears in the manifest (so {@code []} differs from omitted)
 * @param portsWritten true when {@code ports} appears in the manifest
 */
public record RuleView(PolicyView policy, Direction direction, int index, String pointer,
                       List<NetworkPolicyPeer> peers, boolean peersWritten, List<PortView> ports,
                       boolean portsWritten) {

    /** {@code from} or {@code to}. */
    public String peerField() {
        return direction == Direction.INGRESS ? "from" : "to";
    }

    public String peerPointer(int i) {
        return pointer + "/" + peerField() + "/" + i;
    }

    /** True when the rule matches every peer (omitted or empty peer list). */
    public boolean allPeers() {
        return peers.isEmpty();
    }

    /** True when the rule matches every port of every protocol. */
    public boolean allPorts() {
        return ports.isEmpty();
    }

    public List<PeerView> peerViews() {
        List<PeerView> out = new ArrayList<>();
        for (int i = 0; i < peers.size(); i++) {
            out.add(new PeerView(this, i, peers.get(i)));
        }
        return out;
    }

    /** {@code ingress rule 1} style text for messages (1-based, as people count). */
    public String describe() {
        return direction.label() + " rule " + (index + 1);
    }

    /** {@code NetworkPolicy ns/name ingress rule 1}, the usual start of a message. */
    public String where() {
        return "NetworkPolicy " + policy.ref() + " " + describe();
    }

    static List<PortView> portViews(String rulePointer, List<io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort> ports) {
        List<PortView> out = new ArrayList<>();
        if (ports != null) {
            for (int i = 0; i < ports.size(); i++) {
                if (ports.get(i) != null) {
                    out.add(new PortView(ports.get(i), rulePointer + "/ports/" + i));
                }
            }
        }
        return out;
    }
}
