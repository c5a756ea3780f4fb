package io.github.netpol.validate.lint.tiers;

import io.github.netpol.finding.Direction;
import io.github.netpol.finding.FindingCode;
import io.github.netpol.model.semantics.TierRule;
import io.github.netpol.validate.lint.BaseRule;
import io.github.netpol.validate.lint.LintContext;
import io.github.netpol.validate.lint.TierPolicyView;
import io.github.netpol.validate.lint.Violation;

import java.util.ArrayList;
import java.util.List;

/**
 * A rule of a v1alpha1 AdminNetworkPolicy or BaselineAdminNetworkPolicy with the same intent as a rule of a
 * v1alpha2 ClusterNetworkPolicy of the same tier: equal subjects, and rules that match the same connections with
 * the same action.
 */
public final class TierV1alpha1DuplicateRule extends BaseRule {

    public TierV1alpha1DuplicateRule() {
        super(FindingCode.TIER_V1ALPHA1_DUPLICATE,
                TierExamples.anp("isolate-tenant-a", 10, "ingress:\n" + TierExamples.DENY_TENANT_B) + "---\n"
                        + TierExamples.cnp("isolate-tenant-a", "Admin", 10, "ingress:\n" + TierExamples.DENY_TENANT_B),
                TierExamples.cnp("isolate-tenant-a", "Admin", 10, "ingress:\n" + TierExamples.DENY_TENANT_B));
    }

    @Override
    public List<Violation> check(LintContext context) {
        List<Violation> out = new ArrayList<>();
        for (TierPolicyView old : context.tierPolicies()) {
            if (!old.policy().kind().v1alpha1()) {
                continue;
            }
            for (Direction d : Direction.values()) {
                for (TierRule rule : old.policy().rules(d)) {
                    context.tierPolicies().stream()
                            .filter(v -> !v.policy().kind().v1alpha1() && v.policy().tier() == old.policy().tier()
                                    && TierMatch.subjectCovers(v.policy().subject(), old.policy().subject())
                                    && TierMatch.subjectCovers(old.policy().subject(), v.policy().subject()))
                            .flatMap(v -> v.policy().rules(d).stream().filter(r -> TierMatch.sameIntent(r, rule))
                                    .map(r -> violation(old, rule, v, r)))
                            .findFirst().ifPresent(out::add);
                }
            }
        }
        return out;
    }

    private static Violation violation(TierPolicyView old, TierRule rule, TierPolicyView current, TierRule same) {
        return old.violation(rule.pointer(), rule.direction(), old.describe(rule) + " says what "
                + current.describe(same) + " at " + current.at(same.pointer()) + " says: the same subject ("
                + TierWords.subject(old.policy().subject()) + "), peers, ports and action. A cluster serving both API"
                + " versions applies both, and the two copies drift apart when only one is edited. Keep one: once every"
                + " cluster runs v1alpha2, delete this rule (or the whole " + old.policy().kind().kindName() + " "
                + old.policy().name() + " when all its rules are copied).", null);
    }
}
