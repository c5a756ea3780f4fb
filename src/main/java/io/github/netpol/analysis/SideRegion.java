package io.github.netpol.analysis;

import io.github.netpol.finding.Direction;
import io.github.netpol.finding.Endpoint;

import java.math.BigInteger;
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
     * namespace; {@code peer} the other end. Named ports are taken from the destination pod.
     */
    public boolean allows(Endpoint.Pod local, Endpoint peer, String protocol, int port) {
        Endpoint destination = direction == Direction.INGRESS ? local : peer;
        String portName = destination instanceof Endpoint.Pod pod ? pod.portName(protocol, port) : null;
        BigInteger portValue = BigInteger.valueOf(port);
        if (peer instanceof Endpoint.Ip ip) {
            BigInteger address = IpAddresses.address(ip.ip())
                    .orElseThrow(() -> new IllegalArgumentException("not an IP address: " + ip.ip()));
            return ips.contains(point(local, null, address, protocol, portName, portValue));
        }
        return pods.contains(point(local, (Endpoint.Pod) peer, null, protocol, portName, portValue));
    }

    private static Function<Dim, Object> point(Endpoint.Pod local, Endpoint.Pod peer, BigInteger ip,
                                               String protocol, String portName, BigInteger port) {
        return dim -> switch (dim.kind()) {
            case LOCAL_LABEL -> local.podLabels().get(dim.key());
            case NAMESPACE_NAME -> peer.namespace();
            case NAMESPACE_LABEL -> peer.namespaceLabels().get(dim.key());
            case PEER_LABEL -> peer.podLabels().get(dim.key());
            case PROTOCOL -> protocol;
            case PORT_NAME -> portName;
            case PORT -> port;
            case IP -> ip;
        };
    }
}
