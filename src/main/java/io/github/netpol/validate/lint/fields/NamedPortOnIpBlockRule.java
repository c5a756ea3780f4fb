package io.github.netpol.validate.lint.fields;

import io.github.netpol.finding.Direction;
import io.github.netpol.finding.FindingCode;
import io.github.netpol.validate.lint.BaseRule;
import io.github.netpol.validate.lint.Examples;
import io.github.netpol.validate.lint.LintContext;
import io.github.netpol.validate.lint.PeerView;
import io.github.netpol.validate.lint.PortView;
import io.github.netpol.validate.lint.PolicyRuleView;
import io.github.netpol.validate.lint.Violation;

import java.util.ArrayList;
import java.util.List;

/**
 * An egress rule whose peers are all ipBlocks and whose port is named: a named port resolves on the
 * destination pod, and an external address has none. (On ingress the name resolves on the selected
 * pod, so ipBlock sources are fine.)
 */
public final class NamedPortOnIpBlockRule extends BaseRule {

    public NamedPortOnIpBlockRule() {
        super(FindingCode.NAMED_PORT_ON_IPBLOCK,
                Examples.policy("""
                        podSelector: {}
                        policyTypes: [Egress]
                        egress:
                        - to:
                          - ipBlock:
                              cidr: 203.0.113.0/24
                          ports:
                          - port: https
                        """),
                Examples.policy("""
                        podSelector: {}
                        policyTypes: [Egress]
                        egress:
                        - to:
                          - ipBlock:
                              cidr: 203.0.113.0/24
                          ports:
                          - port: 443
                        """));
    }

    @Override
    public List<Violation> check(LintContext context) {
        List<Violation> out = new ArrayList<>();
        for (PolicyRuleView rule : context.allRules()) {
            if (rule.direction() != Direction.EGRESS || rule.allPeers()
                    || !rule.peerViews().stream().allMatch(PeerView::isIpBlock)) {
                continue;
            }
            for (PortView port : rule.ports()) {
                if (port.isNamed()) {
                    out.add(rule.policy().violation(port.pointer() + "/port", rule.direction(),
                            rule.where() + ": named port '" + port.name() + "' cannot resolve on ipBlock destinations "
                                    + "(external addresses have no named ports), so this item matches nothing. "
                                    + "Use the port number."));
                }
            }
        }
        return out;
    }
}
