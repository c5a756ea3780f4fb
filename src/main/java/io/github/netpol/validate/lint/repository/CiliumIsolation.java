package io.github.netpol.validate.lint.repository;

import io.github.netpol.finding.Direction;
import io.github.netpol.model.WorkloadManifest;
import io.github.netpol.model.semantics.CiliumEndpoints;
import io.github.netpol.model.semantics.CiliumPolicy;
import io.github.netpol.validate.lint.CiliumPolicyView;
import io.github.netpol.validate.lint.LintContext;

import java.util.Map;
import java.util.Optional;

/**
 * Isolation by Cilium policies: a rule ({@code spec}, {@code specs[i]}) that selects the pods and has an allow or
 * deny section for the direction puts them in default deny, as a NetworkPolicy with that policy type does. A rule
 * with {@code enableDefaultDeny: false} for the direction does not count; neither does a host policy.
 */
final class CiliumIsolation {

    private CiliumIsolation() {
    }

    /** The first Cilium rule that isolates every pod of the namespace in the direction. */
    static Optional<String> isolating(LintContext context, String namespace, Direction direction) {
        return isolating(context, namespace, null, direction);
    }

    /** The first Cilium rule that isolates the workload's pods; host-network pods are never selected. */
    static Optional<String> isolating(LintContext context, WorkloadManifest workload, Direction direction) {
        return workload.hostNetwork() ? Optional.empty()
                : isolating(context, workload.namespace(), workload.podLabels(), direction);
    }

    /** Whether some Cilium rule selects pods of the namespace at all (in either direction). */
    static boolean selectsPodsIn(LintContext context, String namespace) {
        return java.util.Arrays.stream(Direction.values()).anyMatch(d -> selecting(context, namespace, null, d, false).isPresent());
    }

    /** {@code podLabels} {@code null}: every pod of the namespace. */
    private static Optional<String> isolating(LintContext context, String namespace, Map<String, String> podLabels,
                                              Direction direction) {
        return selecting(context, namespace, podLabels, direction, true);
    }

    private static Optional<String> selecting(LintContext context, String namespace, Map<String, String> podLabels,
                                              Direction direction, boolean isolating) {
        Map<String, String> labels = context.namespaceLabels(namespace);
        for (CiliumPolicyView.SelectingRule selecting : context.ciliumRulesSelectingIn(namespace)) {
            CiliumPolicy.Rule rule = selecting.rule();
            if (rule.nodeSelector() || (isolating ? !rule.defaultDeny(direction) : !rule.governs(direction))) {
                continue;
            }
            CiliumEndpoints.Pods s = selecting.subject();
            boolean pods = podLabels == null ? isolating ? s.pods().selectsAll() : true : s.pods().matches(podLabels);
            if (pods && s.namespaces().matches(labels)) {
                return Optional.of(selecting.view().describe(rule) + " (default deny of " + direction.label() + ")");
            }
        }
        return Optional.empty();
    }
}
