package io.github.netpol.validate.lint.tiers;

import io.github.netpol.model.semantics.PolicyPort;
import io.github.netpol.model.semantics.TierPeer;
import io.github.netpol.model.semantics.TierPolicy;
import io.github.netpol.model.semantics.TierRule;

import java.util.List;

/**
 * "Can both match one connection" and "matches everything the other matches" for tier subjects, rules, peers and
 * ports, from the shared rules of {@code model.semantics} (selector matching, CIDR containment, DNS-name patterns):
 * exact for pod and node selectors, and on the side of saying less for the rest, so that a lint never calls a
 * rule shadowed that is not. What the manifests do not decide (pod addresses inside {@code networks}, node
 * addresses, where a named port resolves) never counts as a match in either relation.
 */
final class TierMatch {
    private TierMatch() {
    }

    static boolean subjectCovers(TierPolicy.Subject wide, TierPolicy.Subject narrow) {
        return wide.namespaces().covers(narrow.namespaces()) && wide.pods().covers(narrow.pods());
    }

    static boolean subjectsIntersect(TierPolicy.Subject a, TierPolicy.Subject b) {
        return a.namespaces().intersects(b.namespaces()) && a.pods().intersects(b.pods());
    }

    /** A rule none of whose peers the plugin can read: validation rejects it, lint leaves it alone. */
    static boolean readable(TierRule rule) {
        return rule.peers().stream().noneMatch(p -> p instanceof TierPeer.Unknown);
    }

    /** Whether every connection {@code narrow} matches, {@code wide} matches too (same direction). */
    static boolean ruleCovers(TierRule wide, TierRule narrow) {
        return readable(wide) && readable(narrow) && PolicyPort.covers(wide.ports(), narrow.ports())
                && narrow.peers().stream().allMatch(n -> wide.peers().stream().anyMatch(w -> peerCovers(w, n)));
    }

    /** Whether some connection matches both rules (same direction). */
    static boolean rulesIntersect(TierRule a, TierRule b) {
        return readable(a) && readable(b) && portsIntersect(a.ports(), b.ports())
                && a.peers().stream().anyMatch(p -> b.peers().stream().anyMatch(q -> peersIntersect(p, q)));
    }

    /** Same action, and each rule matches what the other matches. */
    static boolean sameIntent(TierRule a, TierRule b) {
        return a.action() == b.action() && ruleCovers(a, b) && ruleCovers(b, a);
    }

    static boolean peerCovers(TierPeer wide, TierPeer narrow) {
        if (wide instanceof TierPeer.Pods w && narrow instanceof TierPeer.Pods n) {
            return w.namespaces().covers(n.namespaces()) && w.pods().covers(n.pods());
        }
        if (wide instanceof TierPeer.Networks w && narrow instanceof TierPeer.Networks n) {
            return n.cidrs().stream().allMatch(c -> w.cidrs().stream().anyMatch(x -> x.contains(c)));
        }
        if (wide instanceof TierPeer.Nodes w && narrow instanceof TierPeer.Nodes n) {
            return w.nodes().covers(n.nodes());
        }
        if (wide instanceof TierPeer.DomainNames w && narrow instanceof TierPeer.DomainNames n) {
            // a pattern's names all behave like one of them: *.example.com like x.example.com
            return n.names().stream().allMatch(name -> w.names().stream()
                    .anyMatch(p -> TierPeer.DomainNames.matches(p, instance(name))));
        }
        return false;
    }

    static boolean peersIntersect(TierPeer a, TierPeer b) {
        if (a instanceof TierPeer.Pods p && b instanceof TierPeer.Pods q) {
            return p.namespaces().intersects(q.namespaces()) && p.pods().intersects(q.pods());
        }
        if (a instanceof TierPeer.Networks p && b instanceof TierPeer.Networks q) {
            return p.cidrs().stream().anyMatch(c -> q.cidrs().stream().anyMatch(c::overlaps));
        }
        if (a instanceof TierPeer.Nodes p && b instanceof TierPeer.Nodes q) {
            return p.nodes().intersects(q.nodes());
        }
        if (a instanceof TierPeer.DomainNames p && b instanceof TierPeer.DomainNames q) {
            return p.names().stream().anyMatch(x -> q.names().stream().anyMatch(y ->
                    TierPeer.DomainNames.matches(x, instance(y)) || TierPeer.DomainNames.matches(y, instance(x))));
        }
        return false;
    }

    static boolean portsIntersect(List<PolicyPort> a, List<PolicyPort> b) {
        return a.isEmpty() || b.isEmpty() || a.stream().anyMatch(p -> b.stream().anyMatch(q -> portsMeet(p, q)));
    }

    /** Whether two items can match one port; a named port may resolve to any number, so it meets any number. */
    private static boolean portsMeet(PolicyPort a, PolicyPort b) {
        if (!a.anyProtocol() && !b.anyProtocol() && !a.protocol().equals(b.protocol())) {
            return false;
        }
        if (a.anyPort() || b.anyPort() || a.isNamed() || b.isNamed()) {
            return true;
        }
        return a.from() <= b.to() && b.from() <= a.to();
    }

    private static String instance(String pattern) {
        return pattern.startsWith("*.") ? "x" + pattern.substring(1) : pattern;
    }
}
