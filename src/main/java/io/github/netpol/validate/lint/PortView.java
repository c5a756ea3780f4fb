package io.github.netpol.validate.lint;

import io.github.netpol.model.ContainerPort;
import io.github.netpol.model.semantics.PolicyPort;

/**
 * One {@code ports} item of a rule, after defaulting, with its position.
 *
 * @param pointer JSON pointer of the item inside its policy
 */
public record PortView(PolicyPort port, String pointer) {

    public String protocol() {
        return port.protocol();
    }

    public boolean protocolWritten() {
        return port.protocolWritten();
    }

    public boolean anyPort() {
        return port.anyPort();
    }

    public boolean isNamed() {
        return port.isNamed();
    }

    public String name() {
        return port.name();
    }

    public boolean isNumeric() {
        return port.isNumeric();
    }

    /** First port of the range; only for numeric ports. */
    public int from() {
        return port.from();
    }

    /** Last port of the range: {@code endPort}, or the port itself. */
    public int to() {
        return port.to();
    }

    /** True when this item matches {@code protocol}/{@code number}; a named port never matches a number here. */
    public boolean covers(String protocol, int number) {
        return port.covers(protocol, number);
    }

    /** Whether a container port is the one this named item means. */
    public boolean names(ContainerPort containerPort) {
        return port.names(containerPort);
    }

    /** Short text such as {@code TCP/8080-8090}, {@code UDP/dns} or {@code TCP/any}. */
    public String describe() {
        return port.describe();
    }
}
