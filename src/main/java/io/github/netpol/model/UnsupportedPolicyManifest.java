package io.github.netpol.model;

/**
 * An object of a kind that changes connectivity but is not analysed (AdminNetworkPolicy,
 * CiliumNetworkPolicy, Calico NetworkPolicy, ...). Its presence makes the gate fail closed.
 */
public record UnsupportedPolicyManifest(String apiVersion, String kind, String namespace, String name, Origin origin) {
}
