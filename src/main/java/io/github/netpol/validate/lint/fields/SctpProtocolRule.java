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

/** SCTP ports: support depends on the network plugin and kernel. */
public final class SctpProtocolRule extends BaseRule {

    public SctpProtocolRule() {
        super(FindingCode.SCTP_PROTOCOL,
                Examples.policy("""
                        podSelector: {}
                        policyTypes: [Ingress]
                        ingress:
                        - ports:
                          - port: 3868
                            protocol: SCTP
                        """),
                Examples.policy("""
                        podSelector: {}
                        policyTypes: [Ingress]
                        ingress:
                        - ports:
                          - port: 3868
                            protocol: TCP
                        """));
    }

    @Override
    public List<Violation> check(LintContext context) {
        List<Violation> out = new ArrayList<>();
        for (PolicyRuleView rule : context.allRules()) {
            for (PortView port : rule.ports()) {
                if ("SCTP".equals(port.protocol())) {
                    out.add(rule.policy().violation(port.pointer() + "/protocol", rule.direction(),
                            rule.where() + ": " + port.describe() + " relies on the network plugin enforcing SCTP, "
                                    + "which not all do; confirm yours does."));
                }
            }
        }
        return out;
    }
}
