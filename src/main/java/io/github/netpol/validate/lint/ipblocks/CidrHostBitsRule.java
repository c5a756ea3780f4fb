package io.github.netpol.validate.lint.ipblocks;

import io.github.netpol.finding.FindingCode;
import io.github.netpol.model.semantics.Cidr;
import io.github.netpol.validate.lint.BaseRule;
import io.github.netpol.validate.lint.Examples;
import io.github.netpol.validate.lint.LintContext;
import io.github.netpol.validate.lint.PeerView;
import io.github.netpol.validate.lint.Violation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code 10.1.2.3/8}: bits set beyond the prefix; Kubernetes reads the network, strict validation rejects it. */
public final class CidrHostBitsRule extends BaseRule {

    public CidrHostBitsRule() {
        super(FindingCode.CIDR_HOST_BITS,
                Examples.policy("""
                        podSelector:
                          matchLabels:
                            app: api
                        policyTypes: [Egress]
                        egress:
                        - to:
                          - ipBlock:
                              cidr: 198.51.100.7/24
                        """),
                Examples.policy("""
                        podSelector:
                          matchLabels:
                            app: api
                        policyTypes: [Egress]
                        egress:
                        - to:
                          - ipBlock:
                              cidr: 198.51.100.7/32
                        """));
    }

    @Override
    public List<Violation> check(LintContext context) {
        List<Violation> out = new ArrayList<>();
        for (PeerView peer : context.allPeers()) {
            peer.cidr().filter(Cidr::hostBitsSet).ifPresent(c -> out.add(violation(peer, "/ipBlock/cidr", c)));
            for (Map.Entry<Integer, Cidr> e : peer.excepts().entrySet()) {
                if (e.getValue().hostBitsSet()) {
                    out.add(violation(peer, "/ipBlock/except/" + e.getKey(), e.getValue()));
                }
            }
        }
        return out;
    }

    private static Violation violation(PeerView peer, String field, Cidr c) {
        return peer.rule().policy().violation(peer.pointer() + field, peer.rule().direction(),
                "NetworkPolicy " + peer.describe() + ": " + c.display() + " has bits set beyond its /" + c.prefix()
                        + " prefix, so Kubernetes reads it as " + c.canonical()
                        + " and strict CIDR validation rejects it. Write " + c.canonical() + " if the network is meant, or /"
                        + c.bits() + " for the single address.");
    }
}
