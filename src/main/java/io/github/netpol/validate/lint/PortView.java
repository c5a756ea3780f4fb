package io.github.netpol.validate.lint;

import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;

/**
 * One {@code ports} item after defaulting: protocol TCP when omitted.
 *
 * @param pointer JSON pointer of the item inside its policy
 */
public record PortView(NetworkPolicyPort port, String pointer) {

    public String protocol() {
        return port.getProtocol() == null ? "TCP" : port.getProtocol();
    }

    public boolean protocolWritten() {
        return port.getProtocol() != null;
    }

    public boolean anyPort() {
        return port.getPort() == null;
    }

    public boolean isNamed() {
        return port.getPort() != null && port.getPort().getStrVal() != null;
    }

    public String name() {
        return isNamed() ? port.getPort().getStrVal() : null;
    }

    public boolean isNumeric() {
        return port.getPort() != null && port.getPort().getIntVal() != null;
    }

    /** First port of the range; only for numeric ports. */
    public int from() {
        return port.getPort().getIntVal();
    }

    /** Last port of the range: {@code endPort}, or the port itself. */
    public int to() {
        return port.getEndPort() == null ? from() : port.getEndPort();
    }

    /** True when this item matches {@code protocol}/{@code number}; a named port never matches a number here. */
    public boolean covers(String protocol, int number) {
        if (!protocol().equals(protocol)) {
            return false;
        }
        return anyPort() || (isNumeric() && from() <= number && number <= to());
    }

    /** Short text such as {@code TCP/8080-8090}, {@code UDP/dns} or {@code TCP/any}. */
    public String describe() {
        String p = anyPort() ? "any" : isNamed() ? name() : (from() == to() ? String.valueOf(from()) : from() + "-" + to());
        return protocol() + "/" + p;
    }
}
