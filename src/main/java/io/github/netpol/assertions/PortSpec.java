package io.github.netpol.assertions;

import io.github.netpol.analysis.Cube;
import io.github.netpol.analysis.Dim;
import io.github.netpol.analysis.IntervalSet;
import io.github.netpol.analysis.ValueSet;

import java.util.Set;

/**
 * The protocols and ports an assertion speaks about: a port or range on one protocol (TCP unless
 * given), or every port of one protocol, or (neither given) every protocol and port.
 */
public record PortSpec(Set<String> protocols, IntervalSet ports) {

    public PortSpec {
        protocols = Set.copyOf(protocols);
    }

    public static PortSpec any() {
        return new PortSpec(Dim.PROTOCOLS, IntervalSet.of(1, Dim.MAX_PORT));
    }

    public Cube cube() {
        return Cube.all().with(Dim.PROTOCOL, ValueSet.of(protocols)).with(Dim.PORT, ports);
    }

    /** {@code TCP 8080}, {@code UDP 53-54}, {@code any port}. */
    public String describe() {
        String range = ports.equals(Dim.PORT.full()) ? "any port"
                : ports.min() + (ports.ranges().get(0).hi().equals(ports.min()) ? "" : "-" + ports.ranges().get(0).hi());
        if (protocols.size() == Dim.PROTOCOLS.size()) {
            return "any protocol, " + range;
        }
        return String.join("/", new java.util.TreeSet<>(protocols)) + " " + range;
    }
}
