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

/** An except entry inside another except entry of the same ipBlock. */
public final class RedundantExceptRule extends BaseRule {

    public RedundantExceptRule() {
        super(FindingCode.REDUNDANT_IPBLOCK_EXCEPT,
                Examples.policy("""
                        podSelector:
                          matchLabels:
                            app: api
                        policyTypes: [Egress]
                        egress:
                        - to:
                          - ipBlock:
                              cidr: 198.51.0.0/16
                              except:
                              - 198.51.100.0/24
                              - 198.51.100.128/25
                        """),
                Examples.policy("""
                        podSelector:
                          matchLabels:
                            app: api
                        policyTypes: [Egress]
                        egress:
                        - to:
                          - ipBlock:
                              cidr: 198.51.0.0/16
                              except:
                              - 198.51.100.0/24
                        """));
    }

    @Override
    public List<Violation> check(LintContext context) {
        List<Violation> out = new ArrayList<>();
        for (PeerView peer : context.allPeers()) {
            Map<Integer, Cidr> excepts = peer.excepts();
            for (var inner : excepts.entrySet()) {
                excepts.entrySet().stream()
                        .filter(outer -> !outer.getKey().equals(inner.getKey()) && outer.getValue().contains(inner.getValue())
                                // of two equal entries only the later one is redundant
                                && !(inner.getValue().contains(outer.getValue()) && outer.getKey() > inner.getKey()))
                        .findFirst()
                        .ifPresent(outer -> out.add(peer.rule().policy().violation(
                                peer.pointer() + "/ipBlock/except/" + inner.getKey(), peer.rule().direction(),
                                "NetworkPolicy " + peer.describe() + ": except entry " + inner.getValue().display()
                                        + " lies inside except entry " + outer.getValue().display()
                                        + " and changes nothing; delete it or correct the range.")));
            }
        }
        return out;
    }
}
