package io.github.netpol.analysis.connectivity;

import io.github.netpol.analysis.Dim;
import io.github.netpol.analysis.IntervalSet;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Allowed ports per protocol (SCTP, TCP, UDP); protocols with no port are left out. */
public record PortSet(SortedMap<String, IntervalSet> byProtocol) {

    private static final IntervalSet ALL_PORTS = IntervalSet.of(1, Dim.MAX_PORT);
    // immutable, so shared: connectivity asks for these once per pair of workloads
    private static final PortSet NONE = new PortSet(new TreeMap<>());
    private static final PortSet ALL = allPorts();

    public PortSet {
        TreeMap<String, IntervalSet> m = new TreeMap<>();
        byProtocol.forEach((k, v) -> {
            if (!v.isEmpty()) {
                m.put(k, v);
            }
        });
        byProtocol = java.util.Collections.unmodifiableSortedMap(m);
    }

    public static PortSet none() {
        return NONE;
    }

    public static PortSet all() {
        return ALL;
    }

    private static PortSet allPorts() {
        TreeMap<String, IntervalSet> m = new TreeMap<>();
        Dim.PROTOCOLS.forEach(p -> m.put(p, ALL_PORTS));
        return new PortSet(m);
    }

    public static PortSet of(String protocol, IntervalSet ports) {
        TreeMap<String, IntervalSet> m = new TreeMap<>();
        m.put(protocol, ports.intersect(ALL_PORTS));
        return new PortSet(m);
    }

    public boolean isEmpty() {
        return byProtocol.isEmpty();
    }

    public boolean isAll() {
        return equals(all());
    }

    public PortSet union(PortSet other) {
        TreeMap<String, IntervalSet> m = new TreeMap<>(byProtocol);
        other.byProtocol.forEach((k, v) -> m.merge(k, v, IntervalSet::union));
        return new PortSet(m);
    }

    public PortSet intersect(PortSet other) {
        TreeMap<String, IntervalSet> m = new TreeMap<>();
        for (Map.Entry<String, IntervalSet> e : byProtocol.entrySet()) {
            IntervalSet o = other.byProtocol.get(e.getKey());
            if (o != null) {
                m.put(e.getKey(), e.getValue().intersect(o));
            }
        }
        return new PortSet(m);
    }

    /** The ports of this set that {@code other} does not hold. */
    public PortSet minus(PortSet other) {
        TreeMap<String, IntervalSet> m = new TreeMap<>();
        for (Map.Entry<String, IntervalSet> e : byProtocol.entrySet()) {
            IntervalSet o = other.byProtocol.get(e.getKey());
            m.put(e.getKey(), o == null ? e.getValue() : e.getValue().minus(o));
        }
        return new PortSet(m);
    }

    /** {@code All Connections}, or {@code SCTP 9003,TCP 80-81,8080,UDP 53}. */
    public String text() {
        if (isAll()) {
            return "All Connections";
        }
        return byProtocol.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue().ranges().stream()
                        .map(r -> r.lo().equals(r.hi()) ? r.lo().toString() : r.lo() + "-" + r.hi())
                        .collect(Collectors.joining(",")))
                .collect(Collectors.joining(","));
    }
}
