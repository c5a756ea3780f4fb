package io.github.netpol.finding;

/** One concrete connection, used as the example that proves a finding. */
public record Witness(Endpoint source, Endpoint destination, String protocol, int port) {
}
