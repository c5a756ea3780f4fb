package io.github.netpol.report;

import io.github.netpol.analysis.IntervalSet;
import io.github.netpol.analysis.connectivity.PortSet;
import io.github.netpol.analysis.connectivity.Verdict;

import java.util.List;

/**
 * The connectivity of the declared workloads as a grid: rows are sources, columns destinations, both
 * the workloads grouped by namespace followed by the external address ranges. Each cell holds the
 * ports allowed now and, when there is a baseline, the ports allowed by the baseline.
 *
 * @param compared whether cells carry the baseline's ports
 */
public record ConnectivityMatrix(List<Axis> columns, List<Row> rows, boolean compared) {

    public ConnectivityMatrix {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /** Cells whose change is the given one (a cell both widened and narrowed counts for both). */
    public long count(Change change) {
        return rows.stream().flatMap(r -> r.cells().stream()).filter(c -> c.change().includes(change)).count();
    }

    /**
     * A row or column heading.
     *
     * @param group    the namespace, or {@code null} for an external address range
     * @param label    the workload's {@code name (Kind)} or the range {@code first-last}
     * @param workload the workload id {@code ns/Kind/name}, or {@code null} for a range
     */
    public record Axis(String group, String label, String workload) {
        public boolean external() {
            return workload == null;
        }
    }

    public record Row(Axis source, List<Cell> cells) {
        public Row {
            cells = List.copyOf(cells);
        }
    }

    /**
     * One source and destination.
     *
     * @param applicable false where no connection can exist: a workload with itself, a range with a range
     * @param current    the ports allowed now (empty when none)
     * @param baseline   the ports the baseline allows, or {@code null} without a baseline
     * @param verdicts   with tier policies, what decided the ports allowed now and how certain they are
     */
    public record Cell(boolean applicable, PortSet current, PortSet baseline, List<Verdict> verdicts) {

        public Cell {
            verdicts = List.copyOf(verdicts);
        }

        public Cell(boolean applicable, PortSet current, PortSet baseline) {
            this(applicable, current, baseline, List.of());
        }

        public static Cell notApplicable() {
            return new Cell(false, PortSet.none(), null);
        }

        public Change change() {
            if (baseline == null) {
                return Change.NONE;
            }
            boolean widened = !covers(baseline, current);
            boolean narrowed = !covers(current, baseline);
            return widened ? narrowed ? Change.BOTH : Change.WIDENED : narrowed ? Change.NARROWED : Change.NONE;
        }

        private static boolean covers(PortSet outer, PortSet inner) {
            return inner.byProtocol().entrySet().stream().allMatch(e ->
                    e.getValue().minus(outer.byProtocol().getOrDefault(e.getKey(), IntervalSet.empty())).isEmpty());
        }
    }

    /** How a cell differs from the baseline: more ports allowed, fewer, or some of each. */
    public enum Change {
        NONE, WIDENED, NARROWED, BOTH;

        public boolean includes(Change other) {
            return this == other || (this == BOTH && other != NONE);
        }
    }
}
