package io.github.netpol.report;

import io.github.netpol.analysis.IntervalSet;
import io.github.netpol.analysis.connectivity.Connection;
import io.github.netpol.analysis.connectivity.ConnectivityResult;
import io.github.netpol.analysis.connectivity.Node;
import io.github.netpol.analysis.connectivity.PortSet;
import io.github.netpol.analysis.connectivity.Verdict;
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

    /**
     * One line a connection: {@code src => dst : TCP 8080,UDP 53}, sorted. With tier policies each is followed by
     * one indented line per group of ports decided alike: {@code TCP 80 certainly (egress: …; ingress: …)}.
     */
    public static String text(ConnectivityResult r) {
        StringBuilder sb = new StringBuilder();
        r.connections().forEach(c -> {
            sb.append(c.text()).append('\n');
            c.verdicts().forEach(v -> sb.append("    ").append(v.text()).append('\n'));
        });
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
            m.put("protocols", protocols(c.ports()));
            if (r.tiers()) {
                List<Object> verdicts = new ArrayList<>();
                for (Verdict v : c.verdicts()) {
                    Map<String, Object> vm = new LinkedHashMap<>();
                    vm.put("certainty", v.certainty());
                    vm.put("protocols", protocols(v.ports()));
                    vm.put("egress", v.egress());
                    vm.put("ingress", v.ingress());
                    verdicts.add(vm);
                }
                m.put("verdicts", verdicts);
            }
            connections.add(m);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("workloads", workloads);
        root.put("connections", connections);
        return JsonText.pretty(root) + "\n";
    }

    private static Map<String, Object> protocols(PortSet ports) {
        Map<String, Object> protocols = new LinkedHashMap<>();
        for (String p : PolicyPort.PROTOCOLS) {
            IntervalSet set = ports.byProtocol().getOrDefault(p, IntervalSet.empty());
            protocols.put(p, set.ranges().stream().map(x -> List.of(x.lo(), x.hi())).toList());
        }
        return protocols;
    }

    /** With tier policies, one row per group of ports decided alike, with its certainty and deciding rules. */
    public static String markdown(ConnectivityResult r) {
        if (r.tiers()) {
            StringBuilder sb = new StringBuilder("| src | dst | conn | certainty | decided by |\n"
                    + "|-----|-----|------|-----------|------------|\n");
            for (Connection c : r.connections()) {
                for (Verdict v : c.verdicts()) {
                    sb.append("| ").append(MarkdownText.escape(c.source().text())).append(" | ")
                            .append(MarkdownText.escape(c.destination().text())).append(" | ")
                            .append(MarkdownText.escape(v.ports().text())).append(" | ").append(v.certainty())
                            .append(" | ").append(MarkdownText.escape(v.decidedBy())).append(" |\n");
                }
            }
            return sb.toString();
        }
        StringBuilder sb = new StringBuilder("| src | dst | conn |\n|-----|-----|------|\n");
        for (Connection c : r.connections()) {
            sb.append("| ").append(MarkdownText.escape(c.source().text())).append(" | ")
                    .append(MarkdownText.escape(c.destination().text())).append(" | ")
                    .append(MarkdownText.escape(c.ports().text())).append(" |\n");
        }
        return sb.toString();
    }

    public static String csv(ConnectivityResult r) {
        if (r.tiers()) {
            StringBuilder sb = new StringBuilder("src,dst,conn,certainty,egress,ingress\n");
            for (Connection c : r.connections()) {
                for (Verdict v : c.verdicts()) {
                    sb.append(csv(c.source().text())).append(',').append(csv(c.destination().text())).append(',')
                            .append(csv(v.ports().text())).append(',').append(v.certainty()).append(',')
                            .append(csv(v.egress() == null ? "" : v.egress())).append(',')
                            .append(csv(v.ingress() == null ? "" : v.ingress())).append('\n');
                }
            }
            return sb.toString();
        }
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
                    .append(" [label=").append(q(c.ports().text()
                            + (c.certainPorts().equals(c.ports()) ? "" : " (possibly)"))).append("]\n");
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
