package io.github.netpol.report;

import io.github.netpol.analysis.connectivity.PortSet;
import io.github.netpol.analysis.connectivity.Verdict;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The connectivity matrix section of {@code report.html}. */
final class MatrixHtml {

    static final String WIDENED_MARK = "▲";
    static final String NARROWED_MARK = "▼";
    private static final String EXTERNAL = "external addresses";

    private MatrixHtml() {
    }

    static void append(StringBuilder html, ConnectivityMatrix matrix) {
        html.append("<section id=\"connectivity\">\n<h2>Connectivity of the declared workloads</h2>\n")
                .append("<p class=\"legend\">A row is a source, a column a destination; a cell lists the ports the source's")
                .append(" egress and the destination's ingress both allow.");
        if (matrix.compared()) {
            html.append(" <span class=\"widened\">").append(WIDENED_MARK).append(" newly allowed</span> (")
                    .append(matrix.count(ConnectivityMatrix.Change.WIDENED)).append(")")
                    .append(" <span class=\"narrowed\">").append(NARROWED_MARK).append(" no longer allowed</span> (")
                    .append(matrix.count(ConnectivityMatrix.Change.NARROWED)).append(")");
        }
        html.append("</p>\n");
        if (matrix.rows().isEmpty()) {
            html.append("<p id=\"no-workloads\">No workloads are declared in the sources.</p>\n</section>\n");
            return;
        }
        html.append("<table id=\"matrix\">\n<thead>\n<tr><th colspan=\"2\" rowspan=\"2\">from \\ to</th>");
        for (Group g : groups(matrix.columns())) {
            html.append("<th class=\"group\" colspan=\"").append(g.size()).append("\">").append(HtmlText.escape(g.name())).append("</th>");
        }
        html.append("</tr>\n<tr>");
        matrix.columns().forEach(c -> html.append("<th>").append(HtmlText.escape(c.label())).append("</th>"));
        html.append("</tr>\n</thead>\n<tbody>\n");
        List<ConnectivityMatrix.Axis> sources = matrix.rows().stream().map(ConnectivityMatrix.Row::source).toList();
        List<Group> groups = groups(sources);
        int row = 0;
        for (Group g : groups) {
            for (int i = 0; i < g.size(); i++, row++) {
                ConnectivityMatrix.Row r = matrix.rows().get(row);
                html.append("<tr class=\"").append(r.source().external() ? "external" : "workload").append("\">");
                if (i == 0) {
                    html.append("<th class=\"group\" rowspan=\"").append(g.size()).append("\">")
                            .append(HtmlText.escape(g.name())).append("</th>");
                }
                html.append("<th scope=\"row\">").append(HtmlText.escape(r.source().label())).append("</th>");
                r.cells().forEach(c -> cell(html, c));
                html.append("</tr>\n");
            }
        }
        html.append("</tbody>\n</table>\n</section>\n");
    }

    private static void cell(StringBuilder html, ConnectivityMatrix.Cell cell) {
        if (!cell.applicable()) {
            html.append("<td class=\"na\">—</td>");
            return;
        }
        ConnectivityMatrix.Change change = cell.change();
        List<String> classes = new ArrayList<>(List.of(cell.current().isEmpty() ? "denied" : "allowed"));
        if (cell.verdicts().stream().anyMatch(v -> !v.certain())) {
            classes.add("possibly");
        }
        StringBuilder marks = new StringBuilder();
        if (change.includes(ConnectivityMatrix.Change.WIDENED)) {
            classes.add("widened");
            marks.append(WIDENED_MARK).append(' ');
        }
        if (change.includes(ConnectivityMatrix.Change.NARROWED)) {
            classes.add("narrowed");
            marks.append(NARROWED_MARK).append(' ');
        }
        // a denied cell stays blank unless it changed, so the allowed ones stand out
        String text = cell.current().isEmpty() && change == ConnectivityMatrix.Change.NONE ? "" : ports(cell.current());
        html.append("<td class=\"").append(String.join(" ", classes)).append("\">").append(marks)
                .append(HtmlText.escape(text));
        if (change != ConnectivityMatrix.Change.NONE) {
            html.append("<span class=\"was\">was: ").append(HtmlText.escape(ports(cell.baseline()))).append("</span>");
        }
        // with tier policies: what decided each group of ports, and whether every choice left open allows them
        for (Verdict v : cell.verdicts()) {
            html.append("<span class=\"by\">").append(HtmlText.escape(ports(v.ports()) + " " + v.certainty() + ": "
                    + v.decidedBy())).append("</span>");
        }
        html.append("</td>");
    }

    private static String ports(PortSet ports) {
        return ports.isEmpty() ? "none" : ports.isAll() ? "all ports" : ports.text().replace(",", ", ");
    }

    /** Runs of axes with the same namespace (external ranges form the last group). */
    private static List<Group> groups(List<ConnectivityMatrix.Axis> axes) {
        List<Group> out = new ArrayList<>();
        for (ConnectivityMatrix.Axis a : axes) {
            String name = a.external() ? EXTERNAL : a.group();
            if (!out.isEmpty() && Objects.equals(out.get(out.size() - 1).name(), name)) {
                Group last = out.remove(out.size() - 1);
                out.add(new Group(name, last.size() + 1));
            } else {
                out.add(new Group(name, 1));
            }
        }
        return out;
    }

    private record Group(String name, int size) {
    }
}
