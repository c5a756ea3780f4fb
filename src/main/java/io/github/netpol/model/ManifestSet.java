package io.github.netpol.model;

import io.github.netpol.finding.Finding;

import java.util.List;

/**
 * Everything loaded from one version of the sources, in a stable order (by file, then document).
 * {@code problems} holds loading and model-building errors (bad YAML, wrong types, templates ...).
 * {@code objects} holds every object read, of any kind, as written: what strict field validation walks.
 */
public record ManifestSet(List<PolicyManifest> policies, List<NamespaceManifest> namespaces,
                          List<WorkloadManifest> workloads, List<UnsupportedPolicyManifest> unsupported,
                          List<Finding> problems, List<ManifestObject> objects) {

    public ManifestSet {
        objects = List.copyOf(objects);
        policies = List.copyOf(policies);
        namespaces = List.copyOf(namespaces);
        workloads = List.copyOf(workloads);
        unsupported = List.copyOf(unsupported);
        problems = List.copyOf(problems);
    }

    /** A set built without the raw objects (tests, baselines that were never files). */
    public ManifestSet(List<PolicyManifest> policies, List<NamespaceManifest> namespaces,
                       List<WorkloadManifest> workloads, List<UnsupportedPolicyManifest> unsupported,
                       List<Finding> problems) {
        this(policies, namespaces, workloads, unsupported, problems, List.of());
    }

    public static ManifestSet empty() {
        return new ManifestSet(List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }
}
