package io.github.netpol.report;

import io.github.netpol.finding.Direction;
import io.github.netpol.model.ManifestSet;
import io.github.netpol.model.PolicyManifest;
import io.github.netpol.model.WorkloadManifest;
import io.github.netpol.model.semantics.EffectivePolicy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Per-namespace isolation of one version: for every namespace that holds a policy or a declared
 * workload, how many workloads a policy isolates in each direction and which policies isolate every
 * pod ({@code podSelector: {}}). A pod is isolated for a direction as soon as one policy of that type
 * selects it, whatever the policy's rules (SEMANTICS 1.3).
 */
public final class IsolationSummary {

    private IsolationSummary() {
    }

    public static List<NamespaceIsolation> of(ManifestSet set) {
        Set<String> namespaces = new TreeSet<>();
        set.policies().forEach(p -> namespaces.add(p.namespace()));
        set.workloads().forEach(w -> namespaces.add(w.namespace()));
        List<NamespaceIsolation> out = new ArrayList<>();
        for (String ns : namespaces) {
            List<PolicyManifest> policies = set.policies().stream().filter(p -> p.namespace().equals(ns)).toList();
            List<WorkloadManifest> workloads = set.workloads().stream().filter(w -> w.namespace().equals(ns)).toList();
            out.add(new NamespaceIsolation(ns, workloads.size(), policies.size(),
                    isolated(workloads, policies, Direction.INGRESS), isolated(workloads, policies, Direction.EGRESS),
                    selectingAll(policies, Direction.INGRESS), selectingAll(policies, Direction.EGRESS)));
        }
        return out;
    }

    private static int isolated(List<WorkloadManifest> workloads, List<PolicyManifest> policies, Direction direction) {
        List<EffectivePolicy> isolating = policies.stream().map(EffectivePolicy::of)
                .filter(p -> p.isolates(direction)).toList();
        return (int) workloads.stream()
                .filter(w -> isolating.stream().anyMatch(p -> p.podSelector().matches(w.podLabels())))
                .count();
    }

    private static List<String> selectingAll(List<PolicyManifest> policies, Direction direction) {
        return policies.stream()
                .filter(p -> {
                    EffectivePolicy policy = EffectivePolicy.of(p);
                    return policy.isolates(direction) && policy.podSelector().selectsAll();
                })
                .map(p -> p.policy().getMetadata() == null ? "" : p.policy().getMetadata().getName())
                .toList();
    }
}
