package io.github.netpol.model;

import io.github.netpol.finding.Finding;

import java.util.List;

/**
 * Everything loaded from one version of the sources, in a stable order (by file, then document).
 * {@code problems} holds loading and model-building errors (bad YAML, wrong types, templates ...).
 */
public record ManifestSet(List<PolicyManifest> policies, List<NamespaceManifest> namespaces,
                          List<WorkloadManifest> workloads, List<UnsupportedPolicyManifest> unsupported,
                          List<Finding> problems) {

    public ManifestSet {
        policies = List.copyOf(policies);
        namespaces = List.copyOf(namespaces);
        workloads = List.copyOf(workloads);
        unsupported = List.copyOf(unsupported);
        problems = List.copyOf(problems);
    }

    public static ManifestSet empty() {
        return new ManifestSet(List.of(), List.of(), List.of(), List.of(), List.of());
    }
}
