package io.github.netpol.analysis.connectivity;

import io.github.netpol.model.WorkloadManifest;

import java.util.List;

/**
 * The declared workloads and every connection between them (or with external ranges) that is allowed.
 *
 * @param tiers whether the version has tier policies, so that connections carry {@link Verdict}s
 */
public record ConnectivityResult(List<WorkloadManifest> workloads, List<Connection> connections, boolean tiers) {

    public ConnectivityResult {
        workloads = List.copyOf(workloads);
        connections = List.copyOf(connections);
    }

    public ConnectivityResult(List<WorkloadManifest> workloads, List<Connection> connections) {
        this(workloads, connections, false);
    }
}
