package io.github.netpol.model;

import io.github.netpol.finding.NamedPort;

import java.util.List;
import java.util.Map;

/**
 * A declared workload (Pod, Deployment, ReplicaSet, StatefulSet, DaemonSet, Job, CronJob,
 * ReplicationController) reduced to what network policies see: the pod-template labels and the
 * container ports. {@code annotations} are the object's own (not the pod template's); lint
 * suppressions ({@code netpol.io/ignore}) live there.
 */
public record WorkloadManifest(String kind, String namespace, String name, boolean namespaceDefaulted,
                               Map<String, String> podLabels, List<ContainerPort> ports, boolean hostNetwork,
                               Map<String, String> annotations, Origin origin) {

    public WorkloadManifest {
        podLabels = Map.copyOf(podLabels);
        ports = List.copyOf(ports);
        annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
    }

    /** The same workload read from a file of the same content elsewhere. */
    public WorkloadManifest withOrigin(Origin other) {
        return new WorkloadManifest(kind, namespace, name, namespaceDefaulted, podLabels, ports, hostNetwork, annotations,
                other);
    }

    /** A workload without annotations. */
    public WorkloadManifest(String kind, String namespace, String name, boolean namespaceDefaulted,
                            Map<String, String> podLabels, List<ContainerPort> ports, boolean hostNetwork,
                            Origin origin) {
        this(kind, namespace, name, namespaceDefaulted, podLabels, ports, hostNetwork, Map.of(), origin);
    }

    /** The container ports that carry a name, as a witness's pod lists them. */
    public List<NamedPort> namedPorts() {
        return ports.stream().filter(p -> p.name() != null).map(p -> new NamedPort(p.name(), p.protocol(), p.port()))
                .toList();
    }

    /** {@code namespace/Kind/name}, the id used in reports. */
    public String id() {
        return namespace + "/" + kind + "/" + name;
    }
}
