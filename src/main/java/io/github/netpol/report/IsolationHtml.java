package io.github.netpol.report;

import java.util.List;

/** The per-namespace isolation section of {@code report.html}. */
final class IsolationHtml {

    private IsolationHtml() {
    }

    static void append(StringBuilder html, List<NamespaceIsolation> namespaces) {
        html.append("<section id=\"isolation-summary\">\n<h2>Isolation by namespace</h2>\n")
                .append("<p class=\"legend\">A workload is isolated for a direction when some policy of that type selects")
                .append(" it; then only what a policy allows gets through. Default deny: a policy with")
                .append(" <code>podSelector: {}</code> isolates every pod of the namespace, declared or not.</p>\n");
        if (namespaces.isEmpty()) {
            html.append("<p>No namespace holds a policy or a workload.</p>\n</section>\n");
            return;
        }
        html.append("<table id=\"isolation\">\n<thead><tr><th>Namespace</th><th>Policies</th>")
                .append("<th>Ingress isolated</th><th>Egress isolated</th>")
                .append("<th>Default deny ingress</th><th>Default deny egress</th></tr></thead>\n<tbody>\n");
        for (NamespaceIsolation ns : namespaces) {
            html.append("<tr><th scope=\"row\">").append(HtmlText.escape(ns.namespace())).append("</th>")
                    .append("<td>").append(ns.policies()).append("</td>")
                    .append(isolated(ns.ingressIsolated(), ns.workloads()))
                    .append(isolated(ns.egressIsolated(), ns.workloads()))
                    .append(defaults(ns.ingressDefaults()))
                    .append(defaults(ns.egressDefaults()))
                    .append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n</section>\n");
    }

    private static String isolated(int isolated, int workloads) {
        if (workloads == 0) {
            return "<td class=\"na\">no workloads</td>";
        }
        String level = isolated == workloads ? "yes" : isolated == 0 ? "no" : "partly";
        return "<td class=\"" + level + "\">" + level + " (" + isolated + " of " + workloads + " workload"
                + (workloads == 1 ? "" : "s") + ")</td>";
    }

    private static String defaults(List<String> policies) {
        return policies.isEmpty() ? "<td class=\"no\">no</td>"
                : "<td class=\"yes\">yes: " + HtmlText.escape(String.join(", ", policies)) + "</td>";
    }
}
