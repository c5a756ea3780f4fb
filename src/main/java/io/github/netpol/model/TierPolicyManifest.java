package io.github.netpol.model;

import java.util.Collections;
import java.util.Map;

/**
 * A ClusterNetworkPolicy, AdminNetworkPolicy or BaselineAdminNetworkPolicy at the apiVersion the plugin analyses
 * ({@link KubernetesKinds#tierKind}), as written, with where it came from; {@code TierPolicy.of} reads its meaning.
 * These kinds are cluster-scoped: a {@code metadata.namespace} written on them is dropped by the API server.
 *
 * @param name   {@code metadata.name}, or {@code null} when it has none
 * @param raw    the object as written
 * @param digest the {@link ObjectDigest} of the object as written
 */
public record TierPolicyManifest(String apiVersion, String kind, String name, Map<String, Object> raw, Origin origin,
                                 String digest) {

    public TierPolicyManifest {
        raw = Collections.unmodifiableMap(raw);
    }

    /** The same policy read from a file of the same content elsewhere. */
    public TierPolicyManifest withOrigin(Origin other) {
        return new TierPolicyManifest(apiVersion, kind, name, raw, other, digest);
    }

    /** {@code ClusterNetworkPolicy/tenants}: unique among the cluster-scoped policies of one version. */
    public String key() {
        return kind + "/" + name;
    }
}
