package io.github.netpol.model;

import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.github.netpol.load.Derived;

/**
 * A NetworkPolicy as written (not defaulted), with its effective namespace.
 *
 * @param namespaceDefaulted true when the manifest named no namespace and {@code netpol.defaultNamespace} was used
 * @param effective          the policy's effective rules, computed on first use (by {@code EffectivePolicy.of}); not
 *                           part of the manifest's equality
 */
public record PolicyManifest(NetworkPolicy policy, String namespace, boolean namespaceDefaulted, Origin origin,
                             Derived<Object> effective) {

    public PolicyManifest(NetworkPolicy policy, String namespace, boolean namespaceDefaulted, Origin origin) {
        this(policy, namespace, namespaceDefaulted, origin, new Derived<>());
    }

    /** The same policy read from a file of the same content elsewhere (its effective rules are computed afresh). */
    public PolicyManifest withOrigin(Origin other) {
        return new PolicyManifest(policy, namespace, namespaceDefaulted, other);
    }

    public String name() {
        return policy.getMetadata() == null ? null : policy.getMetadata().getName();
    }

    /** {@code namespace/name}. */
    public String key() {
        return namespace + "/" + name();
    }
}
