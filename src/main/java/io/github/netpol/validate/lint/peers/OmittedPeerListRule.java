package io.github.netpol.validate.lint.peers;

import io.github.netpol.finding.Direction;
import io.github.netpol.finding.FindingCode;
import io.github.netpol.validate.lint.BaseRule;
import io.github.netpol.validate.lint.Examples;
import io.github.netpol.validate.lint.LintContext;
import io.github.netpol.validate.lint.Ports;
import io.github.netpol.validate.lint.PolicyRuleView;
import io.github.netpol.validate.lint.Violation;

import java.util.ArrayList;
import java.util.List;

/** A rule with ports but no {@code from}/{@code to}: the ports are open to every peer. */
public final class OmittedPeerListRule extends BaseRule {

    public OmittedPeerListRule() {
        super(FindingCode.OMITTED_PEER_LIST,
                Examples.policy("""
                        podSelector:
                          matchLabels:
                            app: api
                        policyTypes: [Ingress]
                        ingress:
                        - ports:
                          - port: 8080
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
                          ports:
                          - port: 8080
                        """));
    }

    @Override
    public List<Violation> check(LintContext context) {
        List<Violation> out = new ArrayList<>();
        for (PolicyRuleView rule : context.allRules()) {
            if (!rule.peersWritten() && !rule.allPorts()) {
                out.add(rule.policy().violation(rule.pointer(), rule.direction(),
                        rule.where() + " has no `" + rule.peerField() + "`, so it allows " + Ports.describe(rule.ports())
                                + (rule.direction() == Direction.INGRESS ? " from" : " to")
                                + " every pod in every namespace and every external address. Add `" + rule.peerField()
                                + "` peers unless the port is meant to be public."));
            }
        }
        return out;
    }
}
