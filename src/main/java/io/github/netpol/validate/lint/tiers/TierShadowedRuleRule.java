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
import java.util.Optional;

/**
 * A tier rule an earlier rule always decides first: an earlier rule of its policy, or a rule of a policy of the
 * same tier with a lower priority number whose subject covers its own. Policies of equal priority are the
 * overlap rule's concern; the BaselineAdminNetworkPolicy's place is undefined, so it is only compared with itself.
 */
public final class TierShadowedRuleRule extends BaseRule {

    public TierShadowedRuleRule() {
        super(FindingCode.TIER_SHADOWED_RULE,
                TierExamples.cnp("tenant-a", "Admin", 10, "ingress:\n" + TierExamples.ACCEPT_SAME_TENANT + TierExamples.DENY_DEBUG),
                TierExamples.cnp("tenant-a", "Admin", 10, "ingress:\n" + TierExamples.DENY_DEBUG + TierExamples.ACCEPT_SAME_TENANT));
    }

    @Override
    public List<Violation> check(LintContext context) {
        List<Violation> out = new ArrayList<>();
        for (TierPolicyView view : context.tierPolicies()) {
            for (Direction d : Direction.values()) {
                List<TierRule> rules = view.policy().rules(d);
                for (TierRule rule : rules) {
                    shadowing(context, view, rule).ifPresent(s -> out.add(violation(view, rule, s)));
                }
            }
        }
        return out;
    }

    private record Shadow(TierPolicyView policy, TierRule rule) {
    }

    private static Optional<Shadow> shadowing(LintContext context, TierPolicyView view, TierRule rule) {
        for (TierRule earlier : view.policy().rules(rule.direction()).subList(0, rule.index())) {
            if (TierMatch.ruleCovers(earlier, rule)) {
                return Optional.of(new Shadow(view, earlier));
            }
        }
        TierPolicy p = view.policy();
        for (TierPolicyView other : context.tierPolicies()) {
            TierPolicy o = other.policy();
            if (o.tier() != p.tier() || !o.hasPriority() || !p.hasPriority() || o.priority() >= p.priority()
                    || !TierMatch.subjectCovers(o.subject(), p.subject())) {
                continue;
            }
            for (TierRule earlier : o.rules(rule.direction())) {
                if (TierMatch.ruleCovers(earlier, rule)) {
                    return Optional.of(new Shadow(other, earlier));
                }
            }
        }
        return Optional.empty();
    }

    private static Violation violation(TierPolicyView view, TierRule rule, Shadow s) {
        String action = rule.action().word(view.policy().kind());
        String earlierAction = s.rule().action().word(s.policy().policy().kind());
        String where = s.policy() == view ? s.rule().label() + " (" + earlierAction + ") above it"
                : s.policy().describe(s.rule()) + " at " + s.policy().at(s.rule().pointer());
        String effect = s.rule().action() == rule.action()
                ? "so it is redundant: if " + s.rule().label() + " is narrowed later, this rule silently keeps the old "
                + action + "."
                : "so its " + action + " never applies: every such connection gets " + earlierAction + " instead"
                + (s.rule().action() == TierPolicy.Action.PASS ? " (it is passed on to the lower tiers)" : "") + ".";
        String fix = s.policy() == view
                ? "Move it above " + s.rule().label() + " if it is meant to decide, or delete it."
                : "Give " + view.policy().name() + " a lower priority number than " + s.policy().policy().name()
                + " if this rule is meant to decide, or delete it.";
        return view.violation(rule.pointer(), rule.direction(), view.describe(rule) + " never decides a connection: "
                + where + " matches every connection it matches (" + TierWords.ports(rule.ports()) + " "
                + (rule.direction() == Direction.INGRESS ? "from " : "to ")
                + String.join(", ", rule.peers().stream().map(TierWords::peer).toList()) + "), " + effect + " " + fix,
                null);
    }
}
