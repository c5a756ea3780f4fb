package io.github.netpol.model;

/**
 * An object of a kind that changes connectivity but is not analysed (AdminNetworkPolicy,
 * CiliumNetworkPolicy, Calico NetworkPolicy, ...). Its presence makes the gate fail closed.
 *
 * @param digest the {@link ObjectDigest} of the object as written, which an acceptance of it must carry
 */
public record UnsupportedPolicyManifest(String apiVersion, String kind, String namespace, String name, Origin origin,
                                        String digest) {
}
