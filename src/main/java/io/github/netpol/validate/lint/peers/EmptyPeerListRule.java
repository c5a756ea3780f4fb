package io.github.netpol.validate.lint.peers;

import io.github.netpol.finding.FindingCode;
import io.github.netpol.validate.lint.BaseRule;
import io.github.netpol.validate.lint.Examples;
import io.github.netpol.validate.lint.LintContext;
import io.github.netpol.validate.lint.Ports;
import io.github.netpol.validate.lint.PolicyRuleView;
import io.github.netpol.validate.lint.Violation;

import java.util.ArrayList;
import java.util.List;

/** {@code from: []} / {@code to: []} with ports: looks restrictive, allows every peer. */
public final class EmptyPeerListRule extends BaseRule {

    public EmptyPeerListRule() {
        super(FindingCode.EMPTY_PEER_LIST,
                Examples.policy("""
                        podSelector:
                          matchLabels:
                            app: api
                        policyTypes: [Ingress]
                        ingress:
                        - from: []
                          ports:
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
            if (rule.peersWritten() && rule.allPeers() && !rule.allPorts()) {
                out.add(rule.policy().violation(rule.pointer() + "/" + rule.peerField(), rule.direction(),
                        rule.where() + ": " + rule.peersAsWritten() + " matches every "
                                + (rule.direction() == io.github.netpol.finding.Direction.INGRESS ? "source" : "destination")
                                + ", including addresses outside the cluster, on " + Ports.describe(rule.ports())
                                + ". List the allowed peers, or delete the rule if none should be allowed."));
            }
        }
        return out;
    }
}
