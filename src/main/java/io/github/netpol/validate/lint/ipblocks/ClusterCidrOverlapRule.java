package io.github.netpol.validate.lint.ipblocks;

import io.github.netpol.finding.FindingCode;
import io.github.netpol.model.semantics.Cidr;
import io.github.netpol.validate.lint.BaseRule;
import io.github.netpol.validate.lint.Examples;
import io.github.netpol.validate.lint.LintContext;
import io.github.netpol.validate.lint.LintSettings;
import io.github.netpol.validate.lint.PeerView;
import io.github.netpol.validate.lint.Violation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An ipBlock overlapping a configured cluster range (pods, Services or nodes) that its except
 * entries do not carve out; quiet when the range is not configured.
 */
abstract class ClusterCidrOverlapRule extends BaseRule {
    private final String what;
    private final String consequence;

    ClusterCidrOverlapRule(FindingCode code, String what, String consequence, String before, String after) {
        super(code, before, after);
        this.what = what;
        this.consequence = consequence;
    }

    abstract List<String> ranges(LintSettings settings);

    @Override
    public final List<Violation> check(LintContext context) {
        List<Cidr> ranges = ranges(context.settings()).stream().map(Cidr::parse).flatMap(Optional::stream).toList();
        List<Violation> out = new ArrayList<>();
        if (ranges.isEmpty()) {
            return out;
        }
        for (PeerView peer : context.allPeers()) {
            Optional<Cidr> cidr = peer.cidr();
            if (cidr.isEmpty()) {
                continue;
            }
            List<String> hit = ranges.stream().filter(r -> uncoveredOverlap(cidr.get(), r, peer)).map(Cidr::text).toList();
            if (!hit.isEmpty()) {
                out.add(peer.rule().policy().violation(peer.pointer() + "/ipBlock/cidr", peer.rule().direction(),
                        "NetworkPolicy " + peer.describe() + ": ipBlock " + cidr.get().display() + " overlaps the " + what + " "
                                + String.join(", ", hit) + "; " + consequence
                                + " Use pod or namespace selectors for in-cluster peers, or add the range to `except`."));
            }
        }
        return out;
    }

    /** The intersection of two CIDRs is the smaller one; it is carved out when one except contains it. */
    private static boolean uncoveredOverlap(Cidr block, Cidr range, PeerView peer) {
        if (!block.overlaps(range)) {
            return false;
        }
        Cidr intersection = block.contains(range) ? range : block;
        return peer.excepts().values().stream().noneMatch(e -> e.contains(intersection));
    }

    static String egressExample(String cidr) {
        return Examples.policy("""
                podSelector:
                  matchLabels:
                    app: api
                policyTypes: [Egress]
                egress:
                - to:
                  - ipBlock:
                      cidr: %s
                """.formatted(cidr));
    }
}
