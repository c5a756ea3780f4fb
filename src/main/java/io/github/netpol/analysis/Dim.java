package io.github.netpol.analysis;

import io.github.netpol.finding.WorldFact;
import io.github.netpol.model.semantics.PolicyPort;

import java.util.Set;

/**
 * One dimension of the connection space seen from one namespace and direction. Label dimensions
 * exist per label key; a cube that does not mention a dimension leaves it unconstrained, so no fixed
 * schema of keys is needed and two versions' regions are always comparable.
 *
 * <p>The order of {@link Kind} matters: {@link Cube#minus} splits dimensions in this order, so the
 * namespace name is split before namespace labels. Label constraints then only ever appear in
 * pieces whose names are undeclared namespaces, whose labels are free.
 */
public record Dim(Kind kind, String key) implements Comparable<Dim> {

    public enum Kind {
        /** A label of the local pod (the pod the policies of the namespace select). */
        LOCAL_LABEL,
        /**
         * A label of the local pod's namespace, when that namespace's labels are free. A peer in the same
         * namespace has these labels too, so a selector meeting it constrains these, not {@link #NAMESPACE_LABEL}.
         */
        LOCAL_NAMESPACE_LABEL,
        /** The peer pod's namespace name. */
        NAMESPACE_NAME,
        /** A label of the peer pod's namespace (only meaningful for undeclared namespaces). */
        NAMESPACE_LABEL,
        /** A label of the peer pod. */
        PEER_LABEL,
        PROTOCOL,
        /** The name the destination pod gives the destination port; absent when it names none. */
        PORT_NAME,
        PORT,
        /** An external address: IPv4 as 0..2^32-1, IPv6 shifted above it (see {@link IpAddresses}). */
        IP,
        // What the manifests do not fix about the world, the same in both versions: a tier policy's rule may
        // depend on it, and a finding that does says so.
        /** The peer pod's IP (egress), which a {@code networks} peer of a tier policy matches too. */
        PEER_POD_IP,
        /** Whether the address is a node's ({@link #NODE}) or not (absent), for {@code nodes} peers. */
        PEER_NODE,
        /** A label of the node whose address it is. */
        NODE_LABEL,
        /** Whether the peer is reached by a DNS name matching the key's pattern ({@link #REACHED}) or not (absent). */
        DOMAIN,
        /** A {@link WorldFact} named by the key: what an address is, an agent setting, an L7 filter's verdict. */
        FACT
    }

    /** The value of {@link Kind#PEER_NODE} for a node's address. */
    public static final String NODE = "node";
    /** The value of {@link Kind#DOMAIN} for a peer reached by a matching name. */
    public static final String REACHED = "reached";

    public static final Dim NAMESPACE_NAME = new Dim(Kind.NAMESPACE_NAME, "");
    public static final Dim PROTOCOL = new Dim(Kind.PROTOCOL, "");
    public static final Dim PORT_NAME = new Dim(Kind.PORT_NAME, "");
    public static final Dim PORT = new Dim(Kind.PORT, "");
    public static final Dim IP = new Dim(Kind.IP, "");
    public static final Dim PEER_POD_IP = new Dim(Kind.PEER_POD_IP, "");
    public static final Dim PEER_NODE = new Dim(Kind.PEER_NODE, "");

    public static final Set<String> PROTOCOLS = Set.copyOf(PolicyPort.PROTOCOLS);
    public static final int MAX_PORT = PolicyPort.MAX_PORT;

    public static Dim localLabel(String key) {
        return new Dim(Kind.LOCAL_LABEL, key);
    }

    public static Dim localNamespaceLabel(String key) {
        return new Dim(Kind.LOCAL_NAMESPACE_LABEL, key);
    }

    public static Dim nodeLabel(String key) {
        return new Dim(Kind.NODE_LABEL, key);
    }

    /** Whether the peer is reached by a name matching {@code pattern} (a domainNames entry). */
    public static Dim domain(String pattern) {
        return new Dim(Kind.DOMAIN, pattern);
    }

    /** The world fact named {@code fact} ({@link WorldFact}). */
    public static Dim fact(String fact) {
        return new Dim(Kind.FACT, fact);
    }

    public static Dim namespaceLabel(String key) {
        return new Dim(Kind.NAMESPACE_LABEL, key);
    }

    public static Dim peerLabel(String key) {
        return new Dim(Kind.PEER_LABEL, key);
    }

    /** Whether this dimension describes the local pod (its labels or its namespace's labels). */
    public boolean local() {
        return kind == Kind.LOCAL_LABEL || kind == Kind.LOCAL_NAMESPACE_LABEL;
    }

    /** Whether this dimension is a fact about the world the manifests do not fix (pod IP, node, DNS name). */
    public boolean hidden() {
        return kind.compareTo(Kind.PEER_POD_IP) >= 0;
    }

    /** The set of every value this dimension can take. */
    public DimSet full() {
        return switch (kind) {
            case LOCAL_LABEL, LOCAL_NAMESPACE_LABEL, NAMESPACE_LABEL, PEER_LABEL, PORT_NAME, NODE_LABEL -> ValueSet.all();
            // yes or no, nothing else: a complement must not leave values no connection has
            case PEER_NODE -> new ValueSet(false, Set.of(NODE), true);
            case DOMAIN -> new ValueSet(false, Set.of(REACHED), true);
            case NAMESPACE_NAME -> ValueSet.anyPresent();
            case PROTOCOL -> ValueSet.of(PROTOCOLS);
            case PORT -> IntervalSet.of(1, MAX_PORT);
            case IP, PEER_POD_IP -> IpAddresses.ALL;
            case FACT -> WorldFact.yesNo(key) ? new ValueSet(false, Set.of(WorldFact.YES), true)
                    : ValueSet.of(Set.copyOf(WorldFact.ADDRESS_KINDS));
        };
    }

    @Override
    public int compareTo(Dim o) {
        // by kind, then key: what a sorted map of dimensions orders by, without a comparator chain on a hot path
        int byKind = kind.compareTo(o.kind);
        return byKind != 0 ? byKind : key.compareTo(o.key);
    }
}
