package io.github.netpol.finding;

import java.util.List;
import java.util.Map;

/** One end of a concrete connection: a pod (described by its labels) or an address outside the cluster. */
public sealed interface Endpoint permits Endpoint.Pod, Endpoint.Ip {

    /**
     * A pod in a namespace; {@code namespaceLabels} include {@code kubernetes.io/metadata.name}.
     *
     * @param workload the declared workload the pod belongs to, {@code namespace/Kind/name}, or {@code null} for a
     *                 pod only described by its labels
     */
    record Pod(String namespace, Map<String, String> namespaceLabels, Map<String, String> podLabels,
               List<NamedPort> namedPorts, String workload) implements Endpoint {
        public Pod {
            namespaceLabels = Map.copyOf(namespaceLabels);
            podLabels = Map.copyOf(podLabels);
            namedPorts = List.copyOf(namedPorts);
        }

        /** A pod described by its labels alone. */
        public Pod(String namespace, Map<String, String> namespaceLabels, Map<String, String> podLabels,
                   List<NamedPort> namedPorts) {
            this(namespace, namespaceLabels, podLabels, namedPorts, null);
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

    /** An IPv4 or IPv6 address in its usual text form. */
    record Ip(String ip) implements Endpoint {
    }
}
