package io.github.netpol.finding;

/** A container port that carries a name, as a pod declares it. */
public record NamedPort(String name, String protocol, int port) {
}
