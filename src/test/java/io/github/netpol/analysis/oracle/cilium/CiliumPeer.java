package io.github.netpol.analysis.oracle.cilium;

import io.github.netpol.finding.Endpoint;
import io.github.netpol.finding.NamedPort;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One end of a concrete connection as the Cilium agent sees it: a Cilium-managed pod or an address. What kind of
 * address it is (world, a node, the API server, ...) is not written in any manifest, so it is a fact of the
 * {@link CiliumWorld}, not of the address.
 */
public sealed interface CiliumPeer permits CiliumPeer.Pod, CiliumPeer.Addr {

    /**
     * A pod. {@code namespaceLabels} always holds {@code kubernetes.io/metadata.name}; {@code serviceAccount}
     * defaults to {@code default}, as {@code spec.serviceAccountName} does.
     */
    record Pod(String namespace, Map<String, String> namespaceLabels, Map<String, String> podLabels,
               String serviceAccount, List<NamedPort> namedPorts) implements CiliumPeer {
        public Pod {
            Map<String, String> ns = new LinkedHashMap<>(namespaceLabels);
            ns.put("kubernetes.io/metadata.name", namespace);
            namespaceLabels = Map.copyOf(ns);
            podLabels = Map.copyOf(podLabels);
            serviceAccount = serviceAccount == null ? "default" : serviceAccount;
            namedPorts = List.copyOf(namedPorts);
        }

        /** A pod with the default service account and no named ports. */
        public Pod(String namespace, Map<String, String> podLabels) {
            this(namespace, Map.of(), podLabels, null, List.of());
        }

        /** The analysis' pod with the service account its workload declares ({@code null}: default). */
        public static Pod of(Endpoint.Pod pod, String serviceAccount) {
            return new Pod(pod.namespace(), pod.namespaceLabels(), pod.podLabels(), serviceAccount, pod.namedPorts());
        }

        /** As the NetworkPolicy oracle sees the pod under Cilium: with the labels Cilium keeps in identities. */
        Endpoint.Pod toEndpoint() {
            return new Endpoint.Pod(namespace, namespaceLabels, CiliumLabels.identityLabels(podLabels), namedPorts);
        }
    }

    /** An IPv4 or IPv6 address in its usual text form. */
    record Addr(String ip) implements CiliumPeer {
        public static Addr of(Endpoint.Ip ip) {
            return new Addr(ip.ip());
        }

        Endpoint.Ip toEndpoint() {
            return new Endpoint.Ip(ip);
        }
    }
}
