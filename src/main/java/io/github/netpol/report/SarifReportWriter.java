package io.github.netpol.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.netpol.finding.Finding;
import io.github.netpol.finding.FindingCode;
import io.github.netpol.finding.Severity;
import io.github.netpol.finding.SourcePosition;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
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
    // ordered map keys keep the output byte-for-byte stable (labels come in unordered maps)
    private final ObjectMapper json = new ObjectMapper()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(SerializationFeature.INDENT_OUTPUT);

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
        json.writeValue(file.toFile(), log(input));
        return file;
    }

    ObjectNode log(ReportInput input) {
        ObjectNode log = json.createObjectNode();
        log.put("$schema", SCHEMA);
        log.put("version", "2.1.0");
        ObjectNode run = log.putArray("runs").addObject();

        List<FindingCode> codes = input.findings().stream().map(Finding::code).distinct()
                .sorted(Comparator.comparing(FindingCode::id)).toList();
        List<String> sarifRuleIds = codes.stream().map(FindingCode::id).toList();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", TOOL);
        if (toolVersion != null) {
            driver.put("version", toolVersion);
        }
        ArrayNode ruleNodes = driver.putArray("rules");
        codes.forEach(code -> ruleNodes.add(sarifRule(code)));

        // code scanning keeps one analysis per category: validate and check, and the modules of one repository, must
        // not replace each other
        run.putObject("automationDetails").put("id", "netpol/" + input.goal() + "/"
                + (input.module() == null || input.module().isBlank() ? "" : input.module() + "/"));
        ArrayNode results = run.putArray("results");
        for (Finding finding : input.findings()) {
            results.add(result(finding, sarifRuleIds.indexOf(finding.kind()), input.repositoryPrefix()));
        }
        ObjectNode properties = run.putObject("properties");
        properties.put("goal", input.goal());
        properties.put("verdict", input.verdict());
        properties.put("summary", input.summary());
        if (!input.baseline().isEmpty()) {
            properties.set("baseline", json.valueToTree(new TreeMap<>(input.baseline())));
        }
        return log;
    }

    private ObjectNode sarifRule(FindingCode code) {
        ObjectNode rule = json.createObjectNode();
        rule.put("id", code.id());
        rule.putObject("shortDescription").put("text", code.title());
        rule.putObject("fullDescription").put("text", code.description());
        ObjectNode help = rule.putObject("help");
        help.put("text", code.help());
        help.put("markdown", code.help());
        return rule;
    }

    private ObjectNode result(Finding finding, int ruleIndex, String repositoryPrefix) {
        ObjectNode result = json.createObjectNode();
        result.put("ruleId", finding.kind());
        result.put("ruleIndex", ruleIndex);
        result.put("level", level(finding.severity()));
        result.putObject("message").put("text", finding.message());
        SourcePosition at = finding.location();
        if (at != null && at.file() != null && !at.file().isBlank()) {
            ObjectNode physical = result.putArray("locations").addObject().putObject("physicalLocation");
            physical.putObject("artifactLocation").put("uri", uri(RepositoryPath.of(repositoryPrefix, at.file())));
            if (at.line() >= 1) {
                ObjectNode region = physical.putObject("region");
                region.put("startLine", at.line());
                if (at.column() >= 1) {
                    region.put("startColumn", at.column());
                }
            }
        }
        result.putObject("partialFingerprints").put(FINGERPRINT, finding.id());
        ObjectNode properties = result.putObject("properties");
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
            properties.set("witness", json.valueToTree(finding.witness()));
        }
        if (finding.accepted()) {
            ObjectNode suppression = result.putArray("suppressions").addObject();
            suppression.put("kind", "external");
            suppression.put("status", "accepted");
            putIfPresent(suppression, "justification", finding.acceptedReason());
        }
        return result;
    }

    private static void putIfPresent(ObjectNode node, String name, String value) {
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
