package io.github.netpol.assertions;

import io.github.netpol.finding.SourcePosition;

import java.util.Map;
import java.util.stream.Collectors;

/** One end of an assertion as written: pods by namespace and labels, a declared workload, or addresses. */
public sealed interface EndpointSpec permits EndpointSpec.Pods, EndpointSpec.WorkloadRef, EndpointSpec.Addresses {

    /** Where the endpoint is written, for messages. */
    SourcePosition location();

    /** The endpoint in a person's words, e.g. {@code pods {app=web} in namespace shop}. */
    String describe();

    /**
     * Pods: in one namespace ({@code namespace}), in every namespace carrying some labels
     * ({@code namespaceLabels}), or in any namespace (both null); with at least {@code podLabels}.
     */
    record Pods(String namespace, Map<String, String> namespaceLabels, Map<String, String> podLabels,
                SourcePosition location) implements EndpointSpec {
        public Pods {
            namespaceLabels = namespaceLabels == null ? null : Map.copyOf(namespaceLabels);
            podLabels = Map.copyOf(podLabels);
        }

        @Override
        public String describe() {
            String pods = podLabels.isEmpty() ? "any pod" : "pods " + labels(podLabels);
            if (namespace != null) {
                return pods + " in namespace " + namespace;
            }
            return namespaceLabels == null ? pods + " in any namespace" : pods + " in namespaces " + labels(namespaceLabels);
        }
    }

    /** The pods of a declared workload, {@code namespace/Kind/name}. */
    record WorkloadRef(String id, SourcePosition location) implements EndpointSpec {
        @Override
        public String describe() {
            return "workload " + id;
        }
    }

    /** Addresses outside the cluster. */
    record Addresses(String cidr, SourcePosition location) implements EndpointSpec {
        @Override
        public String describe() {
            return "addresses " + cidr;
        }
    }

    private static String labels(Map<String, String> labels) {
        return labels.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(",", "{", "}"));
    }
}
