package io.github.netpol.model;

/**
 * An object of a policy kind that is not analysed: one that changes connectivity (AdminNetworkPolicy,
 * CiliumNetworkPolicy, Calico NetworkPolicy, ...), whose presence makes the gate fail closed, or one a service
 * mesh enforces, which is reported for information ({@link #treatment}).
 *
 * @param namespace its namespace, {@code null} for a cluster-scoped kind
 * @param digest    the {@link ObjectDigest} of the object as written, which an acceptance of it must carry
 * @param treatment {@code FAIL_CLOSED} or {@code NOT_ANALYSED}
 * @param product   who defines the kind, e.g. {@code Cilium}, {@code Istio}
 */
public record UnsupportedPolicyManifest(String apiVersion, String kind, String namespace, String name, Origin origin,
                                        String digest, KubernetesKinds.Treatment treatment, String product) {

    /** The same object read from a file of the same content elsewhere. */
    public UnsupportedPolicyManifest withOrigin(Origin other) {
        return new UnsupportedPolicyManifest(apiVersion, kind, namespace, name, other, digest, treatment, product);
    }
}
