package io.github.netpol.validate.lint.fields;

import io.github.netpol.finding.FindingCode;
import io.github.netpol.validate.lint.BaseRule;
import io.github.netpol.validate.lint.Examples;
import io.github.netpol.validate.lint.LintContext;
import io.github.netpol.validate.lint.PortView;
import io.github.netpol.validate.lint.PolicyRuleView;
import io.github.netpol.validate.lint.Violation;

import java.util.ArrayList;
import java.util.List;

/** {@code port..endPort} covering more than {@code maxPortRange} ports. */
public final class WidePortRangeRule extends BaseRule {

    public WidePortRangeRule() {
        super(FindingCode.WIDE_PORT_RANGE,
                Examples.policy("""
                        podSelector: {}
                        policyTypes: [Ingress]
                        ingress:
                        - from:
                          - podSelector: {}
                          ports:
                          - port: 1
                            endPort: 65535
                        """),
                Examples.policy("""
                        podSelector: {}
                        policyTypes: [Ingress]
                        ingress:
                        - from:
                          - podSelector: {}
                          ports:
                          - port: 8080
                            endPort: 8089
                        """));
    }

    @Override
    public List<Violation> check(LintContext context) {
        List<Violation> out = new ArrayList<>();
        int max = context.settings().maxPortRange();
        for (PolicyRuleView rule : context.allRules()) {
            for (PortView port : rule.ports()) {
                if (port.isNumeric() && port.to() - port.from() + 1 > max) {
                    out.add(rule.policy().violation(port.pointer() + "/endPort", rule.direction(),
                            rule.where() + ": port range " + port.describe() + " spans " + (port.to() - port.from() + 1)
                                    + " ports, more than " + max + ". List the ports the service uses."));
                }
            }
        }
        return out;
    }
}
