package io.github.netpol.analysis;

import io.github.netpol.finding.Direction;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A sentence for a region, e.g. "pods with app=api in payments accept TCP 8080 from pods with
 * role=client in namespaces labelled env=dev". Describes the first cube and counts the others.
 */
public final class RegionDescriber {

    private RegionDescriber() {
    }

    public static String describe(SideRegion region, String namespace) {
        List<String> parts = new ArrayList<>();
        region.pods().cubes().stream().findFirst().ifPresent(c -> parts.add(describe(c, region.direction(), namespace, false)));
        if (parts.isEmpty()) {
            region.ips().cubes().stream().findFirst().ifPresent(c -> parts.add(describe(c, region.direction(), namespace, true)));
        }
        if (parts.isEmpty()) {
            return "nothing";
        }
        int more = region.pods().cubes().size() + region.ips().cubes().size() - 1;
        return parts.get(0) + (more > 0 ? " (and " + more + " more part" + (more > 1 ? "s" : "") + ")" : "");
    }

    public static String describe(Cube c, Direction direction, String namespace, boolean ipPeer) {
        String local = pods(c, Dim.Kind.LOCAL_LABEL) + " in " + namespace;
        String peer = ipPeer ? "addresses " + addresses((IntervalSet) c.get(Dim.IP)) : peerPods(c);
        String ports = ports(c);
        return direction == Direction.INGRESS
                ? local + " accept " + ports + " from " + peer
                : local + " may send " + ports + " to " + peer;
    }

    private static String peerPods(Cube c) {
        ValueSet names = (ValueSet) c.get(Dim.NAMESPACE_NAME);
        String where;
        if (!names.cofinite()) {
            where = (names.values().size() == 1 ? "namespace " : "namespaces ") + sorted(names);
        } else {
            where = "any namespace" + (names.values().isEmpty() ? "" : " except " + sorted(names));
        }
        String nsLabels = labels(c, Dim.Kind.NAMESPACE_LABEL);
        if (!nsLabels.isEmpty()) {
            where += " labelled " + nsLabels;
        }
        return pods(c, Dim.Kind.PEER_LABEL) + " in " + where;
    }

    private static String pods(Cube c, Dim.Kind kind) {
        String l = labels(c, kind);
        return l.isEmpty() ? "any pod" : "pods with " + l;
    }

    private static String labels(Cube c, Dim.Kind kind) {
        return c.sets().entrySet().stream().filter(e -> e.getKey().kind() == kind)
                .map(e -> label(e.getKey().key(), (ValueSet) e.getValue()))
                .filter(s -> !s.isEmpty()).collect(Collectors.joining(", "));
    }

    private static String label(String key, ValueSet v) {
        if (v.isAll()) {
            return "";
        }
        String present;
        if (!v.cofinite()) {
            present = v.values().isEmpty() ? "" : v.values().size() == 1
                    ? key + "=" + v.values().iterator().next() : key + " in " + sorted(v);
        } else {
            present = v.values().isEmpty() ? key + " set" : key + " not in " + sorted(v);
        }
        if (!v.absent()) {
            return present;
        }
        return present.isEmpty() ? "no " + key : present + " or no " + key;
    }

    private static String ports(Cube c) {
        ValueSet protocols = (ValueSet) c.get(Dim.PROTOCOL);
        IntervalSet numbers = (IntervalSet) c.get(Dim.PORT);
        ValueSet names = (ValueSet) c.get(Dim.PORT_NAME);
        String protos = protocols.values().size() == Dim.PROTOCOLS.size() ? "any protocol" : String.join("/", new TreeSet<>(protocols.values()));
        String nums = numbers.equals(Dim.PORT.full()) ? "any port" : "port " + ranges(numbers);
        String named = names.isAll() ? "" : " (" + (names.absent() && !names.cofinite() && names.values().isEmpty()
                ? "unnamed" : "named " + label("port name", names)) + ")";
        return protos + " " + nums + named;
    }

    static String ranges(IntervalSet set) {
        return set.ranges().stream().map(r -> r.lo().equals(r.hi()) ? r.lo().toString() : r.lo() + "-" + r.hi())
                .collect(Collectors.joining(","));
    }

    private static String addresses(IntervalSet set) {
        return set.ranges().stream().map(r -> IpAddresses.format(r.lo()) + "-" + IpAddresses.format(r.hi()))
                .collect(Collectors.joining(","));
    }

    private static String sorted(ValueSet v) {
        return String.join(", ", new TreeSet<>(v.values()));
    }
}
