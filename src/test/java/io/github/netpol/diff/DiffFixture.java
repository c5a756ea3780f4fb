package io.github.netpol.diff;

import io.github.netpol.analysis.AnalysisOptions;
import io.github.netpol.analysis.oracle.Oracle;
import io.github.netpol.analysis.oracle.OracleChecks;
import io.github.netpol.finding.Direction;
import io.github.netpol.finding.Endpoint;
import io.github.netpol.finding.Finding;
import io.github.netpol.finding.FindingCode;
import io.github.netpol.finding.Witness;
import io.github.netpol.load.SourceFile;
import io.github.netpol.model.ManifestReader;
import io.github.netpol.model.ManifestSet;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Two versions of one manifest file, read with the real loader, and their diff. */
final class DiffFixture {

    static final String FILE = "k8s/policies.yaml";

    static ManifestSet read(String yaml) {
        ManifestSet set = new ManifestReader().read(List.of(new SourceFile(FILE, yaml.getBytes(StandardCharsets.UTF_8))), "default");
        assertThat(set.problems()).as("fixture must load cleanly").isEmpty();
        return set;
    }

    /** The diff of two versions; every witness of a side finding is first confirmed by the brute-force oracle. */
    static DiffResult diff(String oldYaml, String newYaml) {
        ManifestSet old = read(oldYaml);
        ManifestSet current = read(newYaml);
        DiffResult result = new VersionDiff(AnalysisOptions.defaults(), "netpol-accepted.yaml").compare(old, current);
        for (Finding f : result.findings()) {
            // WIDENED_CONNECTION is about changed workload labels; its own test confirms it with the old labels
            if (f.code() == FindingCode.WIDENED_INGRESS || f.code() == FindingCode.WIDENED_EGRESS
                    || f.code() == FindingCode.ISOLATION_DROPPED) {
                assertWitnessConfirmed(old, current, f);
            }
        }
        return result;
    }

    private static void assertWitnessConfirmed(ManifestSet old, ManifestSet current, Finding f) {
        Oracle before = oracle(old);
        Oracle after = oracle(current);
        Map<String, Map<String, String>> oldLabels = new HashMap<>();
        current.namespaces().forEach(n -> oldLabels.put(n.name(), n.labels()));
        old.namespaces().forEach(n -> oldLabels.put(n.name(), n.labels()));
        Witness w = f.witness();
        assertThat(w).as("witness of %s", f.id()).isNotNull();
        assertThat(OracleChecks.allows(after, f.direction(), w)).as("new version allows the witness of %s: %s", f.id(), w).isTrue();
        if (f.code() == FindingCode.ISOLATION_DROPPED) {
            Endpoint.Pod pod = (Endpoint.Pod) (f.direction() == Direction.INGRESS ? w.destination() : w.source());
            assertThat(before.isolated((Endpoint.Pod) OracleChecks.relabel(pod, oldLabels), f.direction().policyType()))
                    .as("pod of %s was isolated", f.id()).isTrue();
            assertThat(after.isolated(pod, f.direction().policyType())).as("pod of %s is not isolated now", f.id()).isFalse();
        } else {
            assertThat(OracleChecks.allows(before, f.direction(), OracleChecks.relabel(w, oldLabels)))
                    .as("old version did not allow the witness of %s: %s", f.id(), w).isFalse();
        }
    }

    private static Oracle oracle(ManifestSet set) {
        return new Oracle(set.policies().stream().map(p -> new Oracle.Policy(p.namespace(), p.policy())).toList());
    }

    static List<Finding> of(DiffResult r, String kind) {
        return r.findings().stream().filter(f -> f.kind().equals(kind)).toList();
    }

    static List<Finding> failing(DiffResult r) {
        return r.findings().stream().filter(f -> f.code().change().map(c -> c != FindingCode.Change.NARROWING)
                .orElse(true)).toList();
    }

    private DiffFixture() {
    }
}
