package io.github.netpol.model;

import java.util.List;
import java.util.Map;

/**
 * A declared workload (Pod, Deployment, ReplicaSet, StatefulSet, DaemonSet, Job, CronJob,
 * ReplicationController) reduced to what network policies see: the pod-template labels and the
 * container ports.
 */
public record WorkloadManifest(String kind, String namespace, String name, boolean namespaceDefaulted,
                               Map<String, String> podLabels, List<ContainerPort> ports, boolean hostNetwork,
                               Origin origin) {

    public WorkloadManifest {
        podLabels = Map.copyOf(podLabels);
        ports = List.copyOf(ports);
    }

    /** {@code namespace/Kind/name}, the id used in reports. */
    public String id() {
        return namespace + "/" + kind + "/" + name;
    }
}
