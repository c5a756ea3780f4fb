package io.github.netpol.report;

import io.github.netpol.analysis.connectivity.Connection;
import io.github.netpol.analysis.connectivity.ConnectivityResult;
import io.github.netpol.analysis.connectivity.Node;
import io.github.netpol.analysis.connectivity.PortSet;
import io.github.netpol.model.WorkloadManifest;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Lays a {@link ConnectivityResult} (and the baseline's, when there is one) out as a
 * {@link ConnectivityMatrix}. Workloads are matched across versions by {@code ns/Kind/name}. External
 * ranges differ per workload and per version, so both versions' ranges are cut at every boundary and
 * adjacent pieces that look the same in the whole row (or column), now and in the baseline, are merged
 * again: every cell is then exact for every address of its range.
 */
public final class ConnectivityMatrixBuilder {

    private ConnectivityMatrixBuilder() {
    }

    /** @param baseline the baseline's connectivity, or {@code null} when there is none */
    public static ConnectivityMatrix build(ConnectivityResult current, ConnectivityResult baseline) {
        List<WorkloadManifest> workloads = current.workloads().stream()
                .sorted(Comparator.comparing(WorkloadManifest::namespace).thenComparing(WorkloadManifest::name)
                        .thenComparing(WorkloadManifest::kind))
                .toList();
        List<String> ids = workloads.stream().map(WorkloadManifest::id).toList();
        boolean compared = baseline != null;
        ConnectivityResult before = compared ? baseline : new ConnectivityResult(List.of(), List.of());
        Map<String, Connection> pairsNow = pairs(current);
        Map<String, Connection> pairsBefore = pairs(before);
        List<Segment> inbound = segments(ids, ranges(current, false), ranges(before, false));
        List<Segment> outbound = segments(ids, ranges(current, true), ranges(before, true));

        List<ConnectivityMatrix.Axis> columns = new ArrayList<>();
        workloads.forEach(w -> columns.add(axis(w)));
        outbound.forEach(s -> columns.add(s.axis()));

        List<ConnectivityMatrix.Row> rows = new ArrayList<>();
        for (String source : ids) {
            List<ConnectivityMatrix.Cell> cells = new ArrayList<>();
            for (String destination : ids) {
                String key = key(source, destination);
                cells.add(source.equals(destination) ? ConnectivityMatrix.Cell.notApplicable()
                        : cell(pairsNow.get(key), pairsBefore.get(key), compared));

            }
            int w = ids.indexOf(source);
            outbound.forEach(s -> cells.add(cell(s.now().get(w), s.before().get(w), compared)));
            rows.add(new ConnectivityMatrix.Row(axis(workloads.get(w)), cells));
        }
        for (Segment s : inbound) {
            List<ConnectivityMatrix.Cell> cells = new ArrayList<>();
            for (int w = 0; w < ids.size(); w++) {
                cells.add(cell(s.now().get(w), s.before().get(w), compared));
            }
            outbound.forEach(o -> cells.add(ConnectivityMatrix.Cell.notApplicable()));
            rows.add(new ConnectivityMatrix.Row(s.axis(), cells));
        }
        return new ConnectivityMatrix(columns, rows, compared);
    }

    private static ConnectivityMatrix.Axis axis(WorkloadManifest w) {
        return new ConnectivityMatrix.Axis(w.namespace(), w.name() + " (" + w.kind() + ")", w.id());
    }

    /** A cell from the connections now and in the baseline (either {@code null} when there is none). */
    private static ConnectivityMatrix.Cell cell(Connection now, Connection before, boolean compared) {
        return new ConnectivityMatrix.Cell(true, now == null ? PortSet.none() : now.ports(),
                compared ? before == null ? PortSet.none() : before.ports() : null,
                now == null ? List.of() : now.verdicts());
    }

    private static Map<String, Connection> pairs(ConnectivityResult result) {
        Map<String, Connection> out = new HashMap<>();
        for (Connection c : result.connections()) {
            if (c.source() instanceof Node.Workload && c.destination() instanceof Node.Workload) {
                out.put(key(c.source().id(), c.destination().id()), c);
            }
        }
        return out;
    }

    private static String key(String source, String destination) {
        return source + "\n" + destination;
    }

    /** The external ranges of each workload: those it reaches ({@code outbound}) or is reached from. */
    private static Map<String, List<AddressRange>> ranges(ConnectivityResult result, boolean outbound) {
        Map<String, List<AddressRange>> out = new HashMap<>();
        for (Connection c : result.connections()) {
            Node self = outbound ? c.source() : c.destination();
            Node other = outbound ? c.destination() : c.source();
            if (self instanceof Node.Workload && other instanceof Node.External range) {
                out.computeIfAbsent(self.id(), k -> new ArrayList<>()).add(new AddressRange(range.first(), range.last(), c));
            }
        }
        return out;
    }

    private static List<Segment> segments(List<String> ids, Map<String, List<AddressRange>> now, Map<String, List<AddressRange>> before) {
        TreeSet<BigInteger> cuts = new TreeSet<>();
        for (Map<String, List<AddressRange>> version : List.of(now, before)) {
            version.values().forEach(list -> list.forEach(r -> {
                cuts.add(r.first());
                cuts.add(r.last().add(BigInteger.ONE));
            }));
        }
        List<Segment> out = new ArrayList<>();
        BigInteger previous = null;
        for (BigInteger cut : cuts) {
            if (previous != null) {
                BigInteger at = previous;
                // a piece lies inside at most one range of a workload: ranges of one workload do not overlap
                Function<Map<String, List<AddressRange>>, List<Connection>> portsAt = version -> ids.stream()
                        .map(id -> version.getOrDefault(id, List.<AddressRange>of()).stream().filter(r -> r.contains(at))
                                .map(AddressRange::connection).findFirst().orElse(null))
                        .toList();
                add(out, new Segment(previous, cut.subtract(BigInteger.ONE), portsAt.apply(now), portsAt.apply(before)));
            }
            previous = cut;
        }
        return out;
    }

    private static void add(List<Segment> out, Segment next) {
        boolean empty = next.now().stream().allMatch(Objects::isNull) && next.before().stream().allMatch(Objects::isNull);
        if (empty) {
            return;
        }
        Segment last = out.isEmpty() ? null : out.get(out.size() - 1);
        if (last != null && last.last().add(BigInteger.ONE).equals(next.first())
                && alike(last.now(), next.now()) && alike(last.before(), next.before())) {
            out.set(out.size() - 1, new Segment(last.first(), next.last(), last.now(), last.before()));
        } else {
            out.add(next);
        }
    }

    /** Whether two pieces show the same in every cell: the same ports, decided alike. */
    private static boolean alike(List<Connection> a, List<Connection> b) {
        for (int i = 0; i < a.size(); i++) {
            Connection x = a.get(i);
            Connection y = b.get(i);
            if (x == null || y == null ? x != y : !x.ports().equals(y.ports()) || !x.verdicts().equals(y.verdicts())) {
                return false;
            }
        }
        return true;
    }

    private record AddressRange(BigInteger first, BigInteger last, Connection connection) {
        boolean contains(BigInteger address) {
            return first.compareTo(address) <= 0 && address.compareTo(last) <= 0;
        }
    }

    /**
     * An address range and, per workload in axis order, the connection now and in the baseline ({@code null}
     * where there is none).
     */
    private record Segment(BigInteger first, BigInteger last, List<Connection> now, List<Connection> before) {
        ConnectivityMatrix.Axis axis() {
            return new ConnectivityMatrix.Axis(null, new Node.External(first, last).id(), null);
        }
    }
}
