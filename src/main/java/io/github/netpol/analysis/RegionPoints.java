package io.github.netpol.analysis;

import io.github.netpol.finding.WorldFact;
import io.github.netpol.model.WorkloadManifest;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The finitely many points that stand for all of a few regions: a region's membership changes only where one of
 * its port or address ranges begins or ends, or with a world fact it constrains, so checking these points checks
 * every point. What reads regions point by point (the Cilium connectivity, the comparison of relabelled workloads)
 * enumerates them here.
 */
public final class RegionPoints {

    private static final BigInteger LAST_ADDRESS = IpAddresses.ALL.ranges().get(IpAddresses.ALL.ranges().size() - 1).hi();

    private RegionPoints() {
    }

    /**
     * Port 1, every port where a range of the regions begins or ends, and each destination's declared ports and
     * the port after each (where the port's name stops applying); in order, so each begins a run decided alike.
     */
    public static List<Integer> ports(List<Region> regions, List<WorkloadManifest> destinations) {
        TreeSet<Integer> cuts = new TreeSet<>(List.of(1));
        for (WorkloadManifest w : destinations) {
            if (w != null) {
                w.ports().forEach(p -> {
                    cuts.add(p.port());
                    cuts.add(p.port() + 1);
                });
            }
        }
        for (Region r : regions) {
            for (Cube c : r.cubes()) {
                if (c.constraint(Dim.PORT) instanceof IntervalSet s) {
                    for (IntervalSet.Range range : s.ranges()) {
                        cuts.add(range.lo().intValue());
                        cuts.add(range.hi().intValue() + 1);
                    }
                }
            }
        }
        return cuts.stream().filter(p -> p >= 1 && p <= Dim.MAX_PORT).toList();
    }

    /** The last port of the run that begins at {@code ports.get(i)}. */
    public static int lastPort(List<Integer> ports, int i) {
        return i + 1 < ports.size() ? ports.get(i + 1) - 1 : Dim.MAX_PORT;
    }

    /** The first IPv4 and IPv6 addresses and every address where a range of the regions begins or ends, in order. */
    public static List<BigInteger> addresses(List<Region> regions) {
        TreeSet<BigInteger> cuts = new TreeSet<>();
        cuts.add(IpAddresses.ALL_V4.ranges().get(0).lo());
        cuts.add(IpAddresses.ALL_V6.ranges().get(0).lo());
        for (Region r : regions) {
            for (Cube c : r.cubes()) {
                if (c.constraint(Dim.IP) instanceof IntervalSet s) {
                    for (IntervalSet.Range range : s.ranges()) {
                        cuts.add(range.lo());
                        if (range.hi().compareTo(LAST_ADDRESS) < 0) {
                            cuts.add(range.hi().add(BigInteger.ONE));
                        }
                    }
                }
            }
        }
        return List.copyOf(cuts);
    }

    /** The last address of the run that begins at {@code addresses.get(i)}. */
    public static BigInteger lastAddress(List<BigInteger> addresses, int i) {
        return i + 1 < addresses.size() ? addresses.get(i + 1).subtract(BigInteger.ONE) : LAST_ADDRESS;
    }

    /** The yes/no facts the regions constrain, whether the address is the pod's node left out unless asked. */
    public static List<String> facts(List<Region> regions, boolean sameNode) {
        TreeSet<String> facts = new TreeSet<>();
        for (Region r : regions) {
            for (Cube c : r.cubes()) {
                for (int i = 0; i < c.size(); i++) {
                    Dim d = c.dimAt(i);
                    if (d.kind() == Dim.Kind.FACT && WorldFact.yesNo(d.key())
                            && (sameNode || !d.key().equals(WorldFact.SAME_NODE))) {
                        facts.add(d.key());
                    }
                }
            }
        }
        return List.copyOf(facts);
    }

    /**
     * Every world over the facts: each combination of the yes/no facts (a fact that holds has the value
     * {@link WorldFact#YES}; one that does not, none); with {@code addressKinds}, each of those for every address kind.
     */
    public static List<Map<String, String>> worlds(List<String> facts, boolean addressKinds) {
        List<Map<String, String>> out = new ArrayList<>();
        for (String kind : addressKinds ? WorldFact.ADDRESS_KINDS : List.of(WorldFact.WORLD)) {
            for (int bits = 0; bits < 1 << facts.size(); bits++) {
                Map<String, String> world = new LinkedHashMap<>();
                if (addressKinds) {
                    world.put(WorldFact.ADDRESS_KIND, kind);
                }
                for (int i = 0; i < facts.size(); i++) {
                    if ((bits & 1 << i) != 0) {
                        world.put(facts.get(i), WorldFact.YES);
                    }
                }
                out.add(world);
            }
        }
        return out;
    }

    /**
     * The worlds of a connection to or from an address: every address kind, whether it is the pod's own node, and
     * every combination of the other yes/no facts the regions constrain.
     */
    public static List<Map<String, String>> addressWorlds(List<Region> regions) {
        List<String> facts = new ArrayList<>(facts(regions, true));
        if (!facts.contains(WorldFact.SAME_NODE)) {
            facts.add(WorldFact.SAME_NODE);
        }
        return worlds(facts, true);
    }
}
