package io.github.netpol.report;

import io.github.netpol.finding.Finding;
import io.github.netpol.finding.FindingCode.Change;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code report.html}: one self-contained page (inline CSS, inline SVG, no script, a policy that forbids any fetch) with
 * the verdict, the findings (each as cause, effect, example and fix) and the accepted changes. Every text is
 * escaped. Given the analysis ({@link HtmlReportData} from the {@code report} goal) it adds the namespace graph
 * ({@link GraphSvg}), the changes against the baseline, widening apart from narrowing, the per-namespace
 * isolation and the connectivity matrix; as a
 * {@link ReportWriter} ({@code netpol.formats=html}) it has only the findings.
 */
public final class HtmlReportWriter implements ReportWriter {

    static final String FILE = "report.html";
    // fits a 1280-px window: the text column is capped, tables take the width they are given and wrap long
    // words, and only the matrix (one column a workload) scrolls inside its own box, never the page
    private static final String STYLE = """
            *{box-sizing:border-box}
            body{font-family:system-ui,sans-serif;margin:1.5rem auto;padding:0 1.5rem;max-width:80rem;color:#1f2328;line-height:1.45}
            h1{border-left:.5rem solid;padding-left:.6rem}
            h1.pass{color:#1a7f37}h1.fail{color:#cf222e}
            table{border-collapse:collapse;margin:1rem 0;max-width:100%}
            th,td{border:1px solid #d0d7de;padding:.3rem .6rem;text-align:left;vertical-align:top;overflow-wrap:anywhere}
            th{background:#f6f8fa}
            tr.accepted{color:#57606a}
            code,pre{font-family:ui-monospace,monospace}
            .widened{color:#cf222e}.narrowed{color:#0969da}
            article.finding{border:1px solid #d0d7de;border-left:.4rem solid #8c959f;border-radius:6px;margin:1rem 0;padding:.5rem 1rem}
            article.error{border-left-color:#cf222e}article.warning{border-left-color:#9a6700}article.narrowing{border-left-color:#0969da}
            article.finding header{display:flex;flex-wrap:wrap;gap:.4rem 1rem;color:#57606a;overflow-wrap:anywhere}
            article.finding header .severity{font-weight:bold;text-transform:uppercase}
            article.error header .severity{color:#cf222e}article.warning header .severity{color:#9a6700}
            article.finding dl{display:grid;grid-template-columns:6rem minmax(0,1fr);gap:.3rem 1rem;margin:.5rem 0}
            article.finding dt{font-weight:bold;color:#57606a}
            article.finding dd{margin:0;overflow-wrap:anywhere}
            article.finding pre{background:#f6f8fa;border:1px solid #d0d7de;border-radius:6px;padding:.5rem .8rem;margin:.4rem 0 0;overflow-x:auto}
            .scroll{max-width:100%;overflow-x:auto}
            #graph svg{display:block;max-width:100%;height:auto;margin:.5rem auto}
            #matrix td{font-family:ui-monospace,monospace;font-size:.85rem;white-space:nowrap;overflow-wrap:normal}
            #matrix td.allowed{background:#dafbe1}
            #matrix td.denied{color:#8c959f}
            #matrix td.possibly{background:#fff8c5}
            #matrix td.na{background:#eaeef2;color:#8c959f;text-align:center}
            #matrix td.widened{background:#ffebe9;outline:2px solid #cf222e;font-weight:bold}
            #matrix td.narrowed{background:#ddf4ff;outline:2px dashed #0969da}
            #matrix th.group{text-align:center;background:#eaeef2}
            .was{display:block;font-weight:normal;font-size:.75rem;color:#57606a}
            .by{display:block;font-weight:normal;font-size:.7rem;color:#57606a}
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
                // no emoji before the verdict: fonts without it draw an empty box; the colour and bar say it
                .append("<h1 id=\"verdict\" class=\"").append(verdict).append("\">")
                .append(HtmlText.escape(VerdictText.headline(input))).append("</h1>\n");
        if (input.summary() != null && !input.summary().isBlank()) {
            html.append("<p id=\"summary\">").append(HtmlText.escape(input.summary())).append("</p>\n");
        }
        if (!input.baseline().isEmpty()) {
            html.append("<p id=\"baseline\">").append(HtmlText.escape(VerdictText.baseline(input.baseline()))).append("</p>\n");
        }
        if (data.matrix() != null) {
            GraphSvg.append(html, NamespaceGraph.of(data.matrix(), data.isolation()));
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
            html.append("<div class=\"scroll\">\n");
            MatrixHtml.append(html, data.matrix());
            html.append("</div>\n");
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
        html.append("<section id=\"").append(id).append("\">\n<h2>").append(title).append("</h2>\n");
        for (Finding f : open) {
            Change category = category(f);
            String change = category == Change.NARROWING ? " narrowing"
                    : category == Change.WIDENING || category == Change.ISOLATION ? " widening" : "";
            html.append("<article class=\"finding ").append(f.severity().label()).append(change).append("\">\n<header>")
                    .append("<span class=\"severity\">").append(f.severity().label()).append("</span>")
                    .append("<code class=\"id\">").append(HtmlText.escape(f.id())).append("</code>");
            if (f.namespace() != null) {
                html.append("<span class=\"namespace\">namespace ").append(HtmlText.escape(f.namespace())).append("</span>");
            }
            String where = RepositoryPath.where(f, repositoryPrefix);
            if (!where.isEmpty()) {
                html.append("<code class=\"where\">").append(HtmlText.escape(where)).append("</code>");
            }
            html.append("</header>\n<dl>\n");
            Finding.Parts parts = f.parts();
            if (parts != null) {
                part(html, "cause", "Cause", parts.cause());
                part(html, "effect", "Effect", parts.effect());
            } else {
                part(html, "cause", "Cause", f.message());
                part(html, "effect", "Effect", f.code().title() + ".");
            }
            String example = parts != null && parts.example() != null ? parts.example()
                    : f.witness() == null ? null : WitnessText.describe(f.witness());
            if (example != null) {
                String effective = f.effective() == null ? "" : f.effective() ? " (effective)" : " (latent)";
                html.append("<dt>Example</dt><dd class=\"example\" title=\"").append(HtmlText.escape(witnessHeading)).append("\">")
                        .append(HtmlText.escape(example + effective)).append("</dd>\n");
            }
            html.append("<dt>Fix</dt><dd class=\"fix\">")
                    .append(HtmlText.escape(parts != null ? parts.advice() : f.code().help()));
            if (f.fix() != null) {
                html.append("<pre>").append(HtmlText.escape(f.fix())).append("</pre>");
            }
            html.append("</dd>\n</dl>\n</article>\n");
        }
        html.append("</section>\n");
    }

    private static void part(StringBuilder html, String css, String name, String text) {
        html.append("<dt>").append(name).append("</dt><dd class=\"").append(css).append("\">")
                .append(HtmlText.escape(text)).append("</dd>\n");
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
