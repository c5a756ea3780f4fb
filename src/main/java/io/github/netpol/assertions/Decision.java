package io.github.netpol.assertions;

import io.github.netpol.analysis.AnalyzedVersion;
import io.github.netpol.analysis.SideAnalysis;
import io.github.netpol.analysis.TierDecision;
import io.github.netpol.finding.Direction;
import io.github.netpol.finding.Endpoint;
import io.github.netpol.finding.Witness;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Which policies decide one concrete connection, side by side: the rules that let it through, that
 * no policy isolates the pod, or the policies that isolate it while no rule matches. Evaluated
 * concretely on the connection, so it names exactly what a reader would find in the files.
 */
final class Decision {

    private Decision() {
    }

    /** One sentence per side, e.g. "ingress of the destination: blocked: ...". */
    static String explain(AnalyzedVersion version, Witness w) {
        List<String> parts = new ArrayList<>();
        if (w.source() instanceof Endpoint.Pod src) {
            parts.add(side(version.side(src.namespace(), Direction.EGRESS), src, w.destination(), w, "source"));
        } else {
            parts.add("the source is an address outside the cluster and has no egress side");
        }
        if (w.destination() instanceof Endpoint.Pod dst) {
            parts.add(side(version.side(dst.namespace(), Direction.INGRESS), dst, w.source(), w, "destination"));
        } else {
            parts.add("the destination is an address outside the cluster and has no ingress side");
        }
        return String.join("; ", parts);
    }

    private static String side(SideAnalysis side, Endpoint.Pod local, Endpoint peer, Witness w, String role) {
        Direction d = side.direction();
        String head = d.label() + " of the " + role + ": ";
        // a rule of the Admin tier or of a Cilium policy decides first; a Pass leaves it to the NetworkPolicies
        Optional<String> first = ordered(side.tiers().admin().decisions(), local, peer, w);
        if (first.isPresent()) {
            return head + first.get();
        }
        Function<io.github.netpol.analysis.Dim, Object> labels = dim -> local.podLabels().get(dim.key());
        List<String> isolating = side.isolating().stream().filter(s -> s.pods().contains(labels))
                .map(s -> s.policy().key() + " (" + s.policy().origin().at("/spec/podSelector") + ")").toList();
        List<String> rules = side.rules().stream()
                .filter(r -> r.region().allows(local, peer, w.protocol(), w.port(), w.facts()))
                .map(r -> r.rule().describe() + " (" + r.rule().location() + ")").toList();
        if (!rules.isEmpty()) {
            return head + "allowed by " + String.join(", ", rules);
        }
        if (!isolating.isEmpty()) {
            return head + "blocked, the " + role + " is isolated for " + d.label() + " by " + String.join(", ", isolating)
                    + " and no " + d.label() + " rule matches";
        }
        Optional<String> last = ordered(side.tiers().baseline().decisions(), local, peer, w);
        if (last.isPresent()) {
            return head + last.get();
        }
        return head + "allowed, the " + role + " is not isolated for " + d.label() + " (no " + d.policyType()
                + " policy of namespace " + local.namespace() + " selects it)";
    }

    /** The first of the ordered rules that accepts or denies the connection, in words; empty when none does. */
    private static Optional<String> ordered(List<TierDecision> decisions, Endpoint.Pod local, Endpoint peer, Witness w) {
        for (TierDecision t : decisions) {
            if (!t.region().allows(local, peer, w.protocol(), w.port(), w.facts())) {
                continue;
            }
            return switch (t.rule().action()) {
                case ACCEPT -> Optional.of("allowed by " + t.rule().describe() + " (" + t.rule().location() + ")");
                case DENY -> Optional.of("blocked by " + t.rule().describe() + " (" + t.rule().location() + ")");
                case PASS -> Optional.empty();
            };
        }
        return Optional.empty();
    }
}
