package io.github.netpol.analysis;

import io.github.netpol.finding.Direction;
import io.github.netpol.finding.Endpoint;
import io.github.netpol.finding.NamedPort;
import io.github.netpol.finding.Witness;
import io.github.netpol.finding.WorldFact;
import io.github.netpol.model.NamespaceManifest;


import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** Picks one concrete member of a region: the witness of a finding. */
public final class Witnesses {

    private Witnesses() {
    }

    /** A connection of the region, preferring pod peers; empty when the region is. */
    public static Optional<Witness> of(SideRegion region, String namespace, NamespaceUniverse universe) {
        return of(region, namespace, universe, List.of());
    }

    /** A connection of the region, preferring pod peers and the given ports; empty when the region is. */
    public static Optional<Witness> of(SideRegion region, String namespace, NamespaceUniverse universe,
                                       List<Integer> preferredPorts) {
        if (!region.pods().isEmpty()) {
            return Optional.of(of(region.pods().cubes().get(0), region.direction(), namespace, universe, false,
                    preferredPorts));
        }
        if (!region.ips().isEmpty()) {
            return Optional.of(of(region.ips().cubes().get(0), region.direction(), namespace, universe, true,
                    preferredPorts));
        }
        return Optional.empty();
    }

    /** A pod of the namespace whose labels lie in a region over local labels. */
    public static Optional<Endpoint.Pod> pod(Region localPods, String namespace, NamespaceUniverse universe) {
        if (localPods.isEmpty()) {
            return Optional.empty();
        }
        Cube c = localPods.cubes().get(0);
        return Optional.of(new Endpoint.Pod(namespace, localNamespaceLabels(c, namespace, universe),
                labels(c, Dim.Kind.LOCAL_LABEL), List.of()));
    }

    /** The labels of the side's own namespace: fixed, or picked from the local namespace dimensions. */
    private static Map<String, String> localNamespaceLabels(Cube c, String namespace, NamespaceUniverse universe) {
        return universe.isFixed(namespace) ? universe.labelsOf(namespace)
                : withName(labels(c, Dim.Kind.LOCAL_NAMESPACE_LABEL), namespace);
    }

    /** A member of one cube of a side region. */
    public static Witness of(Cube c, Direction direction, String namespace, NamespaceUniverse universe, boolean ipPeer) {
        return of(c, direction, namespace, universe, ipPeer, List.of());
    }

    /**
     * A member of one cube of a side region, on the first of {@code preferredPorts} the cube holds (ports a
     * person recognises: the rule's own, the workloads' declared ones), else on its least port. An external
     * peer is an ordinary host address of the cube's ranges ({@link IpAddresses#example}).
     */
    public static Witness of(Cube c, Direction direction, String namespace, NamespaceUniverse universe, boolean ipPeer,
                             List<Integer> preferredPorts) {
        ValueSet protocols = (ValueSet) c.get(Dim.PROTOCOL);
        String protocol = protocols.containsValue("TCP") ? "TCP" : protocols.pick(false);
        IntervalSet ports = (IntervalSet) c.get(Dim.PORT);
        int port = preferredPorts.stream().filter(p -> ports.containsValue(BigInteger.valueOf(p))).findFirst()
                .orElse(ports.min().intValue());
        String portName = ((ValueSet) c.get(Dim.PORT_NAME)).pick(true);
        List<NamedPort> named = portName == null ? List.of() : List.of(new NamedPort(portName, protocol, port));

        Endpoint peer;
        Map<String, String> localNamespaceLabels = localNamespaceLabels(c, namespace, universe);
        List<String> domains = domainNames(c);
        if (ipPeer) {
            ValueSet node = (ValueSet) c.get(Dim.PEER_NODE);
            Map<String, String> nodeLabels = node.containsValue(null) ? null : labels(c, Dim.Kind.NODE_LABEL);
            peer = new Endpoint.Ip(IpAddresses.format(IpAddresses.example((IntervalSet) c.get(Dim.IP)).orElseThrow()),
                    nodeLabels, domains);
        } else {
            String peerNamespace = namespaceName((ValueSet) c.get(Dim.NAMESPACE_NAME), namespace);
            Map<String, String> nsLabels = peerNamespace.equals(namespace) ? localNamespaceLabels
                    : universe.isFixed(peerNamespace) ? universe.labelsOf(peerNamespace)
                    : withName(labels(c, Dim.Kind.NAMESPACE_LABEL), peerNamespace);
            String podIp = c.constrains(Dim.PEER_POD_IP)
                    ? IpAddresses.format(((IntervalSet) c.get(Dim.PEER_POD_IP)).min()) : null;
            peer = new Endpoint.Pod(peerNamespace, nsLabels, labels(c, Dim.Kind.PEER_LABEL),
                    direction == Direction.EGRESS ? named : List.of(), null, podIp, domains);
        }
        Endpoint.Pod local = new Endpoint.Pod(namespace, localNamespaceLabels, labels(c, Dim.Kind.LOCAL_LABEL),
                direction == Direction.INGRESS ? named : List.of());
        Map<String, String> facts = facts(c, ipPeer);
        return direction == Direction.INGRESS
                ? new Witness(peer, local, protocol, port, facts)
                : new Witness(local, peer, protocol, port, facts);
    }

    /**
     * The world facts the cube constrains, each with a value it allows: a yes/no fact preferably not holding, an
     * address preferably outside the cluster. Only constrained facts are stated; the rest keep their defaults.
     */
    private static Map<String, String> facts(Cube c, boolean ipPeer) {
        Map<String, String> out = new TreeMap<>();
        c.forEach((dim, set) -> {
            if (dim.kind() == Dim.Kind.FACT) {
                ValueSet v = (ValueSet) set;
                if (!WorldFact.yesNo(dim.key())) {
                    String preferred = WorldFact.byDefault(dim.key(), ipPeer);
                    out.put(dim.key(), v.containsValue(preferred) ? preferred : v.pick(false));
                } else {
                    out.put(dim.key(), v.containsValue(null) ? WorldFact.NO : WorldFact.YES);
                }
            }
        });
        return out;
    }

    /**
     * DNS names the peer is reached by that satisfy the cube: one example name for each pattern it must match,
     * none matching a pattern it must not.
     */
    private static List<String> domainNames(Cube c) {
        List<String> must = new ArrayList<>();
        List<String> mustNot = new ArrayList<>();
        c.forEach((dim, set) -> {
            if (dim.kind() == Dim.Kind.DOMAIN) {
                ValueSet v = (ValueSet) set;
                if (!v.containsValue(null)) {
                    must.add(dim.key());
                } else if (!v.containsValue(Dim.REACHED)) {
                    mustNot.add(dim.key());
                }
            }
        });
        List<String> out = new ArrayList<>();
        for (String pattern : must) {
            for (String candidate : DomainKeys.examples(pattern)) {
                if (mustNot.stream().noneMatch(p -> DomainKeys.matches(p, candidate))) {
                    out.add(candidate);
                    break;
                }
            }
        }
        return out;
    }

    /** The analysed namespace itself when allowed (the most natural example), else a listed or fresh name. */
    private static String namespaceName(ValueSet names, String namespace) {
        if (names.containsValue(namespace)) {
            return namespace;
        }
        if (!names.cofinite()) {
            return names.pick(false);
        }
        Set<String> taken = new HashSet<>(names.values());
        taken.add(namespace);
        return ValueSet.fresh(taken);
    }

    /** One assignment of the labels of one role that the cube allows (absent keys left out). */
    public static Map<String, String> labels(Cube c, Dim.Kind kind) {
        Map<String, String> out = new TreeMap<>();
        c.forEach((dim, set) -> {
            if (dim.kind() == kind) {
                String v = ((ValueSet) set).pick(false);
                if (v != null) {
                    out.put(dim.key(), v);
                }
            }
        });
        return out;
    }

    private static Map<String, String> withName(Map<String, String> labels, String name) {
        Map<String, String> out = new TreeMap<>(labels);
        out.put(NamespaceManifest.NAME_LABEL, name);
        return out;
    }
}
