package io.github.netpol.report;

import io.github.netpol.finding.Finding;
import io.github.netpol.finding.FindingCode;
import io.github.netpol.finding.Severity;
import io.github.netpol.finding.SourcePosition;
import io.github.netpol.model.JsonText;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * SARIF 2.1.0 ({@code <goal>.sarif}) for code scanning: one run, the rules of every code that occurs (described
 * from the catalogue of {@link FindingCode}), one result a finding located relative to the repository root.
 */
public final class SarifReportWriter implements ReportWriter {

    static final String FINGERPRINT = "netpolFindingId/v1";
    private static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    private static final String TOOL = "netpol-maven-plugin";

    private final String toolVersion;

    public SarifReportWriter() {
        this(null);
    }

    /** @param toolVersion the plugin version written as the driver's version, or {@code null} to leave it out */
    public SarifReportWriter(String toolVersion) {
        this.toolVersion = toolVersion;
    }

    @Override
    public String format() {
        return "sarif";
    }

    @Override
    public Path write(ReportInput input, Path outputDirectory) throws IOException {
        Files.createDirectories(outputDirectory);
        Path file = outputDirectory.resolve(input.goal() + ".sarif");
        JsonText.write(file, log(input));
        return file;
    }

    Map<String, Object> log(ReportInput input) {
        Map<String, Object> log = object();
        log.put("$schema", SCHEMA);
        log.put("version", "2.1.0");
        Map<String, Object> run = object();
        log.put("runs", List.of(run));

        List<FindingCode> codes = input.findings().stream().map(Finding::code).distinct()
                .sorted(Comparator.comparing(FindingCode::id)).toList();
        List<String> sarifRuleIds = codes.stream().map(FindingCode::id).toList();
        Map<String, Object> driver = object();
        run.put("tool", Map.of("driver", driver));
        driver.put("name", TOOL);
        if (toolVersion != null) {
            driver.put("version", toolVersion);
        }
        driver.put("rules", codes.stream().map(SarifReportWriter::sarifRule).toList());

        // code scanning keeps one analysis per category: validate and check, and the modules of one repository, must
        // not replace each other
        run.put("automationDetails", Map.of("id", "netpol/" + input.goal() + "/"
                + (input.module() == null || input.module().isBlank() ? "" : input.module() + "/")));
        List<Object> results = new ArrayList<>();
        for (Finding finding : input.findings()) {
            results.add(result(finding, sarifRuleIds.indexOf(finding.kind()), input.repositoryPrefix()));
        }
        run.put("results", results);
        Map<String, Object> properties = object();
        properties.put("goal", input.goal());
        properties.put("verdict", input.verdict());
        properties.put("summary", input.summary());
        if (!input.baseline().isEmpty()) {
            properties.put("baseline", new TreeMap<>(input.baseline()));
        }
        run.put("properties", properties);
        return log;
    }

    private static Map<String, Object> sarifRule(FindingCode code) {
        Map<String, Object> rule = object();
        rule.put("id", code.id());
        rule.put("shortDescription", Map.of("text", code.title()));
        rule.put("fullDescription", Map.of("text", code.description()));
        Map<String, Object> help = object();
        help.put("text", code.help());
        help.put("markdown", code.help());
        rule.put("help", help);
        return rule;
    }

    private static Map<String, Object> result(Finding finding, int ruleIndex, String repositoryPrefix) {
        Map<String, Object> result = object();
        result.put("ruleId", finding.kind());
        result.put("ruleIndex", ruleIndex);
        result.put("level", level(finding.severity()));
        result.put("message", Map.of("text", finding.message()));
        SourcePosition at = finding.location();
        if (at != null && at.file() != null && !at.file().isBlank()) {
            Map<String, Object> physical = object();
            physical.put("artifactLocation", Map.of("uri", uri(RepositoryPath.of(repositoryPrefix, at.file()))));
            if (at.line() >= 1) {
                Map<String, Object> region = object();
                region.put("startLine", at.line());
                if (at.column() >= 1) {
                    region.put("startColumn", at.column());
                }
                physical.put("region", region);
            }
            result.put("locations", List.of(Map.of("physicalLocation", physical)));
        }
        result.put("partialFingerprints", Map.of(FINGERPRINT, finding.id()));
        Map<String, Object> properties = object();
        properties.put("id", finding.id());
        putIfPresent(properties, "environment", finding.environment());
        putIfPresent(properties, "namespace", finding.namespace());
        if (finding.direction() != null) {
            properties.put("direction", finding.direction().label());
        }
        if (finding.effective() != null) {
            properties.put("effective", finding.effective());
        }
        if (finding.witness() != null) {
            properties.put("witness", JsonReportWriter.witness(finding.witness(), true));
        }
        result.put("properties", properties);
        if (finding.accepted()) {
            Map<String, Object> suppression = object();
            suppression.put("kind", "external");
            suppression.put("status", "accepted");
            putIfPresent(suppression, "justification", finding.acceptedReason());
            result.put("suppressions", List.of(suppression));
        }
        return result;
    }

    /** A JSON object whose members keep the order they are put in: the file is the same bytes on every run. */
    private static Map<String, Object> object() {
        return new LinkedHashMap<>();
    }

    private static void putIfPresent(Map<String, Object> node, String name, String value) {
        if (value != null) {
            node.put(name, value);
        }
    }

    static String level(Severity severity) {
        return switch (severity) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
        };
    }

    /** A relative URI reference: spaces and non-ASCII percent-encoded, never mistaken for a scheme. */
    static String uri(String path) {
        String safe = path.indexOf(':') >= 0 && (path.indexOf('/') < 0 || path.indexOf(':') < path.indexOf('/'))
                ? "./" + path : path;
        try {
            return new URI(null, null, safe, null).toASCIIString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a usable path: " + path, e);
        }
    }

}
