package io.github.netpol.report;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The {@link NamespaceGraph} as inline SVG in {@code report.html}: namespaces on an ellipse, an arrow per pair that
 * may connect, drawn red and thick when newly allowed and blue and dashed when no longer allowed; a namespace's
 * box is green when a default deny isolates it both ways, amber for one way and dashed red for neither. Plain
 * elements and presentation attributes only: no script, no external reference, so the page's
 * Content-Security-Policy stays as it is.
 */
final class GraphSvg {

    static final String WIDENED = "#cf222e";
    static final String NARROWED = "#0969da";
    private static final String PLAIN = "#8c959f";
    private static final double BOX_W = 170;
    private static final double BOX_H = 46;
    private static final int MAX_NAME = 22;

    private GraphSvg() {
    }

    static void append(StringBuilder html, NamespaceGraph graph) {
        html.append("<section id=\"graph\">\n<h2>Who may connect, by namespace</h2>\n")
                .append("<p class=\"legend\">An arrow means some declared workload (or external address) may open a")
                .append(" connection to one in the other namespace. <span class=\"widened\">Red, thick: newly allowed</span>;")
                .append(" <span class=\"narrowed\">blue, dashed: no longer allowed</span>. A green box is isolated both ways")
                .append(" by a default deny, amber one way; a dashed red box is not isolated.</p>\n");
        List<NamespaceGraph.Node> nodes = graph.nodes();
        if (nodes.isEmpty()) {
            html.append("<p>No namespace holds a policy or a workload.</p>\n</section>\n");
            return;
        }
        int n = nodes.size();
        double rx = n <= 1 ? 0 : Math.max(260, n * (BOX_W + 40) / (2 * Math.PI));
        double ry = n <= 2 ? 0 : Math.max(130, rx * 0.5);
        double width = 2 * rx + BOX_W + 140;
        double height = 2 * ry + BOX_H + 120;
        double cx = width / 2;
        double cy = height / 2;
        Map<String, double[]> at = new HashMap<>();
        for (int i = 0; i < n; i++) {
            double angle = -Math.PI / 2 + 2 * Math.PI * i / n + (n == 2 ? Math.PI / 2 : 0);
            at.put(nodes.get(i).name(), new double[] {cx + rx * Math.cos(angle), cy + ry * Math.sin(angle)});
        }
        html.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"namespace graph\" viewBox=\"0 0 ")
                .append(num(width)).append(' ').append(num(height)).append("\" width=\"").append(num(width))
                .append("\" height=\"").append(num(height)).append("\">\n<defs>")
                .append(marker("arrow", PLAIN)).append(marker("arrow-widened", WIDENED)).append(marker("arrow-narrowed", NARROWED))
                .append("</defs>\n");
        Set<String> pairs = new HashSet<>();
        graph.edges().forEach(e -> pairs.add(e.from() + "\u0000" + e.to()));
        // plain edges first, so the changed ones are drawn over them
        graph.edges().stream().filter(e -> e.change() == ConnectivityMatrix.Change.NONE)
                .forEach(e -> edge(html, e, at, pairs.contains(e.to() + "\u0000" + e.from())));
        graph.edges().stream().filter(e -> e.change() != ConnectivityMatrix.Change.NONE)
                .forEach(e -> edge(html, e, at, pairs.contains(e.to() + "\u0000" + e.from())));
        for (NamespaceGraph.Node node : nodes) {
            node(html, node, at.get(node.name()));
        }
        html.append("</svg>\n</section>\n");
    }

    private static String marker(String id, String color) {
        return "<marker id=\"" + id + "\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerUnits=\"userSpaceOnUse\" markerWidth=\"11\" markerHeight=\"11\""
                + " orient=\"auto\"><path d=\"M0,0L10,5L0,10z\" fill=\"" + color + "\"/></marker>";
    }

    private static void edge(StringBuilder html, NamespaceGraph.Edge e, Map<String, double[]> at, boolean reverse) {
        String kind = switch (e.change()) {
            case WIDENED, BOTH -> "widened";
            case NARROWED -> "narrowed";
            case NONE -> "plain";
        };
        String color = kind.equals("widened") ? WIDENED : kind.equals("narrowed") ? NARROWED : PLAIN;
        String marker = kind.equals("plain") ? "arrow" : "arrow-" + kind;
        double[] a = at.get(e.from());
        double[] b = at.get(e.to());
        String d;
        if (e.loop()) {
            double x = a[0] + BOX_W / 2 - 44;
            double y = a[1] - BOX_H / 2;
            d = "M" + num(x) + "," + num(y) + " C" + num(x) + "," + num(y - 40) + " " + num(x + 36) + "," + num(y - 40)
                    + " " + num(x + 36) + "," + num(y - 2);
        } else {
            double dx = b[0] - a[0];
            double dy = b[1] - a[1];
            double len = Math.hypot(dx, dy);
            // two arrows between one pair run side by side instead of on top of each other
            double off = reverse ? 6 : 0;
            double ox = -dy / len * off;
            double oy = dx / len * off;
            double t = Math.min(BOX_W / 2 / Math.max(Math.abs(dx), 1e-9), BOX_H / 2 / Math.max(Math.abs(dy), 1e-9)) + 4 / len;
            d = "M" + num(a[0] + dx * t + ox) + "," + num(a[1] + dy * t + oy)
                    + " L" + num(b[0] - dx * t + ox) + "," + num(b[1] - dy * t + oy);
        }
        String what = switch (kind) {
            case "widened" -> "newly allowed";
            case "narrowed" -> "no longer allowed";
            default -> "allowed";
        };
        html.append("<g class=\"edge ").append(kind).append("\" data-from=\"").append(HtmlText.escape(e.from()))
                .append("\" data-to=\"").append(HtmlText.escape(e.to())).append("\"><title>")
                .append(HtmlText.escape(e.from() + " → " + e.to() + ": " + what + " (" + e.pairs() + " pair"
                        + (e.pairs() == 1 ? "" : "s") + " may connect now)"))
                .append("</title><path d=\"").append(d).append("\" fill=\"none\" stroke=\"").append(color)
                .append("\" stroke-width=\"").append(kind.equals("widened") ? "3.5" : "1.5").append('"')
                .append(kind.equals("narrowed") ? " stroke-dasharray=\"6 4\"" : "")
                .append(" marker-end=\"url(#").append(marker).append(")\"/></g>\n");
    }

    private static void node(StringBuilder html, NamespaceGraph.Node node, double[] at) {
        String fill;
        String stroke;
        String dash = "";
        switch (node.isolation()) {
            case BOTH -> { fill = "#dafbe1"; stroke = "#1a7f37"; }
            case INGRESS, EGRESS -> { fill = "#fff8c5"; stroke = "#9a6700"; }
            case NONE -> { fill = "#ffffff"; stroke = WIDENED; dash = " stroke-dasharray=\"5 3\""; }
            default -> { fill = "#eaeef2"; stroke = "#57606a"; }
        }
        String name = node.name().length() > MAX_NAME ? node.name().substring(0, MAX_NAME - 1) + "…" : node.name();
        String css = node.isolation().name().toLowerCase(Locale.ROOT);
        html.append("<g class=\"node ").append(css).append("\" data-name=\"").append(HtmlText.escape(node.name()))
                .append("\"><title>").append(HtmlText.escape(node.name() + ": " + node.isolation().text())).append("</title>")
                .append("<rect x=\"").append(num(at[0] - BOX_W / 2)).append("\" y=\"").append(num(at[1] - BOX_H / 2))
                .append("\" width=\"").append(num(BOX_W)).append("\" height=\"").append(num(BOX_H))
                .append("\" rx=\"8\" fill=\"").append(fill).append("\" stroke=\"").append(stroke)
                .append("\" stroke-width=\"2\"").append(dash).append("/>")
                .append("<text x=\"").append(num(at[0])).append("\" y=\"").append(num(at[1] - 4))
                .append("\" text-anchor=\"middle\" font-size=\"15\" font-weight=\"bold\" fill=\"#1f2328\">")
                .append(HtmlText.escape(name)).append("</text>")
                .append("<text x=\"").append(num(at[0])).append("\" y=\"").append(num(at[1] + 14))
                .append("\" text-anchor=\"middle\" font-size=\"12\" fill=\"").append(stroke).append("\">")
                .append(node.isolation().text()).append("</text></g>\n");
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
