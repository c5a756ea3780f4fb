package io.github.netpol.analysis;

import io.github.netpol.finding.Direction;
import io.github.netpol.finding.Endpoint;
import io.github.netpol.finding.WorldFact;

import java.math.BigInteger;
import java.util.Map;
import java.util.function.Function;

/**
 * A set of connections seen from the pods of one namespace for one direction: {@code pods} holds
 * those whose peer is a pod, {@code ips} those whose peer is an external address. The local pod is
 * the destination for ingress and the source for egress.
 */
public record SideRegion(Direction direction, Region pods, Region ips) {

    public static SideRegion empty(Direction direction) {
        return new SideRegion(direction, Region.empty(), Region.empty());
    }

    public boolean isEmpty() {
        return pods.isEmpty() && ips.isEmpty();
    }

    public SideRegion union(SideRegion other) {
        return new SideRegion(direction, pods.union(other.pods), ips.union(other.ips));
    }

    public SideRegion minus(SideRegion other) {
        return new SideRegion(direction, pods.minus(other.pods), ips.minus(other.ips));
    }

    public SideRegion intersect(SideRegion other) {
        return new SideRegion(direction, pods.intersect(other.pods), ips.intersect(other.ips));
    }

    /**
     * Whether this side lets the connection through. {@code local} is a pod of the analysed
     * namespace; {@code peer} the other end. Named ports are taken from the destination pod; a pod
     * whose IP the connection leaves open is in no {@code networks} CIDR, an address whose node labels it
     * leaves open is no node's.
     */
    public boolean allows(Endpoint.Pod local, Endpoint peer, String protocol, int port) {
        return allows(local, peer, protocol, port, Map.of());
    }

    /**
     * As {@link #allows(Endpoint.Pod, Endpoint, String, int)} in a world where the {@link WorldFact}s have the
     * given values ({@link WorldFact#NO} or no entry: a yes/no fact does not hold; no address kind: the address is
     * outside the cluster).
     */
    public boolean allows(Endpoint.Pod local, Endpoint peer, String protocol, int port, Map<String, String> facts) {
        Endpoint destination = direction == Direction.INGRESS ? local : peer;
        String portName = destination instanceof Endpoint.Pod pod ? pod.portName(protocol, port) : null;
        BigInteger portValue = BigInteger.valueOf(port);
        if (peer instanceof Endpoint.Ip ip) {
            BigInteger address = IpAddresses.address(ip.ip())
                    .orElseThrow(() -> new IllegalArgumentException("not an IP address: " + ip.ip()));
            return ips.contains(point(local, peer, address, protocol, portName, portValue, facts));
        }
        return pods.contains(point(local, peer, null, protocol, portName, portValue, facts));
    }

    /** The coordinates of one concrete connection seen from {@code local}. */
    public static Function<Dim, Object> point(Endpoint.Pod local, Endpoint peer, BigInteger ip, String protocol,
                                              String portName, BigInteger port) {
        return point(local, peer, ip, protocol, portName, port, Map.of());
    }

    /** The same, in a world where the {@link WorldFact}s have the given values. */
    public static Function<Dim, Object> point(Endpoint.Pod local, Endpoint peer, BigInteger ip, String protocol,
                                              String portName, BigInteger port, Map<String, String> facts) {
        Endpoint.Pod peerPod = peer instanceof Endpoint.Pod p ? p : null;
        Endpoint.Ip address = peer instanceof Endpoint.Ip a ? a : null;
        return dim -> switch (dim.kind()) {
            case LOCAL_LABEL -> local.podLabels().get(dim.key());
            case LOCAL_NAMESPACE_LABEL -> local.namespaceLabels().get(dim.key());
            case NAMESPACE_NAME -> peerPod.namespace();
            case NAMESPACE_LABEL -> peerPod.namespaceLabels().get(dim.key());
            case PEER_LABEL -> peerPod.podLabels().get(dim.key());
            case PROTOCOL -> protocol;
            case PORT_NAME -> portName;
            case PORT -> port;
            case IP -> ip;
            case PEER_POD_IP -> peerPod == null || peerPod.ip() == null ? NO_ADDRESS
                    : IpAddresses.address(peerPod.ip()).orElse(NO_ADDRESS);
            case PEER_NODE -> address != null && address.isNode() ? Dim.NODE : null;
            case NODE_LABEL -> address != null && address.isNode() ? address.nodeLabels().get(dim.key()) : null;
            case DOMAIN -> peer.domainNames().stream().anyMatch(n -> DomainKeys.matches(dim.key(), n))
                    ? Dim.REACHED : null;
            case FACT -> fact(dim.key(), facts, address != null);
        };
    }

    private static String fact(String fact, Map<String, String> facts, boolean addressPeer) {
        String value = facts.get(fact);
        if (value == null) {
            return WorldFact.byDefault(fact, addressPeer);
        }
        return value.equals(WorldFact.NO) ? null : value;
    }

    /** A point outside every interval of addresses. */
    private static final BigInteger NO_ADDRESS = BigInteger.ONE.negate();
}
