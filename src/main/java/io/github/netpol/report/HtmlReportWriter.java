package io.github.netpol.report;

import io.github.netpol.finding.Finding;
import io.github.netpol.finding.FindingCode.Change;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * {@code report.html}: one self-contained page (inline CSS, no script, a policy that forbids any fetch) with
 * the verdict, the findings with their witnesses and the accepted changes. Every text is escaped. Given the
 * analysis ({@link HtmlReportData} from the {@code report} goal) it adds the changes against the baseline,
 * widening apart from narrowing, the per-namespace isolation and the connectivity matrix; as a
 * {@link ReportWriter} ({@code netpol.formats=html}) it has only the findings.
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
            tr.widening td:first-child,.widened{color:#cf222e}
            tr.narrowing td:first-child,.narrowed{color:#0969da}
            #matrix td{font-family:ui-monospace,monospace;font-size:.85rem;white-space:nowrap}
            #matrix td.allowed{background:#dafbe1}
            #matrix td.denied{color:#8c959f}
            #matrix td.na{background:#eaeef2;color:#8c959f;text-align:center}
            #matrix td.widened{background:#ffebe9;outline:2px solid #cf222e;font-weight:bold}
            #matrix td.narrowed{background:#ddf4ff;outline:2px dashed #0969da}
            #matrix th.group{text-align:center;background:#eaeef2}
            .was{display:block;font-weight:normal;font-size:.75rem;color:#57606a}
            td.yes{color:#1a7f37}td.partly{color:#9a6700}td.no{color:#cf222e}
            p.legend{color:#57606a;max-width:60rem}
            """;

    @Override
    public String format() {
        return "html";
    }

    @Override
    public Path write(ReportInput input, Path outputDirectory) throws IOException {
        return write(HtmlReportData.findingsOnly(input), outputDirectory);
    }

    public Path write(HtmlReportData data, Path outputDirectory) throws IOException {
        return write(data, outputDirectory, FILE);
    }

    /** The same page under another name: the Maven site links its reports by their own file names. */
    public Path write(HtmlReportData data, Path outputDirectory, String fileName) throws IOException {
        Files.createDirectories(outputDirectory);
        Path file = outputDirectory.resolve(fileName);
        Files.writeString(file, render(data), StandardCharsets.UTF_8);
        return file;
    }

    public String render(ReportInput input) {
        return render(HtmlReportData.findingsOnly(input));
    }

    /** The page; also well-formed XML, so tools (and tests) can read it with an XML parser. */
    public String render(HtmlReportData data) {
        ReportInput input = data.input();
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
        if (data.compared()) {
            changes(html, open, input.repositoryPrefix());
            open = open.stream().filter(f -> category(f) == null).toList();
        }
        if (!open.isEmpty()) {
            findings(html, "findings", "Findings", open, input.repositoryPrefix());
        }
        List<Finding> accepted = input.findings().stream().filter(Finding::accepted).toList();
        if (!accepted.isEmpty()) {
            accepted(html, accepted, input.repositoryPrefix());
        }
        if (data.matrix() != null) {
            IsolationHtml.append(html, data.isolation());
            MatrixHtml.append(html, data.matrix());
        }
        return html.append("</body>\n</html>\n").toString();
    }

    /** The check's findings against the baseline: what widens apart from what narrows. */
    private static void changes(StringBuilder html, List<Finding> open, String repositoryPrefix) {
        List<Finding> widenings = open.stream().filter(f -> category(f) == Change.WIDENING
                || category(f) == Change.ISOLATION).toList();
        List<Finding> narrowings = open.stream().filter(f -> category(f) == Change.NARROWING).toList();
        List<Finding> other = open.stream().filter(f -> category(f) == Change.UNSUPPORTED).toList();
        html.append("<section id=\"changes\">\n<h2>Changes against the baseline</h2>\n<p>")
                .append("<span class=\"widened\">").append(MatrixHtml.WIDENED_MARK).append(' ')
                .append(widenings.size()).append(" widening").append(widenings.size() == 1 ? "" : "s").append("</span>, ")
                .append("<span class=\"narrowed\">").append(MatrixHtml.NARROWED_MARK).append(' ')
                .append(narrowings.size()).append(" narrowing").append(narrowings.size() == 1 ? "" : "s").append("</span>")
                .append(" not accepted.</p>\n");
        if (!widenings.isEmpty()) {
            findings(html, "widenings", "Widened (newly allowed)", widenings, repositoryPrefix);
        }
        if (!narrowings.isEmpty()) {
            findings(html, "narrowings", "Narrowed (no longer allowed)", narrowings, repositoryPrefix, "Connection no longer allowed");
        }
        if (!other.isEmpty()) {
            findings(html, "unsupported", "Not compared", other, repositoryPrefix);
        }
        html.append("</section>\n");
    }

    private static Change category(Finding f) {
        return f.code().change().orElse(null);
    }

    private static void findings(StringBuilder html, String id, String title, List<Finding> open, String repositoryPrefix) {
        findings(html, id, title, open, repositoryPrefix, "Newly allowed connection");
    }

    private static void findings(StringBuilder html, String id, String title, List<Finding> open, String repositoryPrefix,
                                 String witnessHeading) {
        html.append("<h2>").append(title).append("</h2>\n<table id=\"").append(id).append("\">\n<thead><tr><th>Severity</th><th>Kind</th><th>Namespace</th>")
                .append("<th>Finding</th><th>").append(witnessHeading).append("</th><th>Where</th></tr></thead>\n<tbody>\n");
        for (Finding f : open) {
            Change category = category(f);
            String change = category == Change.NARROWING ? " narrowing"
                    : category == Change.WIDENING || category == Change.ISOLATION ? " widening" : "";
            html.append("<tr class=\"").append(f.severity().label()).append(change).append("\">")
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
