package io.github.netpol.analysis;

import io.github.netpol.finding.Direction;
import io.github.netpol.model.CiliumPolicyManifest;
import io.github.netpol.model.ManifestSet;
import io.github.netpol.model.semantics.CiliumEndpoints;
import io.github.netpol.model.semantics.CiliumPolicy;
import io.github.netpol.model.NamespaceManifest;
import io.github.netpol.model.PolicyManifest;
import io.github.netpol.model.TierPolicyManifest;
import io.github.netpol.model.semantics.EffectivePolicy;
import io.github.netpol.model.semantics.Peer;
import io.github.netpol.model.semantics.PolicyRule;
import io.github.netpol.model.semantics.Selector;
import io.github.netpol.model.semantics.TierPeer;
import io.github.netpol.model.semantics.TierPolicy;
import io.github.netpol.model.semantics.TierRule;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The namespace names a version mentions: declared, holding a policy (of any kind) or a workload, or named by a
 * selector ({@code kubernetes.io/metadata.name}; a Cilium selector's {@code io.kubernetes.pod.namespace}). Any other namespace is told apart from these by no selector, which is
 * what lets one representative stand for all of them.
 */
final class NamedNamespaces {

    private NamedNamespaces() {
    }

    static Set<String> of(ManifestSet version) {
        Set<String> out = new HashSet<>();
        version.namespaces().forEach(n -> out.add(n.name()));
        version.workloads().forEach(w -> out.add(w.namespace()));
        List<Selector> selectors = new ArrayList<>();
        for (PolicyManifest p : version.policies()) {
            out.add(p.namespace());
            EffectivePolicy policy = EffectivePolicy.of(p);
            for (Direction d : Direction.values()) {
                for (PolicyRule r : policy.rules(d)) {
                    r.peers().stream().filter(peer -> peer instanceof Peer.Pods pods && pods.namespaces() != null)
                            .forEach(peer -> selectors.add(((Peer.Pods) peer).namespaces()));
                }
            }
        }
        for (TierPolicyManifest m : version.tierPolicies()) {
            TierPolicy policy = TierPolicy.of(m);
            selectors.add(policy.subject().namespaces());
            for (Direction d : Direction.values()) {
                for (TierRule r : policy.rules(d)) {
                    r.peers().stream().filter(peer -> peer instanceof TierPeer.Pods)
                            .forEach(peer -> selectors.add(((TierPeer.Pods) peer).namespaces()));
                }
            }
        }
        for (CiliumPolicyManifest m : version.ciliumPolicies()) {
            if (m.namespace() != null) {
                out.add(m.namespace());
            }
            for (CiliumPolicy.Rule rule : CiliumPolicy.of(m).rules()) {
                if (rule.subject() != null && CiliumEndpoints.subject(rule.subject(), m.clusterwide())
                        instanceof CiliumEndpoints.Pods pods) {
                    selectors.add(pods.namespaces());
                }
                for (List<CiliumPolicy.PeerRule> items : rule.sections().values()) {
                    for (CiliumPolicy.PeerRule item : items) {
                        if (item.peer() instanceof CiliumPolicy.Endpoints endpoints) {
                            for (Selector s : endpoints.selectors()) {
                                if (CiliumEndpoints.peer(s, m.clusterwide(), m.namespace()) instanceof CiliumEndpoints.Pods pods) {
                                    selectors.add(pods.namespaces());
                                }
                            }
                        }
                    }
                }
            }
        }
        for (Selector s : selectors) {
            for (Selector.Requirement r : s.requirements()) {
                if (r.key().equals(NamespaceManifest.NAME_LABEL)) {
                    out.addAll(r.values());
                }
            }
        }
        out.remove(null);
        return new TreeSet<>(out);
    }
}
