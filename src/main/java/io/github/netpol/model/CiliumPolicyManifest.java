package io.github.netpol.model;

import java.util.Collections;
import java.util.Map;

/**
 * A CiliumNetworkPolicy or CiliumClusterwideNetworkPolicy at {@code cilium.io/v2}, as written, with where it came
 * from; {@code CiliumPolicy.of} reads its meaning. A CiliumNetworkPolicy belongs to a namespace (the default one
 * when it names none); a CiliumClusterwideNetworkPolicy is cluster-scoped and a namespace written on it is dropped.
 *
 * @param namespace the effective namespace of a CiliumNetworkPolicy, {@code null} for the clusterwide kind
 * @param name      {@code metadata.name}, or {@code null} when it has none
 * @param raw       the object as written
 * @param digest    the {@link ObjectDigest} of the object as written
 */
public record CiliumPolicyManifest(String apiVersion, String kind, String namespace, String name,
                                   Map<String, Object> raw, Origin origin, String digest) {

    public static final String API_VERSION = "cilium.io/v2";
    public static final String NAMESPACED = "CiliumNetworkPolicy";
    public static final String CLUSTERWIDE = "CiliumClusterwideNetworkPolicy";

    public CiliumPolicyManifest {
        raw = Collections.unmodifiableMap(raw);
    }

    /** The same policy read from a file of the same content elsewhere. */
    public CiliumPolicyManifest withOrigin(Origin other) {
        return new CiliumPolicyManifest(apiVersion, kind, namespace, name, raw, other, digest);
    }

    /** Whether an object of this apiVersion and kind is a Cilium policy the plugin reads. */
    public static boolean isCiliumPolicy(String apiVersion, String kind) {
        return API_VERSION.equals(apiVersion) && (NAMESPACED.equals(kind) || CLUSTERWIDE.equals(kind));
    }

    public boolean clusterwide() {
        return CLUSTERWIDE.equals(kind);
    }

    /** {@code CiliumNetworkPolicy/shop/api} or {@code CiliumClusterwideNetworkPolicy/dns}: unique in one version. */
    public String key() {
        return namespace == null ? kind + "/" + name : kind + "/" + namespace + "/" + name;
    }
}
