package io.github.netpol.finding;

import java.util.List;
import java.util.Map;

/**
 * One end of a concrete connection: a pod (described by its labels) or an address outside the cluster. Where a
 * connection's fate depends on facts the manifests do not fix, the example states them: the pod's IP (a
 * {@code networks} peer of a ClusterNetworkPolicy matches pod IPs), whether an address is a node's and its labels,
 * the DNS names it is reached by.
 */
public sealed interface Endpoint permits Endpoint.Pod, Endpoint.Ip {

    /** The DNS names the connection reaches this end by (empty when none is relevant). */
    List<String> domainNames();

    /**
     * A pod in a namespace; {@code namespaceLabels} include {@code kubernetes.io/metadata.name}.
     *
     * @param workload the declared workload the pod belongs to, {@code namespace/Kind/name}, or {@code null} for a
     *                 pod only described by its labels
     * @param ip       the pod's IP when the example depends on it, else {@code null}
     */
    record Pod(String namespace, Map<String, String> namespaceLabels, Map<String, String> podLabels,
               List<NamedPort> namedPorts, String workload, String ip, List<String> domainNames) implements Endpoint {
        public Pod {
            namespaceLabels = Map.copyOf(namespaceLabels);
            podLabels = Map.copyOf(podLabels);
            namedPorts = List.copyOf(namedPorts);
            domainNames = domainNames == null ? List.of() : List.copyOf(domainNames);
        }

        /** A pod described by its labels alone. */
        public Pod(String namespace, Map<String, String> namespaceLabels, Map<String, String> podLabels,
                   List<NamedPort> namedPorts) {
            this(namespace, namespaceLabels, podLabels, namedPorts, null, null, List.of());
        }

        /** A pod of a declared workload (or of none, {@code null}), without facts the manifests leave open. */
        public Pod(String namespace, Map<String, String> namespaceLabels, Map<String, String> podLabels,
                   List<NamedPort> namedPorts, String workload) {
            this(namespace, namespaceLabels, podLabels, namedPorts, workload, null, List.of());
        }

        /** The name the pod gives a port (named-port resolution backwards), or {@code null} when it names none. */
        public String portName(String protocol, int port) {
            for (NamedPort p : namedPorts) {
                if (p.port() == port && p.protocol().equals(protocol)) {
                    return p.name();
                }
            }
            return null;
        }
    }

    /**
     * An IPv4 or IPv6 address in its usual text form.
     *
     * @param nodeLabels when the example depends on it: the labels of the node whose address it is; {@code null}
     *                   when it is no node's (or it does not matter)
     */
    record Ip(String ip, Map<String, String> nodeLabels, List<String> domainNames) implements Endpoint {
        public Ip {
            nodeLabels = nodeLabels == null ? null : Map.copyOf(nodeLabels);
            domainNames = domainNames == null ? List.of() : List.copyOf(domainNames);
        }

        public Ip(String ip) {
            this(ip, null, List.of());
        }

        public boolean isNode() {
            return nodeLabels != null;
        }
    }
}
