package io.github.netpol.validate.lint.peers;

import io.github.netpol.finding.FindingCode;
import io.github.netpol.validate.lint.BaseRule;
import io.github.netpol.validate.lint.Examples;
import io.github.netpol.validate.lint.LintContext;
import io.github.netpol.validate.lint.PolicyRuleView;
import io.github.netpol.validate.lint.Violation;

import java.util.ArrayList;
import java.util.List;

/** {@code ingress: [{}]}: a rule with neither peers nor ports allows all traffic. */
public final class AllowAllRule extends BaseRule {

    public AllowAllRule() {
        super(FindingCode.ALLOW_ALL_RULE,
                Examples.policy("""
                        podSelector:
                          matchLabels:
                            app: api
                        policyTypes: [Ingress]
                        ingress:
                        - {}
                        """),
                Examples.policy("""
                        podSelector:
                          matchLabels:
                            app: api
                        policyTypes: [Ingress]
                        ingress:
                        - from:
                          - podSelector:
                              matchLabels:
                                app: frontend
                        """));
    }

    @Override
    public List<Violation> check(LintContext context) {
        List<Violation> out = new ArrayList<>();
        for (PolicyRuleView rule : context.allRules()) {
            if (rule.allPeers() && rule.allPorts()) {
                String written = rule.peersAsWritten();
                out.add(rule.policy().violation(rule.pointer(), rule.direction(),
                        rule.where() + " has " + written + " and no ports, which means every peer on every port: it"
                                + " allows all " + rule.direction().label() + " traffic "
                                + rule.direction().peerField()
                                + " everywhere, and the policy isolates nothing. List the allowed peers and ports, or"
                                + " delete the rule for a default-deny."));
            }
        }
        return out;
    }
}
