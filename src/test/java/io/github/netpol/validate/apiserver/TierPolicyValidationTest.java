package io.github.netpol.validate.apiserver;

import io.github.netpol.finding.Finding;
import io.github.netpol.finding.Severity;
import io.github.netpol.load.SourceFile;
import io.github.netpol.model.ManifestReader;
import io.github.netpol.model.ManifestSet;
import io.github.netpol.model.KubernetesObjects;
import io.github.netpol.model.semantics.TierPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ClusterNetworkPolicy, AdminNetworkPolicy and BaselineAdminNetworkPolicy against their CRDs: the upstream CRD
 * validation test data (v0.2.0; the directory is the verdict) and this project's cases, one or more per schema
 * constraint and CEL rule (the first line names the expected finding and where: {@code # expect: code line:col};
 * {@code # channel: standard|experimental} limits a case to one channel, else it holds under both).
 */
class TierPolicyValidationTest {

    /** One reader of Kubernetes objects for every file, as one run shares it. */
    private static final KubernetesObjects SCHEMA = new KubernetesObjects();
    private static final Pattern CHANNEL = Pattern.compile("# channel: (standard|experimental)");

    static Stream<Path> invalid() throws IOException, URISyntaxException {
        return files("validate-tier/invalid");
    }

    static Stream<Path> valid() throws IOException, URISyntaxException {
        return files("validate-tier/valid");
    }

    static Stream<Path> upstreamInvalid() throws IOException, URISyntaxException {
        return files("validate-tier/upstream/invalid");
    }

    static Stream<Path> upstreamValid() throws IOException, URISyntaxException {
        return files("validate-tier/upstream/valid");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void invalidInputGivesItsErrorAtItsPosition(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (CrdChannel channel : channels(lines)) {
            ExpectedFindings.assertExpected(file, " (" + channel.word() + " channel)", lines, findings(file, channel));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void validInputGivesNoError(Path file) throws IOException {
        for (CrdChannel channel : channels(Files.readAllLines(file, StandardCharsets.UTF_8))) {
            assertThat(findings(file, channel)).as("%s channel", channel.word())
                    .filteredOn(f -> f.severity() == Severity.ERROR).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("upstreamInvalid")
    void upstreamInvalidDataIsRejectedInBothChannels(Path file) throws IOException {
        for (CrdChannel channel : CrdChannel.values()) {
            assertThat(findings(file, channel)).filteredOn(f -> f.severity() == Severity.ERROR).isNotEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("upstreamValid")
    void upstreamValidDataIsAcceptedInBothChannels(Path file) throws IOException {
        for (CrdChannel channel : CrdChannel.values()) {
            assertThat(findings(file, channel)).filteredOn(f -> f.severity() == Severity.ERROR).isEmpty();
        }
    }

    @Test
    void theUpstreamInvalidActionIsReportedBesideTheUnknownSelectorField() throws IOException, URISyntaxException {
        Path file = files("validate-tier/upstream/invalid").filter(p -> p.toString().contains("action")).findFirst()
                .orElseThrow();
        assertThat(findings(file, CrdChannel.STANDARD)).extracting(Finding::id)
                .contains("unsupported-value", "unknown-field");
    }

    @Test
    void aBlockingErrorStopsTheCrdRulesAsTheApiServerDoes() throws IOException, URISyntaxException {
        Path file = files("validate-tier/invalid").filter(p -> p.toString().contains("blocking")).findFirst().orElseThrow();
        List<Finding> findings = findings(file, CrdChannel.STANDARD);
        assertThat(findings).extracting(Finding::id).contains("unsupported-value", "validation-rules-not-checked")
                .doesNotContain("invalid-port-range");
    }

    @Test
    void anExperimentalFieldUnderTheStandardChannelNamesTheParameter() throws IOException, URISyntaxException {
        Path file = files("validate-tier/invalid").filter(p -> p.toString().contains("nodes-in-standard")).findFirst()
                .orElseThrow();
        assertThat(findings(file, CrdChannel.STANDARD)).filteredOn(f -> f.id().equals("unknown-field"))
                .singleElement().satisfies(f -> assertThat(f.message())
                        .contains("spec.egress[0].to[0].nodes", "netpol.networkPolicyApiChannel=experimental"));
        assertThat(findings(file, CrdChannel.EXPERIMENTAL)).filteredOn(f -> f.severity() == Severity.ERROR).isEmpty();
    }

    @Test
    void everyCelRuleOfTheEmbeddedCrdsHasAnImplementation() {
        List<String> rules = new ArrayList<>();
        for (TierPolicy.Kind kind : TierPolicy.Kind.values()) {
            for (CrdChannel channel : CrdChannel.values()) {
                collectRules(CrdSchemas.schema(kind, channel), rules);
            }
        }
        assertThat(rules).hasSize(23).allSatisfy(r -> assertThat(CrdRules.implemented(r)).as(r).isTrue());
        assertThat(rules.stream().distinct().count()).isEqualTo(6);
    }

    @SuppressWarnings("unchecked")
    private static void collectRules(Object schema, List<String> out) {
        if (schema instanceof java.util.Map<?, ?> m) {
            if (m.get("x-kubernetes-validations") instanceof List<?> rules) {
                rules.forEach(r -> out.add((String) ((java.util.Map<String, Object>) r).get("rule")));
            }
            if (m.get("properties") instanceof java.util.Map<?, ?> props) {
                props.values().forEach(v -> collectRules(v, out));
            }
            collectRules(m.get("items"), out);
            collectRules(m.get("additionalProperties"), out);
        }
    }

    private static List<CrdChannel> channels(List<String> lines) {
        for (String line : lines.subList(0, Math.min(2, lines.size()))) {
            Matcher c = CHANNEL.matcher(line);
            if (c.matches()) {
                return List.of(CrdChannel.parse(c.group(1)));
            }
        }
        return List.of(CrdChannel.values());
    }

    static List<Finding> findings(Path file, CrdChannel channel) throws IOException {
        SourceFile source = new SourceFile(file.getFileName().toString(), Files.readAllBytes(file));
        ManifestSet set = new ManifestReader(SCHEMA).read(List.of(source), "default");
        assertThat(set.tierPolicies()).as("%s is read as a tier policy", file.getFileName()).isNotEmpty();
        List<Finding> all = new ArrayList<>(set.problems());
        all.addAll(new ApiServerValidator(SCHEMA, channel).validate(set));
        if (Boolean.getBoolean("netpol.printFindings")) {
            all.forEach(f -> System.out.println(file.getFileName() + " " + channel.word() + " " + f.consoleLine()));
        }
        return all;
    }

    private static Stream<Path> files(String dir) throws IOException, URISyntaxException {
        return ExpectedFindings.files(dir);
    }
}
