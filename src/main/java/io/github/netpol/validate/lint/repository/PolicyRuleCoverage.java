package io.github.netpol.validate.lint.repository;

import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.github.netpol.model.semantics.Peer;
import io.github.netpol.model.semantics.PolicyPort;
import io.github.netpol.validate.lint.PeerView;
import io.github.netpol.validate.lint.PortView;
import io.github.netpol.validate.lint.PolicyRuleView;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Conservative "does rule A allow everything rule B allows" for the shadowed-rule check: true only when it is
 * certain from the structure (equal peers, selectors that select everything, contained CIDRs and port ranges);
 * false whenever in doubt, so the lint never calls a rule redundant that is not.
 * <p>
 * The exact answer is a difference of regions, which the analysis computes; validation runs below the analysis
 * and cannot use it. The pieces this check reads (selectors, CIDRs, ports) are the shared Kubernetes rules of
 * {@code model.semantics}, so the two never disagree on what a rule means, only on how much is proved.
 */
final class PolicyRuleCoverage {
    private PolicyRuleCoverage() {
    }

    static boolean covers(PolicyRuleView wide, PolicyRuleView narrow) {
        return peersCover(wide, narrow) && PolicyPort.covers(ports(wide), ports(narrow));
    }

    private static boolean peersCover(PolicyRuleView wide, PolicyRuleView narrow) {
        if (wide.allPeers()) {
            return true;
        }
        if (narrow.allPeers()) {
            return false;
        }
        List<PeerView> widePeers = wide.peerViews();
        // an equal peer is found by hash: two rules with thousands of peers in common cost thousands of steps
        Set<NetworkPolicyPeer> equal = new HashSet<>(wide.written());
        for (PeerView n : narrow.peerViews()) {
            if (!equal.contains(n.peer()) && widePeers.stream().noneMatch(w -> peerCovers(w, n))) {
                return false;
            }
        }
        return true;
    }

    private static boolean peerCovers(PeerView wide, PeerView narrow) {
        if (wide.peer().equals(narrow.peer())) {
            return true;
        }
        if (wide.means() instanceof Peer.Addresses w) {
            return narrow.means() instanceof Peer.Addresses n && addressesCover(w, n);
        }
        if (!(wide.means() instanceof Peer.Pods w) || !(narrow.means() instanceof Peer.Pods n)) {
            return false;
        }
        if (w.namespaces() == null) {
            // every pod of the policy's namespace covers any pods of that namespace
            return n.namespaces() == null && w.pods().selectsAll();
        }
        // every namespace with all its pods covers every pod peer
        return w.namespaces().selectsAll() && w.pods().selectsAll();
    }

    private static boolean addressesCover(Peer.Addresses wide, Peer.Addresses narrow) {
        return wide.cidr().isPresent() && narrow.cidr().isPresent() && wide.cidr().get().contains(narrow.cidr().get())
                && wide.except().stream().noneMatch(e -> e.overlaps(narrow.cidr().get()));
    }

    private static List<PolicyPort> ports(PolicyRuleView rule) {
        return rule.ports().stream().map(PortView::port).toList();
    }
}
