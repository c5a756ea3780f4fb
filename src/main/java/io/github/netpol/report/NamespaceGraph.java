package io.github.netpol.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The connectivity matrix folded to namespaces, the picture at the top of {@code report.html}: one node a
 * namespace (and one for external addresses), one edge a pair of namespaces between which some declared
 * workload may connect, marked when the pair gained a connection against the baseline or lost its last one.
 *
 * @param nodes the namespaces in the order of the matrix, then {@link #EXTERNAL} when a range appears
 * @param edges one a source and destination node, a node to itself for traffic within a namespace
 */
public record NamespaceGraph(List<Node> nodes, List<Edge> edges) {

    /** The node that stands for every external address range. */
    public static final String EXTERNAL = "external addresses";

    public NamespaceGraph {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
    }

    /**
     * @param name      the namespace, or {@link #EXTERNAL}
     * @param isolation how its pods are isolated; {@link Isolation#EXTERNAL} for the external node
     */
    public record Node(String name, Isolation isolation) {
    }

    /**
     * @param from    the source node's name
     * @param to      the destination node's name
     * @param change  {@link ConnectivityMatrix.Change#WIDENED} when some workload pair of the two is newly allowed,
     *                {@link ConnectivityMatrix.Change#NARROWED} when none is allowed any more; else NONE
     * @param pairs   how many source and destination workloads (or ranges) may connect now
     */
    public record Edge(String from, String to, ConnectivityMatrix.Change change, int pairs) {
        public boolean loop() {
            return from.equals(to);
        }
    }

    /** What the namespace's policies isolate: every pod in both directions, one direction, or neither. */
    public enum Isolation {
        BOTH("isolated"), INGRESS("ingress isolated"), EGRESS("egress isolated"), NONE("not isolated"),
        EXTERNAL("outside the cluster");

        private final String text;

        Isolation(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    public static NamespaceGraph of(ConnectivityMatrix matrix, List<NamespaceIsolation> isolation) {
        Map<String, NamespaceIsolation> byName = new LinkedHashMap<>();
        isolation.forEach(ns -> byName.put(ns.namespace(), ns));
        Set<String> names = new LinkedHashSet<>();
        boolean external = false;
        for (ConnectivityMatrix.Axis axis : matrix.columns()) {
            if (axis.external()) {
                external = true;
            } else {
                names.add(axis.group());
            }
        }
        names.addAll(byName.keySet());
        List<Node> nodes = new ArrayList<>();
        names.forEach(n -> nodes.add(new Node(n, isolation(byName.get(n)))));
        if (external || matrix.rows().stream().anyMatch(r -> r.source().external())) {
            nodes.add(new Node(EXTERNAL, Isolation.EXTERNAL));
        }
        Map<List<String>, int[]> counts = new LinkedHashMap<>();
        for (ConnectivityMatrix.Row row : matrix.rows()) {
            for (int c = 0; c < row.cells().size(); c++) {
                ConnectivityMatrix.Cell cell = row.cells().get(c);
                if (!cell.applicable()) {
                    continue;
                }
                // now, widened, was
                int[] n = counts.computeIfAbsent(List.of(node(row.source()), node(matrix.columns().get(c))), k -> new int[3]);
                n[0] += cell.current().isEmpty() ? 0 : 1;
                n[1] += cell.change().includes(ConnectivityMatrix.Change.WIDENED) ? 1 : 0;
                n[2] += cell.baseline() != null && !cell.baseline().isEmpty() ? 1 : 0;
            }
        }
        List<Edge> edges = new ArrayList<>();
        counts.forEach((pair, n) -> {
            ConnectivityMatrix.Change change = n[1] > 0 ? ConnectivityMatrix.Change.WIDENED
                    : n[0] == 0 && n[2] > 0 ? ConnectivityMatrix.Change.NARROWED : ConnectivityMatrix.Change.NONE;
            if (n[0] > 0 || change != ConnectivityMatrix.Change.NONE) {
                edges.add(new Edge(pair.get(0), pair.get(1), change, n[0]));
            }
        });
        return new NamespaceGraph(nodes, edges);
    }

    private static String node(ConnectivityMatrix.Axis axis) {
        return axis.external() ? EXTERNAL : axis.group();
    }

    private static Isolation isolation(NamespaceIsolation ns) {
        if (ns == null) {
            return Isolation.NONE;
        }
        boolean ingress = !ns.ingressDefaults().isEmpty();
        boolean egress = !ns.egressDefaults().isEmpty();
        return ingress && egress ? Isolation.BOTH : ingress ? Isolation.INGRESS : egress ? Isolation.EGRESS : Isolation.NONE;
    }
}
