package io.github.netpol.report;

import io.github.netpol.analysis.IntervalSet;
import io.github.netpol.analysis.connectivity.Connection;
import io.github.netpol.analysis.connectivity.ConnectivityResult;
import io.github.netpol.analysis.connectivity.Node;
import io.github.netpol.model.WorkloadManifest;
import io.github.netpol.model.semantics.PolicyPort;

import io.github.netpol.model.JsonText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Text, JSON, Markdown, CSV and DOT forms of a {@link ConnectivityResult}; pure, returns strings. The
 * {@code connectivity} goal writes them through {@link ConnectivityWriter}.
 */
public final class ConnectivityForms {

    private ConnectivityForms() {
    }

    /** One line a connection: {@code src => dst : TCP 8080,UDP 53}, sorted. */
    public static String text(ConnectivityResult r) {
        StringBuilder sb = new StringBuilder();
        r.connections().forEach(c -> sb.append(c.text()).append('\n'));
        return sb.toString();
    }

    /**
     * {@code {"workloads": [{"id","namespace","kind","name"}], "connections": [{"source","destination",
     * "protocols": {"TCP": [[lo, hi]], "UDP": [], "SCTP": []}}]}} with inclusive ranges.
     */
    public static String json(ConnectivityResult r) {
        List<Object> workloads = new ArrayList<>();
        for (WorkloadManifest w : r.workloads()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", w.id());
            m.put("namespace", w.namespace());
            m.put("kind", w.kind());
            m.put("name", w.name());
            workloads.add(m);
        }
        List<Object> connections = new ArrayList<>();
        for (Connection c : r.connections()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("source", c.source().id());
            m.put("destination", c.destination().id());
            Map<String, Object> protocols = new LinkedHashMap<>();
            for (String p : PolicyPort.PROTOCOLS) {
                IntervalSet set = c.ports().byProtocol().getOrDefault(p, IntervalSet.empty());
                protocols.put(p, set.ranges().stream().map(x -> List.of(x.lo(), x.hi())).toList());
            }
            m.put("protocols", protocols);
            connections.add(m);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("workloads", workloads);
        root.put("connections", connections);
        return JsonText.pretty(root) + "\n";
    }

    public static String markdown(ConnectivityResult r) {
        StringBuilder sb = new StringBuilder("| src | dst | conn |\n|-----|-----|------|\n");
        for (Connection c : r.connections()) {
            sb.append("| ").append(MarkdownText.escape(c.source().text())).append(" | ")
                    .append(MarkdownText.escape(c.destination().text())).append(" | ")
                    .append(MarkdownText.escape(c.ports().text())).append(" |\n");
        }
        return sb.toString();
    }

    public static String csv(ConnectivityResult r) {
        StringBuilder sb = new StringBuilder("src,dst,conn\n");
        for (Connection c : r.connections()) {
            sb.append(csv(c.source().text())).append(',').append(csv(c.destination().text())).append(',')
                    .append(csv(c.ports().text())).append('\n');
        }
        return sb.toString();
    }

    /** Graphviz: one cluster a namespace, external ranges as separate nodes, one edge a connection. */
    public static String dot(ConnectivityResult r) {
        Map<String, List<WorkloadManifest>> byNamespace = new TreeMap<>();
        r.workloads().forEach(w -> byNamespace.computeIfAbsent(w.namespace(), k -> new ArrayList<>()).add(w));
        StringBuilder sb = new StringBuilder("digraph {\n");
        byNamespace.forEach((ns, list) -> {
            sb.append("\tsubgraph ").append(q("cluster_" + ns + "[namespace]")).append(" {\n");
            sb.append("\t\tlabel=").append(q(ns + "[namespace]")).append('\n');
            list.stream().map(Node.Workload::new).map(Node::text).sorted().forEach(t ->
                    sb.append("\t\t").append(q(t)).append(" [label=")
                            .append(q(t.substring(ns.length() + 1))).append(" color=\"blue\"]\n"));
            sb.append("\t}\n");
        });
        TreeSet<String> externals = new TreeSet<>();
        for (Connection c : r.connections()) {
            for (Node n : List.of(c.source(), c.destination())) {
                if (n instanceof Node.External) {
                    externals.add(n.text());
                }
            }
        }
        externals.forEach(t -> sb.append('\t').append(q(t)).append(" [label=").append(q(t)).append(" color=\"red2\"]\n"));
        for (Connection c : r.connections()) {
            sb.append('\t').append(q(c.source().text())).append(" -> ").append(q(c.destination().text()))
                    .append(" [label=").append(q(c.ports().text())).append("]\n");
        }
        return sb.append("}\n").toString();
    }

    private static String q(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String csv(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
