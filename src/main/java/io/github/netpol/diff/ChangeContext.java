package io.github.netpol.diff;

import io.github.netpol.finding.SourcePosition;
import io.github.netpol.model.CiliumPolicyManifest;
import io.github.netpol.model.ManifestSet;
import io.github.netpol.model.NamespaceManifest;
import io.github.netpol.model.PolicyManifest;
import io.github.netpol.model.TierPolicyManifest;
import io.github.netpol.model.WorkloadManifest;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the findings of every side need to know about the two versions beyond the side itself: the policies of
 * both, the declared workloads (examples prefer them), the Namespaces whose labels changed (a cause of their own),
 * and the accepted-changes file the advice names.
 *
 * @param relabelled  Namespaces declared in both versions with other labels now, by name
 * @param idPrefix    what every finding id begins with: the rendered environment and a colon
 *                    ({@code prod:WIDENED_INGRESS/shop/web}), or nothing
 * @param currentTier the new version's ClusterNetworkPolicies, AdminNetworkPolicies and BaselineAdminNetworkPolicy,
 *                    by {@code kind/name}
 * @param oldTier     the same of the baseline
 * @param currentCilium the new version's CiliumNetworkPolicies and CiliumClusterwideNetworkPolicies, by key
 * @param workloadPorts the container ports the new version's workloads declare, each once, in the order of the
 *                      workloads: examples prefer them, and a repository has many workloads but few distinct ports
 */
record ChangeContext(String acceptedFile, String idPrefix, Map<String, PolicyManifest> oldPolicies,
                     Map<String, PolicyManifest> currentPolicies, Map<String, PolicyManifest> firstInNamespace,
                     List<WorkloadManifest> workloads, Map<String, Relabelled> relabelled,
                     Map<String, TierPolicyManifest> currentTier, Map<String, TierPolicyManifest> oldTier,
                     Map<String, CiliumPolicyManifest> currentCilium, List<Integer> workloadPorts) {

    /** A Namespace declared in both versions whose labels differ. */
    record Relabelled(NamespaceManifest before, NamespaceManifest now) {
        /** {@code Namespace payments now has the labels env=prod, team=payments (before: team=payments).} */
        String describe() {
            String labels = SideFindings.labels(now.labels());
            return "Namespace " + now.name() + " now has " + (labels.equals("none") ? "no labels" : "the labels " + labels)
                    + " (before: " + SideFindings.labels(before.labels()) + ").";
        }
    }

    static ChangeContext of(ManifestSet old, ManifestSet current, String acceptedFile, String idPrefix) {
        Map<String, PolicyManifest> oldPolicies = new LinkedHashMap<>();
        old.policies().forEach(p -> oldPolicies.putIfAbsent(p.key(), p));
        Map<String, PolicyManifest> currentPolicies = new LinkedHashMap<>();
        current.policies().forEach(p -> currentPolicies.putIfAbsent(p.key(), p));
        Map<String, PolicyManifest> firstInNamespace = new HashMap<>();
        currentPolicies.values().forEach(p -> firstInNamespace.putIfAbsent(p.namespace(), p));
        Map<String, NamespaceManifest> before = new HashMap<>();
        old.namespaces().forEach(n -> before.putIfAbsent(n.name(), n));
        Map<String, Relabelled> relabelled = new LinkedHashMap<>();
        for (NamespaceManifest n : current.namespaces()) {
            NamespaceManifest was = before.get(n.name());
            if (was != null && !was.labels().equals(n.labels())) {
                relabelled.putIfAbsent(n.name(), new Relabelled(was, n));
            }
        }
        Map<String, TierPolicyManifest> currentTier = new LinkedHashMap<>();
        current.tierPolicies().forEach(t -> currentTier.putIfAbsent(t.key(), t));
        Map<String, TierPolicyManifest> oldTier = new LinkedHashMap<>();
        old.tierPolicies().forEach(t -> oldTier.putIfAbsent(t.key(), t));
        Map<String, CiliumPolicyManifest> currentCilium = new LinkedHashMap<>();
        current.ciliumPolicies().forEach(c -> currentCilium.putIfAbsent(c.key(), c));
        Set<Integer> workloadPorts = new LinkedHashSet<>();
        current.workloads().forEach(w -> w.ports().forEach(p -> workloadPorts.add(p.port())));
        return new ChangeContext(acceptedFile, idPrefix, oldPolicies, currentPolicies, firstInNamespace,
                current.workloads(), relabelled, currentTier, oldTier, currentCilium, List.copyOf(workloadPorts));
    }

    /** Where the new version names the tier or Cilium policy with this key; empty when it has none. */
    Optional<SourcePosition> currentName(String policyKey) {
        TierPolicyManifest tier = currentTier.get(policyKey);
        if (tier != null) {
            return Optional.of(tier.origin().at("/metadata/name"));
        }
        return Optional.ofNullable(currentCilium.get(policyKey)).map(c -> c.origin().at("/metadata/name"));
    }

    /** Whether the policy is in the baseline with the very same spec: what it allows changed only through labels. */
    boolean unchanged(PolicyManifest policy) {
        PolicyManifest was = oldPolicies.get(policy.key());
        return was != null && Objects.equals(was.policy().getSpec(), policy.policy().getSpec());
    }

    /** The entry of the accepted-changes file that accepts a finding, ready to paste under {@code accepted:}. */
    static String acceptanceEntry(String id) {
        return "  - id: " + id + "\n    reason: \"<why this change is intended>\"";
    }

    /** The advice of a widening: undo it, or accept it with the entry printed after it. */
    String advice(String undo) {
        return "If this is not intended, " + undo + "; if it is, accept it with this entry under 'accepted:' in "
                + acceptedFile + ":";
    }
}
