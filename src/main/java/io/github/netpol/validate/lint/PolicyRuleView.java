package io.github.netpol.validate.lint;

import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.github.netpol.finding.Direction;
import io.github.netpol.model.semantics.PolicyRule;

import java.util.ArrayList;
import java.util.List;

/**
 * One ingress or egress rule of a policy: as the API server reads it, and how it is written.
 *
 * @param written      the {@code from}/{@code to} items as written ({@code null} items as empty peers)
 * @param peersWritten true when {@code from}/{@code to} appears in the manifest (so {@code []} differs from omitted)
 * @param peersNull    true when {@code from}/{@code to} is written without a value ({@code - from:}), which means
 *                     every peer just as {@code []} does
 * @param ports        the {@code ports} items with their positions
 * @param portsWritten true when {@code ports} appears in the manifest
 */
public record PolicyRuleView(PolicyView policy, PolicyRule rule, List<NetworkPolicyPeer> written, boolean peersWritten,
                       boolean peersNull, List<PortView> ports, boolean portsWritten) {

    /** How the peer list is written, e.g. {@code `from: []`}, {@code `from:` with no value}, {@code no `from`}. */
    public String peersAsWritten() {
        if (!peersWritten) {
            return "no `" + peerField() + "`";
        }
        return peersNull ? "`" + peerField() + ":` with no value (null)" : "`" + peerField() + ": []`";
    }

    public Direction direction() {
        return rule.direction();
    }

    public int index() {
        return rule.index();
    }

    /** e.g. {@code /spec/ingress/0}. */
    public String pointer() {
        return rule.pointer();
    }

    /** {@code from} or {@code to}. */
    public String peerField() {
        return rule.peerField();
    }

    public String peerPointer(int i) {
        return rule.peerPointer(i);
    }

    /** True when the rule matches every peer (omitted or empty peer list). */
    public boolean allPeers() {
        return rule.allPeers();
    }

    /** True when the rule matches every port of every protocol. */
    public boolean allPorts() {
        return rule.allPorts();
    }

    public List<PeerView> peerViews() {
        List<PeerView> out = new ArrayList<>();
        for (int i = 0; i < written.size(); i++) {
            out.add(new PeerView(this, i, written.get(i), rule.peers().get(i)));
        }
        return out;
    }

    /** {@code ingress rule 1} style text for messages (1-based, as people count). */
    public String describe() {
        return direction().label() + " rule " + (index() + 1);
    }

    /** {@code NetworkPolicy ns/name ingress rule 1}, the usual start of a message. */
    public String where() {
        return "NetworkPolicy " + policy.ref() + " " + describe();
    }
}
