package io.github.netpol.analysis;

import io.github.netpol.finding.Direction;
import io.github.netpol.finding.LabelWords;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A sentence for a region, e.g. "pods with app=api in payments accept TCP port 8080 from pods whose role
 * is not admin in namespaces with env=dev". Describes the first cube and counts the others.
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
        String peer = ipPeer ? "addresses " + IpAddresses.describe((IntervalSet) c.get(Dim.IP)) : peerPods(c);
        String ports = ports(c);
        boolean one = local.startsWith("any ");
        return direction == Direction.INGRESS
                ? local + (one ? " accepts " : " accept ") + ports + " from " + peer
                : local + " may send " + ports + " to " + peer;
    }

    private static String peerPods(Cube c) {
        ValueSet names = (ValueSet) c.get(Dim.NAMESPACE_NAME);
        List<LabelWords.Condition> nsLabels = conditions(c, Dim.Kind.NAMESPACE_LABEL);
        String where;
        if (!names.cofinite()) {
            where = (names.values().size() == 1 ? "namespace " : "namespaces ") + sorted(names);
            String labels = LabelWords.describe("", "", nsLabels);
            where += labels.isEmpty() ? "" : " (" + labels.trim() + ")";
        } else {
            where = LabelWords.describe("namespaces", "any namespace", nsLabels)
                    + (names.values().isEmpty() ? "" : " other than " + sorted(names));
        }
        return pods(c, Dim.Kind.PEER_LABEL) + " in " + where;
    }

    private static String pods(Cube c, Dim.Kind kind) {
        return LabelWords.describe("pods", "any pod", conditions(c, kind));
    }

    private static List<LabelWords.Condition> conditions(Cube c, Dim.Kind kind) {
        List<LabelWords.Condition> out = new ArrayList<>();
        c.forEach((dim, set) -> {
            if (dim.kind() == kind) {
                out.add(condition(dim.key(), (ValueSet) set));
            }
        });
        return out;
    }

    private static LabelWords.Condition condition(String key, ValueSet v) {
        return new LabelWords.Condition(key, new TreeSet<>(v.values()), v.cofinite(), v.absent());
    }

    private static String ports(Cube c) {
        ValueSet protocols = (ValueSet) c.get(Dim.PROTOCOL);
        IntervalSet numbers = (IntervalSet) c.get(Dim.PORT);
        ValueSet names = (ValueSet) c.get(Dim.PORT_NAME);
        boolean allProtocols = protocols.values().size() == Dim.PROTOCOLS.size();
        if (allProtocols && numbers.equals(Dim.PORT.full()) && names.isAll()) {
            return "every port of every protocol";
        }
        String protos = allProtocols ? "any protocol" : String.join("/", new TreeSet<>(protocols.values()));
        String nums = numbers.equals(Dim.PORT.full()) ? "any port" : "port " + ranges(numbers);
        String named;
        if (names.isAll()) {
            named = "";
        } else if (!names.cofinite() && names.values().isEmpty()) {
            named = " (unnamed)";
        } else if (!names.cofinite() && !names.absent()) {
            named = " (named " + String.join(" or ", new TreeSet<>(names.values())) + ")";
        } else {
            named = " (port " + condition("name", names).words() + ")";
        }
        return protos + " " + nums + named;
    }

    static String ranges(IntervalSet set) {
        return set.ranges().stream().map(r -> r.lo().equals(r.hi()) ? r.lo().toString() : r.lo() + "-" + r.hi())
                .collect(Collectors.joining(","));
    }

    private static String sorted(ValueSet v) {
        return String.join(", ", new TreeSet<>(v.values()));
    }
}
