package io.github.netpol.model.semantics;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.github.netpol.model.ContainerPort;

import java.util.List;

/**
 * One {@code ports} item of a policy rule after the API server's defaulting: protocol TCP when omitted, and an
 * item written as {@code null} (or {@code {}}) is every TCP port. The port is a number (with {@code endPort} a
 * range), a name the destination pod resolves, or absent (every port of the protocol).
 *
 * @param protocol        {@code TCP}, {@code UDP}, {@code SCTP} (or what was written; validation rejects others), or
 *                        {@code null} for a named port of a ClusterNetworkPolicy or AdminNetworkPolicy, which names
 *                        the destination's port whatever its protocol
 * @param protocolWritten whether the manifest names the protocol
 * @param kind            a number (or range), a name, or any port
 * @param from            first port of a numeric item, else 0
 * @param to              last port of a numeric item ({@code endPort}, or the port itself), else 0
 * @param name            the port name of a named item, else {@code null}
 */
public record PolicyPort(String protocol, boolean protocolWritten, Kind kind, int from, int to, String name) {

    /** What the {@code port} field holds. */
    public enum Kind { ANY, NUMBER, NAME }

    /** The protocols a policy can name, in the order reports list them. */
    public static final List<String> PROTOCOLS = List.of("TCP", "UDP", "SCTP");
    public static final String DEFAULT_PROTOCOL = "TCP";
    public static final int MAX_PORT = 65535;

    public static PolicyPort of(NetworkPolicyPort port) {
        if (port == null) {
            return new PolicyPort(DEFAULT_PROTOCOL, false, Kind.ANY, 0, 0, null);
        }
        String protocol = port.getProtocol() == null ? DEFAULT_PROTOCOL : port.getProtocol();
        IntOrString value = port.getPort();
        if (value != null && value.getStrVal() != null) {
            return new PolicyPort(protocol, port.getProtocol() != null, Kind.NAME, 0, 0, value.getStrVal());
        }
        if (value != null && value.getIntVal() != null) {
            int from = value.getIntVal();
            return new PolicyPort(protocol, port.getProtocol() != null, Kind.NUMBER, from,
                    port.getEndPort() == null ? from : port.getEndPort(), null);
        }
        return new PolicyPort(protocol, port.getProtocol() != null, Kind.ANY, 0, 0, null);
    }

    /** Ports {@code from} to {@code to} of one protocol (a single port when equal). */
    public static PolicyPort range(String protocol, int from, int to) {
        return new PolicyPort(protocol, true, Kind.NUMBER, from, to, null);
    }

    /** Every port of one protocol. */
    public static PolicyPort anyPortOf(String protocol) {
        return new PolicyPort(protocol, true, Kind.ANY, 0, 0, null);
    }

    /**
     * A named port without a protocol ({@code destinationNamedPort}, {@code namedPort}): the destination pod's
     * container port of that name, whatever its protocol.
     */
    public static PolicyPort namedAnyProtocol(String name) {
        return new PolicyPort(null, false, Kind.NAME, 0, 0, name);
    }

    /** The items of a rule's {@code ports}; an omitted or empty list means every port of every protocol. */
    public static List<PolicyPort> of(List<NetworkPolicyPort> ports) {
        return ports == null ? List.of() : ports.stream().map(PolicyPort::of).toList();
    }

    /** No port written: every port of the protocol. */
    public boolean anyPort() {
        return kind == Kind.ANY;
    }

    /** Whether the item matches every protocol (a named port of the newer policy kinds). */
    public boolean anyProtocol() {
        return protocol == null;
    }

    public boolean isNamed() {
        return kind == Kind.NAME;
    }

    public boolean isNumeric() {
        return kind == Kind.NUMBER;
    }

    /** True when this item matches {@code protocol}/{@code number}; a named port never matches a number here. */
    public boolean covers(String protocol, int number) {
        return (anyProtocol() || this.protocol.equals(protocol)) && (anyPort() || isNumeric() && from <= number && number <= to);
    }

    /**
     * Whether this item matches every port {@code narrow} matches: exact for protocols, numbers and ranges; a named
     * port, which may resolve to any number, covers and is covered only by the same name.
     */
    public boolean covers(PolicyPort narrow) {
        if (!anyProtocol() && (narrow.anyProtocol() || !protocol.equals(narrow.protocol()))) {
            return false;
        }
        if (anyPort()) {
            return true;
        }
        if (isNamed() || narrow.isNamed()) {
            return isNamed() && narrow.isNamed() && name.equals(narrow.name());
        }
        return !narrow.anyPort() && from <= narrow.from() && narrow.to() <= to;
    }

    /**
     * Whether the port list {@code wide} matches every port {@code narrow} matches; an empty list (a rule without
     * ports) matches every port.
     */
    public static boolean covers(List<PolicyPort> wide, List<PolicyPort> narrow) {
        if (wide.isEmpty()) {
            return true;
        }
        return !narrow.isEmpty() && narrow.stream().allMatch(n -> wide.stream().anyMatch(w -> w.covers(n)));
    }

    /**
     * Named-port resolution: whether a container port of the destination pod is the one this named item means
     * (same name and protocol). Numeric and any-port items name no container port.
     */
    public boolean names(ContainerPort port) {
        return isNamed() && name.equals(port.name()) && (anyProtocol() || protocol.equals(port.protocol()));
    }

    /** Short text such as {@code TCP/8080-8090}, {@code UDP/dns} or {@code TCP/any}. */
    public String describe() {
        String p = anyPort() ? "any" : isNamed() ? name : from == to ? String.valueOf(from) : from + "-" + to;
        return (anyProtocol() ? "any" : protocol) + "/" + p;
    }
}
