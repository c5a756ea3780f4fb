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

/** {@code ports: [{}]}: every TCP port, not every protocol. */
public final class PortEntryAllTcpRule extends BaseRule {

    public PortEntryAllTcpRule() {
        super(FindingCode.PORT_ENTRY_ALL_TCP,
                Examples.policy("""
                        podSelector: {}
                        policyTypes: [Ingress]
                        ingress:
                        - from:
                          - podSelector: {}
                          ports:
                          - {}
                        """),
                Examples.policy("""
                        podSelector: {}
                        policyTypes: [Ingress]
                        ingress:
                        - from:
                          - podSelector: {}
                          ports:
                          - protocol: TCP
                        """));
    }

    @Override
    public List<Violation> check(LintContext context) {
        List<Violation> out = new ArrayList<>();
        for (PolicyRuleView rule : context.allRules()) {
            for (PortView port : rule.ports()) {
                if (port.anyPort() && !port.protocolWritten()) {
                    out.add(rule.policy().violation(port.pointer(), rule.direction(),
                            rule.where() + ": a ports item without port and protocol means every TCP port (not all traffic: "
                                    + "UDP and SCTP stay blocked). Write protocol: TCP to say so, a port to narrow it, or "
                                    + "delete ports to allow every protocol."));
                }
            }
        }
        return out;
    }
}
