package io.github.netpol.validate.lint.fields;

import io.github.netpol.finding.Direction;
import io.github.netpol.finding.FindingCode;
import io.github.netpol.validate.lint.Examples;


/** Egress rules with {@code policyTypes: [Ingress]}. */
public final class EgressRulesIgnoredRule extends IgnoredRulesRule {

    public EgressRulesIgnoredRule() {
        super(FindingCode.EGRESS_RULES_IGNORED, Direction.EGRESS,
                Examples.policy("""
                        podSelector: {}
                        policyTypes: [Ingress]
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
}
