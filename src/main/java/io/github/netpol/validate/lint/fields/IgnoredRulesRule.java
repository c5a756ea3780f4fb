package io.github.netpol.validate.lint.fields;

import io.github.netpol.finding.Direction;
import io.github.netpol.finding.FindingCode;
import io.github.netpol.validate.lint.BaseRule;
import io.github.netpol.validate.lint.LintContext;
import io.github.netpol.validate.lint.PolicyView;
import io.github.netpol.validate.lint.Violation;

import java.util.ArrayList;
import java.util.List;

/** Rules for a direction that explicit policyTypes leave out: Kubernetes ignores them silently. */
abstract class IgnoredRulesRule extends BaseRule {
    private final Direction direction;

    IgnoredRulesRule(FindingCode code, Direction direction, String before, String after) {
        super(code, before, after);
        this.direction = direction;
    }

    @Override
    public final List<Violation> check(LintContext context) {
        List<Violation> out = new ArrayList<>();
        for (PolicyView p : context.policies()) {
            if (p.policyTypesWritten() && !p.isolates(direction) && !p.rules(direction).isEmpty()) {
                out.add(p.violation("/spec/" + direction.label(), direction,
                        "NetworkPolicy " + p.ref() + " has " + direction.label() + " rules but policyTypes "
                                + p.writtenPolicyTypes() + " lacks " + direction.policyType()
                                + ", so Kubernetes ignores them. Add " + direction.policyType()
                                + " to policyTypes, or delete the rules."));
            }
        }
        return out;
    }
}
