package io.github.netpol.validate.lint.tiers;

import io.github.netpol.model.WorkloadManifest;
import io.github.netpol.model.semantics.PolicyPort;
import io.github.netpol.model.semantics.Selector;
import io.github.netpol.model.semantics.TierPeer;
import io.github.netpol.model.semantics.TierPolicy;
import io.github.netpol.validate.lint.LintContext;

import java.util.List;
import java.util.Optional;

/** Tier subjects, peers and ports in the words of the messages, with a declared workload as example where one fits. */
final class TierWords {
    private TierWords() {
    }

    /** {@code pods with app=api in namespaces with tenant=a}, {@code every pod in namespace shop}. */
    static String pods(Selector namespaces, Selector pods) {
        return pods.describe("pods", "every pod") + " in " + namespaces.describe("namespaces", "any namespace");
    }

    static String subject(TierPolicy.Subject s) {
        return pods(s.namespaces(), s.pods());
    }

    /** The first declared workload both selector pairs select, e.g. {@code Deployment tenant-a/api}. */
    static Optional<String> workload(LintContext context, TierPolicy.Subject a, TierPolicy.Subject b) {
        return context.workloads().stream()
                .filter(w -> selects(context, a, w) && selects(context, b, w))
                .map(w -> w.kind() + " " + w.namespace() + "/" + w.name())
                .findFirst();
    }

    static boolean selects(LintContext context, TierPolicy.Subject s, WorkloadManifest w) {
        return !w.hostNetwork() && s.namespaces().matches(context.namespaceLabels(w.namespace()))
                && s.pods().matches(w.podLabels());
    }

    static String peer(TierPeer peer) {
        if (peer instanceof TierPeer.Pods p) {
            return pods(p.namespaces(), p.pods());
        }
        if (peer instanceof TierPeer.Networks n) {
            return "addresses in " + String.join(", ", n.cidrs().stream().map(c -> c.display()).toList());
        }
        if (peer instanceof TierPeer.Nodes n) {
            return n.nodes().describe("nodes", "every node");
        }
        if (peer instanceof TierPeer.DomainNames d) {
            return "the names " + String.join(", ", d.names());
        }
        return "a peer the plugin cannot read";
    }

    static String ports(List<PolicyPort> ports) {
        return ports.isEmpty() ? "every port" : String.join(", ", ports.stream().map(PolicyPort::describe).toList());
    }
}
