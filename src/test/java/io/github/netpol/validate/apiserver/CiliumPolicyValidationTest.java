package io.github.netpol.validate.apiserver;

import io.github.netpol.finding.Finding;
import io.github.netpol.finding.Severity;
import io.github.netpol.load.SourceFile;
import io.github.netpol.model.KubernetesObjects;
import io.github.netpol.model.ManifestReader;
import io.github.netpol.model.ManifestSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CiliumNetworkPolicy and CiliumClusterwideNetworkPolicy against their CRDs and the Cilium agent's checks: this
 * project's cases, one or more per constraint (the first line names the expected finding and where:
 * {@code # expect: code line:col}), and the examples of Cilium's documentation, of which those the spike found
 * invalid must be refused with the reason it found and every other must pass.
 */
class CiliumPolicyValidationTest {

    private static final KubernetesObjects SCHEMA = new KubernetesObjects();

    /** The documentation examples that are invalid, and the finding each gives. */
    private static final Map<String, String> INVALID_EXAMPLES = Map.of(
            "kubernetes-clusterwide-wildcard-from-endpoints.yaml", "unknown-field",
            "kubernetes-clustermesh-cross-cluster-policy.yaml", "unknown-field",
            "l3-requires-requires.yaml", "invalid-item-count",
            "l3-entities-customnodes.yaml", "cilium-agent-rejects");

    static Stream<Path> invalid() throws IOException, URISyntaxException {
        return files("validate-cilium/invalid");
    }

    static Stream<Path> valid() throws IOException, URISyntaxException {
        return files("validate-cilium/valid");
    }

    static Stream<Path> examples() throws IOException, URISyntaxException {
        return files("validate-cilium/examples");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void invalidInputGivesItsErrorAtItsPosition(Path file) throws IOException {
        ExpectedFindings.assertExpected(file, "", Files.readAllLines(file, StandardCharsets.UTF_8), findings(file));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void validInputGivesNoError(Path file) throws IOException {
        assertThat(findings(file)).filteredOn(f -> f.severity() == Severity.ERROR).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void theDocumentationExamplesAreValidExceptTheKnownInvalidOnes(Path file) throws IOException {
        List<Finding> errors = findings(file).stream().filter(f -> f.severity() == Severity.ERROR).toList();
        String expected = INVALID_EXAMPLES.get(file.getFileName().toString());
        if (expected == null) {
            assertThat(errors).isEmpty();
        } else {
            assertThat(errors).extracting(Finding::id).contains(expected);
        }
    }

    @Test
    void theAgentsReasonIsQuoted() throws IOException, URISyntaxException {
        Path file = files("validate-cilium/examples").filter(p -> p.toString().contains("customnodes")).findFirst()
                .orElseThrow();
        assertThat(findings(file)).filteredOn(f -> f.id().equals("cilium-agent-rejects")).first()
                .satisfies(f -> assertThat(f.message()).contains("enforce none of it",
                        "\"enable-node-selector-labels\" flag is set"));
    }

    private static List<Finding> findings(Path file) throws IOException {
        ManifestSet set = new ManifestReader(SCHEMA).read(List.of(new SourceFile(file.getFileName().toString(),
                Files.readAllBytes(file))), "default");
        List<Finding> out = new java.util.ArrayList<>(set.problems());
        out.addAll(new ApiServerValidator(SCHEMA).validate(set));
        return out;
    }

    private static Stream<Path> files(String dir) throws IOException, URISyntaxException {
        return ExpectedFindings.files(dir);
    }
}
