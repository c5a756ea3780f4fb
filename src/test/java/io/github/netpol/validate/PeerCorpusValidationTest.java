package io.github.netpol.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.netpol.analysis.oracle.PeerCorpus;
import io.github.netpol.finding.Finding;
import io.github.netpol.finding.Severity;
import io.github.netpol.validate.lint.IsolationDirections;
import io.github.netpol.validate.lint.LintSettings;
import io.github.netpol.validate.lint.engine.LintEngine;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs the real {@code validate} pipeline ({@link ValidationRun}: SourceCollector, ManifestReader,
 * ApiServerValidator, LintEngine) over every core-only input directory of the peer corpus
 * (np-guard/netpol-analyzer, {@code shared/oracle/netpol-analyzer/tests}) and writes every finding, per
 * directory, to the test output and {@code target/netpol-corpus-lint.txt} for review.
 * <ul>
 *   <li>Nothing crashes.</li>
 *   <li>A directory that is not a bad input gets no ERROR finding unless {@link #ALLOWED_ERRORS} says why the
 *       real API server would reject it too.</li>
 *   <li>Every bad-input directory ({@link #BAD_INPUTS}) gets at least one ERROR, unless
 *       {@link #BAD_BUT_NOT_FOR_THE_API_SERVER} says why its badness is not an API-server matter.</li>
 * </ul>
 * Lint runs with its defaults except {@code requireIsolation}, which is off: required isolation is a team
 * policy that the plugin enforces by default, not something the API server rejects, and the corpus does not
 * adopt it. Both lists must stay exact: an entry that no longer applies fails the test.
 */
class PeerCorpusValidationTest {

    private static final LintSettings SETTINGS = LintSettings.defaults()
            .withRequireIsolation(List.of("none"), IsolationDirections.INGRESS);

    /**
     * The core-only directories that are bad inputs: every core-only directory that DIRS.json marks
     * {@code likely_negative_test} (a name heuristic: bad, malformed, error, illegal, missing, dirty, …).
     * Listed here, not computed, so a change in DIRS.json shows up as a failure to look at.
     */
    static final List<String> BAD_INPUTS = List.of(
            "bad_netpols",                       // invalid CIDRs, ports, protocols, selectors ...
            "bad_path_namespace_with_same_name", // Namespace blue declared twice, differently
            "bad_yamls",                         // not Kubernetes objects, broken YAML
            "dirty",                             // unrendered Helm templates
            "document_with_syntax_error",        // unrendered Helm template
            // the peer rejects the selector; the API server rejects the name (underscores), as in its good siblings
            "example_pods_w_same_owner_and_labels_gap_with_bad_match_expression",
            "malformed-pod-example-2",           // containers[].ports is a map
            "malformed-pod-example-3",           // a PodList without kind/apiVersion
            "malformed-pod-example-4",           // a list without kind/apiVersion
            "malformed-pod-example-5",           // '@' in YAML, an object without kind/apiVersion
            "malformed_pod_example",             // containerPort is a list
            "missing_workload_resources",        // see BAD_BUT_NOT_FOR_THE_API_SERVER
            "no_netpols_dir",                    // see BAD_BUT_NOT_FOR_THE_API_SERVER
            "np_bad_path_test_1",                // the same NetworkPolicy name twice, differently
            "np_bad_path_test_2",                // endPort with a named port
            "np_test_with_empty_port_range",     // endPort < port
            "onlineboutique_with_pods_severe_error", // unrendered Helm template
            "semanticDiff-same-topologies-illegal-podlist"); // see BAD_BUT_NOT_FOR_THE_API_SERVER

    /** Bad-input directory → why it is bad only for the peer analyzer, not for the API server. */
    static final Map<String, String> BAD_BUT_NOT_FOR_THE_API_SERVER = Map.ofEntries(
            Map.entry("missing_workload_resources", "only NetworkPolicies, each valid: the peer needs workloads to "
                    + "list connections, the API server does not"),
            Map.entry("no_netpols_dir", "one valid Pod and no NetworkPolicy: the peer needs policies, the API server does not"),
            Map.entry("semanticDiff-same-topologies-illegal-podlist", "pods of one DaemonSet with different app labels "
                    + "and two pods sharing a podIP: the peer groups pods by owner; the API server validates each pod "
                    + "on its own, and pod status is not ours to check"));

    /** "directory: rule id @ file" → why the real API server rejects it too. */
    static final Map<String, String> ALLOWED_ERRORS = Stream.of(
            status("exposure_test_minimal_netpol_analysis", 19, 49, 62),
            status("exposure_test_to_any_namespace_with_podSelector", 22, 45, 58),
            status("netpol-analysis-example-minimal", 21, 51, 64),
            status("netpol-diff-example-minimal", 21, 51, 64),
            underscoreName("example_pods_w_same_owner_and_labels_gap_with_good_match_expression"),
            underscoreName("example_pods_w_same_owner_and_labels_gap_with_good_match_expression2"),
            underscoreName("example_pods_w_same_owner_and_labels_gap_with_policy_selector_not_in_gap"),
            Map.of("onlineboutique: not-an-object @ connlist_output.json:1", "the peer's expected output (a JSON "
                    + "array of connections) sits in the input dir; kubectl apply -f on the dir fails on it too"),
            Map.of("workload_resources: unknown-api-version @ cronJob.yaml:1", "batch/v1beta1 CronJob is no "
                    + "longer served since Kubernetes 1.25; the API server answers 'no matches for kind'"))
            .flatMap(m -> m.entrySet().stream())
            .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));

    /**
     * {@code status: {}} on a NetworkPolicy (written by {@code kubectl get -o yaml} on 1.24-1.26): the alpha
     * status field was withdrawn in 1.27 (kubernetes#115843), so strict field validation, kubectl's default,
     * rejects it as an unknown field.
     */
    private static Map<String, String> status(String dir, int... lines) {
        return Arrays.stream(lines).boxed().collect(Collectors.toMap(
                line -> dir + ": unknown-field @ netpols.yaml:" + line,
                line -> "NetworkPolicy status was withdrawn in Kubernetes 1.27; strict field validation rejects it"));
    }

    /** NetworkPolicy names are DNS-1123 subdomains; the API server rejects {@code use_common_labels_same_values}. */
    private static Map<String, String> underscoreName(String dir) {
        return Map.of(dir + ": invalid-name @ netpol.yaml:4", "a NetworkPolicy name with underscores is not a "
                + "DNS-1123 subdomain; the API server rejects it");
    }

    @Test
    void coreOnlyDirectoriesGetOnlyTheErrorsTheApiServerWouldGive() throws IOException {
        Optional<Path> corpus = PeerCorpus.locate("DIRS.json");
        assumeTrue(corpus.isPresent(), "peer corpus shared/oracle/netpol-analyzer not found above "
                + Path.of("").toAbsolutePath() + " (or -Dnetpol.oracle=<dir>); skipping");
        Path root = corpus.get();
        JsonNode dirs = new ObjectMapper().readTree(root.resolve("DIRS.json").toFile());
        List<String> report = new ArrayList<>();
        Map<String, Integer> byRule = new TreeMap<>();
        TreeSet<String> coreOnly = new TreeSet<>();
        TreeSet<String> negative = new TreeSet<>();
        List<String> falseErrors = new ArrayList<>();
        TreeSet<String> allowedSeen = new TreeSet<>();
        TreeSet<String> badWithoutError = new TreeSet<>();
        for (var it = dirs.fields(); it.hasNext(); ) {
            var entry = it.next();
            String name = entry.getKey();
            JsonNode info = entry.getValue();
            if (!info.path("core_only").asBoolean()) {
                continue;
            }
            coreOnly.add(name);
            if (info.path("likely_negative_test").asBoolean()) {
                negative.add(name);
            }
            Path dir = root.resolve(info.path("path").asText("tests/" + name));
            ValidationRun run = ValidationRun.of(dir, List.of(Path.of(".")), "default", SETTINGS);
            List<Finding> errors = run.findings().stream().filter(f -> f.severity() == Severity.ERROR).toList();
            report.add("== " + name + ": " + run.sources().files().size() + " files, " + errors.size() + " errors, "
                    + (run.findings().size() - errors.size()) + " warnings/infos"
                    + (BAD_INPUTS.contains(name) ? " (bad input)" : ""));
            for (Finding f : run.findings()) {
                byRule.merge(f.id(), 1, Integer::sum);
                report.add("  " + f.consoleLine().replace("\n", "\n    "));
            }
            if (BAD_INPUTS.contains(name)) {
                if (errors.isEmpty()) {
                    badWithoutError.add(name);
                }
                continue;
            }
            for (Finding f : errors) {
                String key = name + ": " + f.id() + " @ "
                        + (f.location() == null ? "-" : f.location().file() + ":" + f.location().line());
                if (ALLOWED_ERRORS.containsKey(key)) {
                    allowedSeen.add(key);
                } else {
                    falseErrors.add(key + " -- " + f.consoleLine());
                }
            }
        }
        report.add("findings over " + coreOnly.size() + " core-only directories, by rule: " + byRule);
        String text = String.join("\n", report) + "\n";
        System.out.print(text);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/netpol-corpus-lint.txt"), text, StandardCharsets.UTF_8);

        assertThat(coreOnly).hasSizeGreaterThan(100);
        assertThat(negative).as("DIRS.json likely_negative_test among core-only dirs").containsExactlyInAnyOrderElementsOf(BAD_INPUTS);
        assertThat(falseErrors).as("errors the API server would not give").isEmpty();
        assertThat(allowedSeen).as("allow-list entries still needed").containsExactlyInAnyOrderElementsOf(ALLOWED_ERRORS.keySet());
        assertThat(badWithoutError).as("bad inputs without an error")
                .containsExactlyInAnyOrderElementsOf(BAD_BUT_NOT_FOR_THE_API_SERVER.keySet());
    }

}
