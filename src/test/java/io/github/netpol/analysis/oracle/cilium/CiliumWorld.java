package io.github.netpol.analysis.oracle.cilium;

import java.util.Set;

/**
 * The facts a Cilium decision depends on that no manifest fixes, all concrete. The first four describe the
 * connection at hand (the address end's kind, whether that address is the node the pod end runs on, the DNS
 * names the agent learned the address from, the undeclared services whose backends include the peer); the rest
 * are agent settings and behaviours that differ between Cilium versions.
 *
 * @param addressKind       what the address end of the connection is (ignored for pod-to-pod connections)
 * @param sameNode          a node (or API server on a node) address is the node of the pod end: {@code host},
 *                          else {@code remote-node}
 * @param dnsNames          the names a DNS answer mapped to the address (for {@code toFQDNs}); lower case
 * @param services          keys of services, not resolvable from the manifests, whose backends include the
 *                          peer: {@code ns/name} for {@code k8sService}, {@link CiliumOracle#serviceSelectorKey}
 *                          for {@code k8sServiceSelector}
 * @param mode              {@code policyEnforcementMode}: a setting, not enumerated by {@link CiliumWorlds}
 * @param nonDefaultDenySupported agent flag {@code enable-non-default-deny-policies} (default true): false
 *                          makes every {@code enableDefaultDeny: false} count as true
 * @param cidrMatchesNodes  {@code policy-cidr-match-mode=nodes}: CIDR rules also match node addresses
 * @param allowLocalhost    {@code allow-localhost=always} (default): the local host always reaches its pods
 * @param l3OverridesL7     an L3-only (or port-0) allow on the same peer and port voids an L7 rule's filter
 * @param worldHasApiserver an API server outside the cluster counts as {@code world} (and CIDR/FQDN match it)
 * @param cnpNamespaceLabelsCrossNamespace a CNP peer selecting by {@code io.cilium.k8s.namespace.labels.*}
 *                          without a namespace name spans namespaces (the code) instead of the policy's (docs)
 * @param emptyListWildcard an empty L3 list ({@code fromEndpoints: []}, a CIDR set its excepts empty) with
 *                          {@code toPorts} is the wildcard (older agents) instead of nothing (the CRD text)
 * @param sctpUnderAny      protocol {@code ANY} (or none) covers SCTP ({@code enable-sctp})
 */
public record CiliumWorld(AddressKind addressKind, boolean sameNode, Set<String> dnsNames, Set<String> services,
                          Mode mode, boolean nonDefaultDenySupported, boolean cidrMatchesNodes,
                          boolean allowLocalhost, boolean l3OverridesL7, boolean worldHasApiserver,
                          boolean cnpNamespaceLabelsCrossNamespace, boolean emptyListWildcard,
                          boolean sctpUnderAny) {

    /** What an address is; pods are never any of these. */
    public enum AddressKind {
        /** outside the cluster: {@code reserved:world} */
        WORLD,
        /** a node (or a hostNetwork pod on it): {@code host} or {@code remote-node} by {@link #sameNode} */
        NODE,
        /** the API server on a node: {@code kube-apiserver} plus host/remote-node */
        APISERVER_NODE,
        /** the API server outside the cluster: {@code kube-apiserver} (and world by {@link #worldHasApiserver}) */
        APISERVER_EXT,
        HEALTH, INGRESS, UNMANAGED, INIT
    }

    /** The agent's {@code policyEnforcementMode}. */
    public enum Mode { DEFAULT, ALWAYS, NEVER }

    public CiliumWorld {
        dnsNames = Set.copyOf(dnsNames);
        services = Set.copyOf(services);
    }

    /** A world address on a cluster with the documented defaults and the current code's behaviours. */
    public static CiliumWorld defaults() {
        return new CiliumWorld(AddressKind.WORLD, false, Set.of(), Set.of(), Mode.DEFAULT, true, false, true,
                false, false, true, false, true);
    }

    public CiliumWorld withAddress(AddressKind kind, boolean onSameNode) {
        return new CiliumWorld(kind, onSameNode, dnsNames, services, mode, nonDefaultDenySupported,
                cidrMatchesNodes, allowLocalhost, l3OverridesL7, worldHasApiserver,
                cnpNamespaceLabelsCrossNamespace, emptyListWildcard, sctpUnderAny);
    }

    public CiliumWorld withDnsNames(Set<String> names) {
        return new CiliumWorld(addressKind, sameNode, names, services, mode, nonDefaultDenySupported,
                cidrMatchesNodes, allowLocalhost, l3OverridesL7, worldHasApiserver,
                cnpNamespaceLabelsCrossNamespace, emptyListWildcard, sctpUnderAny);
    }

    public CiliumWorld withServices(Set<String> keys) {
        return new CiliumWorld(addressKind, sameNode, dnsNames, keys, mode, nonDefaultDenySupported,
                cidrMatchesNodes, allowLocalhost, l3OverridesL7, worldHasApiserver,
                cnpNamespaceLabelsCrossNamespace, emptyListWildcard, sctpUnderAny);
    }

    public CiliumWorld withMode(Mode m) {
        return new CiliumWorld(addressKind, sameNode, dnsNames, services, m, nonDefaultDenySupported,
                cidrMatchesNodes, allowLocalhost, l3OverridesL7, worldHasApiserver,
                cnpNamespaceLabelsCrossNamespace, emptyListWildcard, sctpUnderAny);
    }

    /** The eight boolean settings and behaviours, in the order of {@link Flag}. */
    public CiliumWorld with(Flag flag, boolean value) {
        boolean[] f = flags();
        f[flag.ordinal()] = value;
        return new CiliumWorld(addressKind, sameNode, dnsNames, services, mode, f[0], f[1], f[2], f[3], f[4], f[5],
                f[6], f[7]);
    }

    /** The value of one of the eight boolean settings and behaviours. */
    public boolean get(Flag flag) {
        return flags()[flag.ordinal()];
    }

    private boolean[] flags() {
        return new boolean[]{nonDefaultDenySupported, cidrMatchesNodes, allowLocalhost, l3OverridesL7,
            worldHasApiserver, cnpNamespaceLabelsCrossNamespace, emptyListWildcard, sctpUnderAny};
    }

    /** The boolean components, for enumeration. */
    public enum Flag {
        NON_DEFAULT_DENY_SUPPORTED, CIDR_MATCHES_NODES, ALLOW_LOCALHOST, L3_OVERRIDES_L7, WORLD_HAS_APISERVER,
        CNP_NAMESPACE_LABELS_CROSS_NAMESPACE, EMPTY_LIST_WILDCARD, SCTP_UNDER_ANY
    }
}
