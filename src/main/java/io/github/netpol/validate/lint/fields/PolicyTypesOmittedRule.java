package io.github.netpol.validate.lint.fields;

import io.github.netpol.finding.FindingCode;
import io.github.netpol.validate.lint.BaseRule;
import io.github.netpol.validate.lint.Examples;
import io.github.netpol.validate.lint.LintContext;
import io.github.netpol.validate.lint.PolicyView;
import io.github.netpol.validate.lint.Violation;

import java.util.ArrayList;
import java.util.List;

/** No policyTypes: the isolated directions are derived from the rules. */
public final class PolicyTypesOmittedRule extends BaseRule {

    public PolicyTypesOmittedRule() {
        super(FindingCode.POLICY_TYPES_OMITTED,
                Examples.policy("""
                        podSelector: {}
                        egress:
                        - to:
                          - podSelector: {}
                        """),
                Examples.policy("""
                        podSelector: {}
                        policyTypes: [Ingress, Egress]
                        egress:
                        - to:
                          - podSelector: {}
                        """));
    }

    @Override
    public List<Violation> check(LintContext context) {
        List<Violation> out = new ArrayList<>();
        for (PolicyView p : context.policies()) {
            if (!p.policyTypesWritten()) {
                String derived = p.isolates(io.github.netpol.finding.Direction.EGRESS) ? "[Ingress, Egress]" : "[Ingress]";
                out.add(p.violation("/spec", null, "NetworkPolicy " + p.ref() + " has no policyTypes, so Kubernetes derives "
                        + derived + " from its rules; removing the last egress rule later would silently lift egress "
                        + "isolation. Write policyTypes: " + derived + " explicitly."));
            }
        }
        return out;
    }
}
