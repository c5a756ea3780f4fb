package io.github.netpol.validate.lint.ipblocks;

import io.github.netpol.finding.FindingCode;
import io.github.netpol.validate.lint.BaseRule;
import io.github.netpol.validate.lint.Examples;
import io.github.netpol.validate.lint.LintContext;
import io.github.netpol.validate.lint.PeerView;
import io.github.netpol.validate.lint.Violation;

import java.util.ArrayList;
import java.util.List;

/** {@code ipBlock: 0.0.0.0/0} or {@code ::/0}. */
public final class IpBlockAnyAddressRule extends BaseRule {

    public IpBlockAnyAddressRule() {
        super(FindingCode.IPBLOCK_ANY_ADDRESS,
                Examples.policy("""
                        podSelector:
                          matchLabels:
                            app: api
                        policyTypes: [Egress]
                        egress:
                        - to:
                          - ipBlock:
                              cidr: 0.0.0.0/0
                        """),
                Examples.policy("""
                        podSelector:
                          matchLabels:
                            app: api
                        policyTypes: [Egress]
                        egress:
                        - to:
                          - ipBlock:
                              cidr: 203.0.113.0/24
                        """));
    }

    @Override
    public List<Violation> check(LintContext context) {
        List<Violation> out = new ArrayList<>();
        for (PeerView peer : context.allPeers()) {
            peer.cidr().filter(c -> c.prefix() == 0).ifPresent(c -> out.add(peer.rule().policy().violation(
                    peer.pointer() + "/ipBlock/cidr", peer.rule().direction(),
                    "NetworkPolicy " + peer.describe() + ": ipBlock " + c.display() + " matches every "
                            + (c.isIpv4() ? "IPv4" : "IPv6") + " address, the internet included, and depending on the "
                            + "network plugin pods and nodes too. List the external ranges that are needed.")));
        }
        return out;
    }
}
