package io.github.netpol.validate.lint.tiers;

import io.github.netpol.finding.Direction;
import io.github.netpol.finding.FindingCode;
import io.github.netpol.model.semantics.TierPolicy;
import io.github.netpol.model.semantics.TierRule;
import io.github.netpol.validate.lint.BaseRule;
import io.github.netpol.validate.lint.LintContext;
import io.github.netpol.validate.lint.TierPolicyView;
import io.github.netpol.validate.lint.Violation;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Two policies whose order the API leaves undefined (one tier and priority; or the BaselineAdminNetworkPolicy and
 * a Baseline-tier ClusterNetworkPolicy) and which can both match one connection. Reported once per pair, on the
 * later one in the sources, with a free priority to give it.
 */
public final class TierPriorityOverlapRule extends BaseRule {
    private static final String DENY = "ingress:\n" + TierExamples.DENY_TENANT_B;
    private static final String MONITORING = """
            ingress:
            - action: Accept
              from:
              - namespaces: {}
              protocols:
              - tcp:
                  destinationPort: {number: 9090}
            """;

    public TierPriorityOverlapRule() {
        super(FindingCode.TIER_PRIORITY_OVERLAP, TierExamples.cnp("deny-tenant-b", "Admin", 10, DENY)
                        + "---\n" + TierExamples.cnp("allow-monitoring", "Admin", 10, MONITORING),
                TierExamples.cnp("deny-tenant-b", "Admin", 10, DENY)
                        + "---\n" + TierExamples.cnp("allow-monitoring", "Admin", 5, MONITORING));
    }

    @Override
    public List<Violation> check(LintContext context) {
        List<Violation> out = new ArrayList<>();
        List<TierPolicyView> all = context.tierPolicies();
        for (int j = 0; j < all.size(); j++) {
            for (int i = 0; i < j; i++) {
                TierPolicyView first = all.get(i);
                TierPolicyView later = all.get(j);
                if (!unordered(first.policy(), later.policy())
                        || !TierMatch.subjectsIntersect(first.policy().subject(), later.policy().subject())) {
                    continue;
                }
                overlap(context, first, later).ifPresent(out::add);
            }
        }
        return out;
    }

    /** Whether the API leaves the order of the two undefined. */
    private static boolean unordered(TierPolicy a, TierPolicy b) {
        if (a.tier() != b.tier()) {
            return false;
        }
        if (a.hasPriority() && b.hasPriority()) {
            return a.priority() == b.priority();
        }
        return a.hasPriority() != b.hasPriority(); // the BaselineAdminNetworkPolicy among Baseline-tier policies
    }

    private static java.util.Optional<Violation> overlap(LintContext context, TierPolicyView first, TierPolicyView later) {
        for (Direction d : Direction.values()) {
            for (TierRule a : first.policy().rules(d)) {
                for (TierRule b : later.policy().rules(d)) {
                    if (TierMatch.rulesIntersect(a, b)) {
                        return java.util.Optional.of(violation(context, first, a, later, b));
                    }
                }
            }
        }
        return java.util.Optional.empty();
    }

    private static Violation violation(LintContext context, TierPolicyView first, TierRule a, TierPolicyView later, TierRule b) {
        // report on the one to change: the BaselineAdminNetworkPolicy, else the later one in the sources
        TierPolicyView at = first.policy().hasPriority() && !later.policy().hasPriority() ? later
                : !first.policy().hasPriority() ? first : later;
        TierPolicyView other = at == later ? first : later;
        TierRule atRule = at == later ? b : a;
        TierRule otherRule = at == later ? a : b;
        Direction d = b.direction();
        TierPolicy.Subject sa = first.policy().subject();
        TierPolicy.Subject sb = later.policy().subject();
        String pods = TierWords.workload(context, sa, sb)
                .orElse(TierWords.subject(TierMatch.subjectCovers(sa, sb) ? sb : sa));
        String peer = "";
        for (var p : a.peers()) {
            for (var q : b.peers()) {
                if (peer.isEmpty() && TierMatch.peersIntersect(p, q)) {
                    peer = TierWords.peer(TierMatch.peerCovers(p, q) ? q : p); // the narrower one is the example
                }
            }
        }
        String example = d.label() + " " + (d == Direction.INGRESS ? "to " + pods + " from " : "from " + pods + " to ") + peer;
        String outcome = a.action() == b.action()
                ? "Both " + a.action().word(first.policy().kind()) + " it today, but which policy's later rules apply to the"
                + " rest of such connections still depends on the implementation."
                : "One says " + a.action().word(first.policy().kind()) + ", the other " + b.action().word(later.policy().kind())
                + ": the outcome depends on the implementation, and `check` counts the connection as possibly allowed.";
        String cause = at.describe(atRule) + " and " + other.describe(otherRule) + " at " + other.at(otherRule.pointer())
                + " can both match one connection, e.g. " + example + ". ";
        if (!at.policy().hasPriority() || !other.policy().hasPriority()) {
            return at.violation("/metadata/name", d, cause + "The BaselineAdminNetworkPolicy has no priority, so its place"
                    + " among Baseline-tier ClusterNetworkPolicies is undefined. " + outcome + " Move its rules into a"
                    + " Baseline-tier ClusterNetworkPolicy with a priority of its own.", null);
        }
        int free = freePriority(context, at.policy());
        return at.violation("/spec/priority", d, cause + "The API leaves the order of policies of one tier and priority"
                + " undefined. " + outcome + " Give " + at.policy().kind().kindName() + " " + at.policy().name()
                + " a priority no other " + at.policy().tier().word() + "-tier policy has, e.g. " + free
                + " to apply it " + (free > at.policy().priority() ? "after " : "before ") + other.policy().name() + ":",
                "priority: " + free);
    }

    /** The nearest priority above (else below) the policy's that no policy of its tier has. */
    static int freePriority(LintContext context, TierPolicy policy) {
        Set<Integer> used = new TreeSet<>();
        context.tierPolicies().stream().map(TierPolicyView::policy)
                .filter(p -> p.tier() == policy.tier() && p.hasPriority()).forEach(p -> used.add(p.priority()));
        for (int p = policy.priority() + 1; p <= 1000; p++) {
            if (!used.contains(p)) {
                return p;
            }
        }
        for (int p = policy.priority() - 1; p >= 0; p--) {
            if (!used.contains(p)) {
                return p;
            }
        }
        return policy.priority();
    }
}
