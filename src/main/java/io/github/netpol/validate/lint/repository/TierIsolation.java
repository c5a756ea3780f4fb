package io.github.netpol.validate.lint.repository;

import io.github.netpol.finding.Direction;
import io.github.netpol.model.WorkloadManifest;
import io.github.netpol.model.semantics.Cidr;
import io.github.netpol.model.semantics.TierPeer;
import io.github.netpol.model.semantics.TierPolicy;
import io.github.netpol.model.semantics.TierRule;
import io.github.netpol.validate.lint.LintContext;
import io.github.netpol.validate.lint.TierPolicyView;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Required isolation by the Admin and Baseline tiers: a {@code Deny} whose subject selects every pod of the
 * namespace and whose rule matches every peer on every port isolates the namespace in that direction, as a
 * default-deny NetworkPolicy does (later allows are then exceptions, as NetworkPolicy allows are). A Deny that only
 * some pods, peers or ports hit does not count. Ingress peers of these kinds are pods only, so "every peer" is
 * every pod of every namespace; egress needs {@code networks} covering {@code 0.0.0.0/0} and {@code ::/0}, which
 * hold every pod, node and outside address.
 */
final class TierIsolation {
    private static final Cidr ANY_V4 = Cidr.parse("0.0.0.0/0").orElseThrow();
    private static final Cidr ANY_V6 = Cidr.parse("::/0").orElseThrow();

    private TierIsolation() {
    }

    /** The first Deny that isolates the namespace in the direction, e.g. {@code ingress[0] (Deny) of ClusterNetworkPolicy ...}. */
    static Optional<String> isolating(LintContext context, String namespace, Direction direction) {
        return isolating(context, namespace, null, direction);
    }

    /** The first Deny that isolates the workload's pods in the direction; host-network pods are never selected. */
    static Optional<String> isolating(LintContext context, WorkloadManifest workload, Direction direction) {
        return workload.hostNetwork() ? Optional.empty()
                : isolating(context, workload.namespace(), workload.podLabels(), direction);
    }

    /** {@code podLabels} {@code null}: every pod of the namespace. */
    private static Optional<String> isolating(LintContext context, String namespace, Map<String, String> podLabels,
                                              Direction direction) {
        Map<String, String> labels = context.namespaceLabels(namespace);
        for (TierPolicyView view : context.tierPolicies()) {
            TierPolicy.Subject s = view.policy().subject();
            boolean pods = podLabels == null ? s.pods().selectsAll() : s.pods().matches(podLabels);
            if (!pods || !s.namespaces().matches(labels)) {
                continue;
            }
            for (TierRule rule : view.policy().rules(direction)) {
                if (rule.action() == TierPolicy.Action.DENY && missing(rule).isEmpty()) {
                    return Optional.of(view.describe(rule));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The Deny rules of the missing directions that hit the namespace but do not isolate it, each with what it
     * lacks, as sentences to put in the message; empty when there are none.
     */
    static String partial(LintContext context, String namespace, List<Direction> directions) {
        Map<String, String> labels = context.namespaceLabels(namespace);
        List<String> out = new ArrayList<>();
        for (TierPolicyView view : context.tierPolicies()) {
            TierPolicy.Subject s = view.policy().subject();
            if (!s.namespaces().matches(labels)) {
                continue;
            }
            for (Direction d : directions) {
                for (TierRule rule : view.policy().rules(d)) {
                    if (rule.action() != TierPolicy.Action.DENY) {
                        continue;
                    }
                    List<String> lacks = new ArrayList<>();
                    if (!s.pods().selectsAll()) {
                        lacks.add("its subject selects only " + s.pods().describe("pods", "every pod"));
                    }
                    lacks.addAll(missing(rule));
                    out.add(view.describe(rule) + " at " + view.at(rule.pointer()) + " does not count: "
                            + String.join(", and ", lacks));
                }
            }
        }
        return out.isEmpty() ? "" : " " + String.join("; ", out) + ".";
    }

    /** What keeps the rule from matching every peer on every port: empty when it matches them all. */
    private static List<String> missing(TierRule rule) {
        List<String> out = new ArrayList<>();
        if (!rule.ports().isEmpty()) {
            out.add("it matches only some ports");
        }
        if (rule.direction() == Direction.INGRESS && rule.peers().stream().noneMatch(TierIsolation::everyPod)) {
            out.add("it matches only some sources (every pod of every namespace is namespaces: {})");
        }
        if (rule.direction() == Direction.EGRESS && !(covers(rule, ANY_V4) && covers(rule, ANY_V6))) {
            out.add("it matches only some destinations (every address is networks: [0.0.0.0/0, '::/0'])");
        }
        return out;
    }

    private static boolean everyPod(TierPeer peer) {
        return peer instanceof TierPeer.Pods p && p.namespaces().selectsAll() && p.pods().selectsAll();
    }

    private static boolean covers(TierRule rule, Cidr all) {
        return rule.peers().stream().anyMatch(p -> p instanceof TierPeer.Networks n
                && n.cidrs().stream().anyMatch(c -> c.contains(all)));
    }
}
