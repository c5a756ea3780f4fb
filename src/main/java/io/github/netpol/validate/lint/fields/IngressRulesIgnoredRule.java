package io.github.netpol.validate.lint.fields;

import io.github.netpol.finding.Direction;
import io.github.netpol.finding.FindingCode;
import io.github.netpol.validate.lint.Examples;


/** Ingress rules with {@code policyTypes: [Egress]}. */
public final class IngressRulesIgnoredRule extends IgnoredRulesRule {

    public IngressRulesIgnoredRule() {
        super(FindingCode.INGRESS_RULES_IGNORED, Direction.INGRESS,
                Examples.policy("""
                        podSelector: {}
                        policyTypes: [Egress]
                        ingress:
                        - from:
                          - podSelector: {}
                        """),
                Examples.policy("""
                        podSelector: {}
                        policyTypes: [Ingress, Egress]
                        ingress:
                        - from:
                          - podSelector: {}
                        """));
    }
}
