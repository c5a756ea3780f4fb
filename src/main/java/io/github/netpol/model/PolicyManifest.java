package io.github.netpol.model;

import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;

/**
 * A NetworkPolicy as written (not defaulted), with its effective namespace.
 *
 * @param namespaceDefaulted true when the manifest named no namespace and {@code netpol.defaultNamespace} was used
 */
public record PolicyManifest(NetworkPolicy policy, String namespace, boolean namespaceDefaulted, Origin origin) {

    public String name() {
        return policy.getMetadata() == null ? null : policy.getMetadata().getName();
    }

    /** {@code namespace/name}. */
    public String key() {
        return namespace + "/" + name();
    }
}
