package io.github.netpol.model;

/** A container port of a workload's pod template; {@code name} may be null. Protocol defaults to TCP. */
public record ContainerPort(String name, String protocol, int port) {

    public ContainerPort {
        protocol = protocol == null ? "TCP" : protocol;
    }
}
