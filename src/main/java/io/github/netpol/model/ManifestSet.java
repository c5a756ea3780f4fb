package io.github.netpol.model;

import io.github.netpol.finding.Finding;

import java.util.List;

/**
 * Everything loaded from one version of the sources, in a stable order (by file, then document).
 * {@code problems} holds loading and model-building errors (bad YAML, wrong types, templates ...).
 * {@code objects} holds every object read, of any kind, as written: what strict field validation walks.
 * {@code tierPolicies} holds the ClusterNetworkPolicies, AdminNetworkPolicies and BaselineAdminNetworkPolicies.
 * {@code ciliumPolicies} holds the CiliumNetworkPolicies and CiliumClusterwideNetworkPolicies at {@code cilium.io/v2}
 * (those with a construct the analysis does not read are listed by it, not in {@code unsupported}).
 */
public record ManifestSet(List<PolicyManifest> policies, List<NamespaceManifest> namespaces,
                          List<WorkloadManifest> workloads, List<UnsupportedPolicyManifest> unsupported,
                          List<Finding> problems, List<ManifestObject> objects, List<TierPolicyManifest> tierPolicies,
                          List<CiliumPolicyManifest> ciliumPolicies) {

    public ManifestSet {
        ciliumPolicies = List.copyOf(ciliumPolicies);
        objects = List.copyOf(objects);
        tierPolicies = List.copyOf(tierPolicies);
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
        this(policies, namespaces, workloads, unsupported, problems, List.of(), List.of(), List.of());
    }

    /** A set of NetworkPolicies and the tier policies, without the raw objects. */
    public ManifestSet(List<PolicyManifest> policies, List<TierPolicyManifest> tierPolicies,
                       List<NamespaceManifest> namespaces, List<WorkloadManifest> workloads) {
        this(policies, namespaces, workloads, List.of(), List.of(), List.of(), tierPolicies, List.of());
    }

    public static ManifestSet empty() {
        return new ManifestSet(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    /** Whether the version holds policies of the Admin or Baseline tier, which act across namespaces. */
    public boolean hasTierPolicies() {
        return !tierPolicies.isEmpty();
    }
}
