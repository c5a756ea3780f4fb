package io.github.netpol.finding;

import java.util.List;
import java.util.Map;

/** One end of a concrete connection: a pod (described by its labels) or an address outside the cluster. */
public sealed interface Endpoint permits Endpoint.Pod, Endpoint.Ip {

    /** A pod in a namespace; {@code namespaceLabels} include {@code kubernetes.io/metadata.name}. */
    record Pod(String namespace, Map<String, String> namespaceLabels, Map<String, String> podLabels,
               List<NamedPort> namedPorts) implements Endpoint {
        public Pod {
            namespaceLabels = Map.copyOf(namespaceLabels);
            podLabels = Map.copyOf(podLabels);
            namedPorts = List.copyOf(namedPorts);
        }
    }

    /** An IPv4 or IPv6 address in its usual text form. */
    record Ip(String ip) implements Endpoint {
    }
}
