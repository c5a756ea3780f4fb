package io.github.netpol.validate.lint.ipblocks;

import io.github.netpol.finding.FindingCode;
import io.github.netpol.validate.lint.BaseRule;
import io.github.netpol.validate.lint.Examples;
import io.github.netpol.validate.lint.LintContext;
import io.github.netpol.validate.lint.LintSettings;
import io.github.netpol.validate.lint.PeerView;
import io.github.netpol.validate.lint.Violation;

import java.util.ArrayList;
import java.util.List;

/** An ipBlock with a very short (but non-zero) prefix. */
public final class IpBlockShortPrefixRule extends BaseRule {

    public IpBlockShortPrefixRule() {
        super(FindingCode.IPBLOCK_SHORT_PREFIX,
                Examples.policy("""
                        podSelector:
                          matchLabels:
                            app: api
                        policyTypes: [Egress]
                        egress:
                        - to:
                          - ipBlock:
                              cidr: 0.0.0.0/1
                        """),
                Examples.policy("""
                        podSelector:
                          matchLabels:
                            app: api
                        policyTypes: [Egress]
                        egress:
                        - to:
                          - ipBlock:
                              cidr: 198.51.100.0/24
                        """));
    }

    @Override
    public List<Violation> check(LintContext context) {
        List<Violation> out = new ArrayList<>();
        LintSettings s = context.settings();
        for (PeerView peer : context.allPeers()) {
            peer.cidr().ifPresent(c -> {
                int min = c.isIpv4() ? s.minPrefixLengthV4() : s.minPrefixLengthV6();
                if (c.prefix() > 0 && c.prefix() < min) {
                    out.add(peer.rule().policy().violation(peer.pointer() + "/ipBlock/cidr", peer.rule().direction(),
                            "NetworkPolicy " + peer.describe() + ": ipBlock " + c.display() + " has a /" + c.prefix()
                                    + " prefix, shorter than /" + min + ", and covers "
                                    + c.size() + " addresses. "
                                    + "Narrow it to the range that is needed."));
                }
            });
        }
        return out;
    }
}
