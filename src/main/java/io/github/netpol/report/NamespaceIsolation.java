package io.github.netpol.report;

import java.util.List;

/**
 * How isolated one namespace is, as the HTML report's summary shows it.
 *
 * @param workloads        the workloads declared in the namespace
 * @param policies         the NetworkPolicies in the namespace
 * @param ingressIsolated  declared workloads selected by some policy with policy type Ingress
 * @param egressIsolated   declared workloads selected by some policy with policy type Egress
 * @param ingressDefaults  policies with {@code podSelector: {}} and type Ingress: every pod of the
 *                         namespace, declared or not, is isolated for ingress
 * @param egressDefaults   the same for egress
 */
public record NamespaceIsolation(String namespace, int workloads, int policies, int ingressIsolated, int egressIsolated,
                                 List<String> ingressDefaults, List<String> egressDefaults) {

    public NamespaceIsolation {
        ingressDefaults = List.copyOf(ingressDefaults);
        egressDefaults = List.copyOf(egressDefaults);
    }
}
