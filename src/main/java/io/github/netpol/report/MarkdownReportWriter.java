package io.github.netpol.report;

import io.github.netpol.finding.Finding;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The pull-request summary ({@code <goal>.md}): the verdict in the first line, then the findings, the witness
 * of each widening, the accepted changes and what to do next. When {@code GITHUB_STEP_SUMMARY} names a file,
 * the same text is appended to it.
 */
public final class MarkdownReportWriter implements ReportWriter {

    static final String STEP_SUMMARY = "GITHUB_STEP_SUMMARY";
    private static final Pattern PLAIN_YAML = Pattern.compile("[A-Za-z0-9_./@-]+");

    private final Function<String, String> environment;

    public MarkdownReportWriter() {
        this(System::getenv);
    }

    /** @param environment looks up environment variables ({@code System::getenv} outside tests) */
    public MarkdownReportWriter(Function<String, String> environment) {
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    @Override
    public String format() {
        return "markdown";
    }

    @Override
    public Path write(ReportInput input, Path outputDirectory) throws IOException {
        String text = render(input);
        Files.createDirectories(outputDirectory);
        Path file = outputDirectory.resolve(input.goal() + ".md");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        String summary = environment.apply(STEP_SUMMARY);
        if (summary != null && !summary.isBlank()) {
            appendTo(Path.of(summary), text);
        }
        return file;
    }

    private static void appendTo(Path summary, String text) throws IOException {
        // several goals append to the same summary: keep their sections apart
        boolean separate = Files.exists(summary) && Files.size(summary) > 0;
        Files.writeString(summary, separate ? "\n" + text : text, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
    }

    /** The whole Markdown text. */
    public String render(ReportInput input) {
        List<Finding> open = VerdictText.open(input);
        List<Finding> accepted = input.findings().stream().filter(Finding::accepted).toList();
        List<Finding> blocking = VerdictText.blocking(input);

        StringBuilder md = new StringBuilder();
        md.append("## ").append(input.passed() ? "✅ " : "❌ ")
                .append(MarkdownText.escape(VerdictText.headline(input))).append("\n\n");
        if (input.summary() != null && !input.summary().isBlank()) {
            md.append(MarkdownText.escape(input.summary())).append("\n\n");
        }
        if (!input.baseline().isEmpty()) {
            md.append(MarkdownText.escape(VerdictText.baseline(input.baseline()))).append("\n\n");
        }
        if (!open.isEmpty()) {
            findings(md, open, input.repositoryPrefix());
            witnesses(md, open);
        }
        if (!accepted.isEmpty()) {
            accepted(md, accepted, input.repositoryPrefix());
        }
        if (!input.passed() || !blocking.isEmpty()) {
            nextSteps(md, input, blocking);
        }
        return md.toString().stripTrailing() + "\n";
    }

    private static void findings(StringBuilder md, List<Finding> open, String repositoryPrefix) {
        md.append("### Findings\n\n")
                .append("| Severity | Kind | Namespace | Finding | Where |\n")
                .append("| --- | --- | --- | --- | --- |\n");
        for (Finding f : open) {
            md.append("| ").append(f.severity().label())
                    .append(" | ").append(MarkdownText.escape(f.kind()))
                    .append(" | ").append(MarkdownText.escape(f.namespace() == null ? "" : f.namespace()))
                    .append(" | ").append(MarkdownText.escape(f.message()))
                    .append(" | ").append(MarkdownText.escape(RepositoryPath.where(f, repositoryPrefix)))
                    .append(" |\n");
        }
        md.append('\n');
    }

    private static void witnesses(StringBuilder md, List<Finding> open) {
        List<Finding> withWitness = open.stream().filter(f -> f.witness() != null).toList();
        if (withWitness.isEmpty()) {
            return;
        }
        md.append("### Newly allowed connections\n\n");
        for (Finding f : withWitness) {
            md.append("- ").append(MarkdownText.escape(f.id()));
            if (f.effective() != null) {
                md.append(f.effective() ? " (effective: the whole connection is allowed now)"
                        : " (latent: the other side still blocks it)");
            }
            md.append(": ").append(MarkdownText.escape(WitnessText.describe(f.witness()))).append('\n');
        }
        md.append('\n');
    }

    private static void accepted(StringBuilder md, List<Finding> accepted, String repositoryPrefix) {
        md.append("### Accepted changes\n\n")
                .append("| Id | Reason | Where |\n")
                .append("| --- | --- | --- |\n");
        for (Finding f : accepted) {
            md.append("| ").append(MarkdownText.escape(f.id()))
                    .append(" | ").append(MarkdownText.escape(f.acceptedReason() == null ? "" : f.acceptedReason()))
                    .append(" | ").append(MarkdownText.escape(RepositoryPath.where(f, repositoryPrefix)))
                    .append(" |\n");
        }
        md.append('\n');
    }

    private static void nextSteps(StringBuilder md, ReportInput input, List<Finding> blocking) {
        md.append("### What to do next\n\n");
        if (blocking.isEmpty()) {
            md.append("See the build log for why the goal failed.\n");
            return;
        }
        if (!"check".equals(input.goal())) {
            md.append("Fix each error at the place shown and run the build again.\n");
            return;
        }
        md.append("If a change is not intended, change the policies back so they allow no more than the baseline.\n")
                .append("If it is intended, accept it with a reason in the accepted changes file ")
                .append("(`netpol.accepted`, by default `netpol-accepted.yaml`):\n\n")
                .append("```yaml\naccepted:\n");
        for (Finding f : blocking) {
            md.append("  - id: ").append(yamlScalar(f.id())).append('\n')
                    .append("    reason: \"why this change is intended\"\n");
        }
        md.append("```\n");
    }

    /** Plain when it is safe, otherwise a double-quoted YAML string; never more than one line. */
    static String yamlScalar(String value) {
        if (PLAIN_YAML.matcher(value).matches()) {
            return value;
        }
        StringBuilder quoted = new StringBuilder("\"");
        value.codePoints().forEach(c -> {
            if (c == '"' || c == '\\') {
                quoted.append('\\').appendCodePoint(c);
            } else if (c < 0x20 || c == 0x7f) {
                quoted.append(String.format("\\x%02x", c));
            } else {
                quoted.appendCodePoint(c);
            }
        });
        return quoted.append('"').toString();
    }
}
