package io.github.netpol.report;

import io.github.netpol.finding.Finding;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * {@code report.html}: one self-contained page (inline CSS, no script, a policy that forbids any fetch) with
 * the verdict, the findings with their witnesses and the accepted changes. Every text is escaped. The
 * connectivity matrix and the per-namespace isolation summary are not part of it yet: they need the
 * analysis results, which {@link ReportInput} does not carry.
 */
public final class HtmlReportWriter implements ReportWriter {

    static final String FILE = "report.html";
    private static final String STYLE = """
            body{font-family:system-ui,sans-serif;margin:2rem;color:#1f2328}
            h1.pass{color:#1a7f37}h1.fail{color:#cf222e}
            table{border-collapse:collapse;margin:1rem 0}
            th,td{border:1px solid #d0d7de;padding:.3rem .6rem;text-align:left;vertical-align:top}
            th{background:#f6f8fa}
            tr.error td:first-child{color:#cf222e;font-weight:bold}
            tr.warning td:first-child{color:#9a6700}
            tr.accepted{color:#57606a}
            code{font-family:ui-monospace,monospace}
            """;

    @Override
    public String format() {
        return "html";
    }

    @Override
    public Path write(ReportInput input, Path outputDirectory) throws IOException {
        Files.createDirectories(outputDirectory);
        Path file = outputDirectory.resolve(FILE);
        Files.writeString(file, render(input), StandardCharsets.UTF_8);
        return file;
    }

    /** The page; also well-formed XML, so tools (and tests) can read it with an XML parser. */
    public String render(ReportInput input) {
        String verdict = input.passed() ? "pass" : "fail";
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\"/>\n")
                .append("<title>").append(HtmlText.escape(VerdictText.headline(input))).append("</title>\n")
                .append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n")
                .append("<h1 id=\"verdict\" class=\"").append(verdict).append("\">")
                .append(input.passed() ? "✅ " : "❌ ").append(HtmlText.escape(VerdictText.headline(input))).append("</h1>\n");
        if (input.summary() != null && !input.summary().isBlank()) {
            html.append("<p id=\"summary\">").append(HtmlText.escape(input.summary())).append("</p>\n");
        }
        if (!input.baseline().isEmpty()) {
            html.append("<p id=\"baseline\">Baseline: ").append(HtmlText.escape(new TreeMap<>(input.baseline()).entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")))).append("</p>\n");
        }
        List<Finding> open = VerdictText.open(input);
        if (!open.isEmpty()) {
            findings(html, open, input.repositoryPrefix());
        }
        List<Finding> accepted = input.findings().stream().filter(Finding::accepted).toList();
        if (!accepted.isEmpty()) {
            accepted(html, accepted, input.repositoryPrefix());
        }
        return html.append("</body>\n</html>\n").toString();
    }

    private static void findings(StringBuilder html, List<Finding> open, String repositoryPrefix) {
        html.append("<h2>Findings</h2>\n<table id=\"findings\">\n<thead><tr><th>Severity</th><th>Kind</th><th>Namespace</th>")
                .append("<th>Finding</th><th>Newly allowed connection</th><th>Where</th></tr></thead>\n<tbody>\n");
        for (Finding f : open) {
            html.append("<tr class=\"").append(f.severity().label()).append("\">")
                    .append(cell(f.severity().label()))
                    .append(cell(f.kind()))
                    .append(cell(f.namespace()))
                    .append(cell(f.message()))
                    .append(cell(f.witness() == null ? "" : WitnessText.describe(f.witness())
                            + (f.effective() == null ? "" : f.effective() ? " (effective)" : " (latent)")))
                    .append("<td><code>").append(HtmlText.escape(RepositoryPath.where(f, repositoryPrefix))).append("</code></td>")
                    .append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n");
    }

    private static void accepted(StringBuilder html, List<Finding> accepted, String repositoryPrefix) {
        html.append("<h2>Accepted changes</h2>\n<table id=\"accepted\">\n<thead><tr><th>Id</th><th>Reason</th><th>Where</th></tr></thead>\n<tbody>\n");
        for (Finding f : accepted) {
            html.append("<tr class=\"accepted\">")
                    .append(cell(f.id()))
                    .append(cell(f.acceptedReason()))
                    .append("<td><code>").append(HtmlText.escape(RepositoryPath.where(f, repositoryPrefix))).append("</code></td>")
                    .append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n");
    }

    private static String cell(String text) {
        return "<td>" + HtmlText.escape(text) + "</td>";
    }
}
