package io.github.netpol.analysis;

import io.github.netpol.model.semantics.Cidr;

import java.util.List;

/**
 * How the analysis treats what the manifests do not fix.
 *
 * @param namespaceLabels {@code DECLARED}: a declared Namespace has exactly its declared labels;
 *                        {@code ANY}: every namespace may carry any labels (SPEC {@code netpol.namespaceLabels})
 * @param podCidrs        the cluster's pod CIDRs ({@code netpol.podCidrs}): the addresses a pod may have, which a
 *                        ClusterNetworkPolicy's {@code networks} peer may match; empty when unknown (any address)
 */
public record AnalysisOptions(NamespaceLabels namespaceLabels, List<Cidr> podCidrs) {

    public enum NamespaceLabels { DECLARED, ANY }

    public AnalysisOptions {
        podCidrs = List.copyOf(podCidrs);
    }

    public AnalysisOptions(NamespaceLabels namespaceLabels) {
        this(namespaceLabels, List.of());
    }

    public static AnalysisOptions defaults() {
        return new AnalysisOptions(NamespaceLabels.DECLARED);
    }

    /** The addresses a pod may have: the pod CIDRs, or every address when they are not given. */
    public IntervalSet podAddresses() {
        if (podCidrs.isEmpty()) {
            return IpAddresses.ALL;
        }
        IntervalSet out = IntervalSet.empty();
        for (Cidr c : podCidrs) {
            out = out.union(IpAddresses.addresses(c));
        }
        return out;
    }
}
