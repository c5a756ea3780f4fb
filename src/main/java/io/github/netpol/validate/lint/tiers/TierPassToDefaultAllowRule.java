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

/**
 * A {@code Pass} that reaches only the default allow: every Baseline-tier Pass, and an Admin-tier Pass when the
 * sources hold no NetworkPolicy isolating that direction in a namespace of its subject and no Baseline-tier policy
 * with rules of that direction for its pods.
 */
public final class TierPassToDefaultAllowRule extends BaseRule {

    public TierPassToDefaultAllowRule() {
        super(FindingCode.TIER_PASS_TO_DEFAULT_ALLOW,
                TierExamples.cnp("delegate-same-tenant", "Admin", 20, TierExamples.PASS_SAME_TENANT),
                TierExamples.cnp("delegate-same-tenant", "Admin", 20, TierExamples.PASS_SAME_TENANT) + "---\n"
                        + TierExamples.cnp("default-deny", "Baseline", 1000, """
                        ingress:
                        - name: default-deny
                          action: Deny
                          from:
                          - namespaces: {}
                        """));
    }

    @Override
    public List<Violation> check(LintContext context) {
        List<Violation> out = new ArrayList<>();
        for (TierPolicyView view : context.tierPolicies()) {
            TierPolicy p = view.policy();
            for (Direction d : Direction.values()) {
                if (p.rules(d).stream().noneMatch(r -> r.action() == TierPolicy.Action.PASS)) {
                    continue;
                }
                boolean decidedBelow = p.tier() == TierPolicy.Tier.ADMIN && (networkPolicyBelow(context, p, d)
                        || context.tierPolicies().stream().map(TierPolicyView::policy)
                        .anyMatch(b -> b.tier() == TierPolicy.Tier.BASELINE && !b.rules(d).isEmpty()
                                && TierMatch.subjectsIntersect(b.subject(), p.subject())));
                if (decidedBelow) {
                    continue;
                }
                for (TierRule rule : p.rules(d)) {
                    if (rule.action() == TierPolicy.Action.PASS) {
                        out.add(violation(view, rule));
                    }
                }
            }
        }
        return out;
    }

    /** Whether a NetworkPolicy isolates {@code d} in a namespace the subject's namespace selector matches. */
    private static boolean networkPolicyBelow(LintContext context, TierPolicy p, Direction d) {
        return context.policies().stream().anyMatch(np -> np.isolates(d)
                && p.subject().namespaces().matches(context.namespaceLabels(np.namespace())));
    }

    private static Violation violation(TierPolicyView view, TierRule rule) {
        TierPolicy p = view.policy();
        Direction d = rule.direction();
        String subject = TierWords.subject(p.subject());
        String peers = String.join(", ", rule.peers().stream().map(TierWords::peer).toList());
        String below = p.tier() == TierPolicy.Tier.BASELINE
                ? "In the Baseline tier a Pass skips the rest of the tier, and only the default allow is left"
                : "Nothing in the sources decides such connections below the Admin tier: no NetworkPolicy isolates "
                + d.label() + " in a namespace of " + subject + ", and no Baseline-tier policy has " + d.label()
                + " rules for those pods";
        String fix = p.tier() == TierPolicy.Tier.BASELINE
                ? "Write action: Accept if allowing is meant, or Deny if it is not."
                : "Add a Baseline-tier default deny for these pods (below), or NetworkPolicies in their namespaces if they"
                + " live in another repository (then suppress this finding on the policy), or write action: Accept if"
                + " allowing is meant:";
        String yaml = p.tier() == TierPolicy.Tier.BASELINE ? null : """
                ---
                apiVersion: policy.networking.k8s.io/v1alpha2
                kind: ClusterNetworkPolicy
                metadata:
                  name: baseline-default-deny-%1$s
                spec:
                  tier: Baseline
                  priority: 1000
                  subject:
                %2$s
                  %1$s:
                  - name: default-deny
                    action: Deny
                    %3$s:
                    - namespaces: {}%4$s""".formatted(d.label(), TierYaml.subject(view.manifest(), "    "), rule.peerField(),
                d == Direction.EGRESS ? "\n    - networks: [0.0.0.0/0, '::/0']" : "");
        return view.violation(rule.pointer(), d, view.describe(rule) + " passes " + d.label() + " traffic of "
                + subject + (d == Direction.INGRESS ? " from " : " to ") + peers + " on " + TierWords.ports(rule.ports())
                + " to the lower tiers. " + below + ", so the Pass acts as an Accept. " + fix, yaml);
    }
}
