package io.github.netpol.analysis.connectivity;

import io.github.netpol.model.WorkloadManifest;

import java.util.List;

/** The declared workloads and every connection between them (or with external ranges) that is allowed. */
public record ConnectivityResult(List<WorkloadManifest> workloads, List<Connection> connections) {

    public ConnectivityResult {
        workloads = List.copyOf(workloads);
        connections = List.copyOf(connections);
    }
}
