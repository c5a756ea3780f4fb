package io.github.netpol.diff;

import io.github.netpol.analysis.AnalysisOptions;
import io.github.netpol.analysis.oracle.Oracle;
import io.github.netpol.analysis.oracle.OracleChecks;
import io.github.netpol.analysis.oracle.PolicyGenerator;
import io.github.netpol.analysis.oracle.Samples;
import io.github.netpol.finding.Direction;
import io.github.netpol.finding.Endpoint;
import io.github.netpol.finding.Finding;
import io.github.netpol.finding.FindingCode;
import io.github.netpol.finding.Witness;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gate's verdict against brute force on random (old, new) pairs: no widening that the oracle finds
 * among the sampled connections may be missed, and every failing finding must be proved by its witness
 * (allowed by new and not by old on its side, or a pod that was isolated and is not).
 */
class VersionDiffVsOracleTest {

    private static final int PAIRS = 1000;
    private static final int DRAWS = 300;

    @Test
    void verdictAgreesWithBruteForce() {
        List<String> disagreements = new ArrayList<>();
        int failing = 0;
        int passing = 0;
        VersionDiff diff = new VersionDiff(AnalysisOptions.defaults(), "netpol-accepted.yaml");
        for (int seed = 0; seed < PAIRS && disagreements.size() < 20; seed++) {
            PolicyGenerator gen = new PolicyGenerator(7_000_000L + seed);
            PolicyGenerator.Version old = gen.version();
            PolicyGenerator.Version current = seed % 5 == 0 ? gen.version() : gen.mutate(old);
            Map<String, Map<String, String>> fixedOld = OracleChecks.comparingUniverse(old, current);
            Map<String, Map<String, String>> fixedNew = OracleChecks.comparingUniverse(current, old);
            Oracle oracleOld = new Oracle(old.policies());
            Oracle oracleNew = new Oracle(current.policies());

            // the same declared workloads in both versions: examples prefer them, and must still prove their finding
            List<io.github.netpol.model.WorkloadManifest> workloads = seed % 2 == 0 ? List.of() : OracleChecks.workloads(seed);
            List<Finding> findings = diff.compare(OracleChecks.manifests(old, workloads),
                    OracleChecks.manifests(current, workloads)).findings();
            List<Finding> gating = findings.stream().filter(f -> f.code().change()
                    .map(c -> c == FindingCode.Change.WIDENING || c == FindingCode.Change.ISOLATION)
                    .orElse(true)).toList();

            for (Finding f : gating) {
                String proof = proves(f, oracleOld, oracleNew, fixedOld);
                if (proof != null) {
                    disagreements.add("seed " + seed + " false alarm " + f.id() + ": " + proof);
                }
            }
            if (gating.isEmpty()) {
                passing++;
                List<Oracle.Policy> all = new ArrayList<>(old.policies());
                all.addAll(current.policies());
                Samples samples = new Samples(seed, all);
                for (String ns : PolicyGenerator.NAMESPACES) {
                    for (Direction d : Direction.values()) {
                        for (int i = 0; i < DRAWS; i++) {
                            Samples.Connection c = samples.connection(ns);
                            boolean widened = OracleChecks.allows(oracleNew, d, c, fixedNew)
                                    && !OracleChecks.allows(oracleOld, d, c, fixedOld);
                            Endpoint.Pod pod = OracleChecks.local(c, d, fixedNew);
                            boolean dropped = oracleOld.isolated(pod, d.policyType()) && !oracleNew.isolated(pod, d.policyType());
                            if (widened || dropped) {
                                disagreements.add("seed " + seed + " missed " + (widened ? "widening " : "dropped isolation ")
                                        + ns + " " + d + " " + c);
                                break;
                            }
                        }
                    }
                }
            } else {
                failing++;
            }
        }
        assertThat(disagreements).isEmpty();
        assertThat(failing).as("pairs whose check fails").isGreaterThan(PAIRS / 4);
        assertThat(passing).as("pairs whose check passes").isGreaterThan(PAIRS / 10);
    }

    /** Whether both ends' sides let the connection through (an external end has no side). */
    private static boolean whole(Oracle o, Witness w) {
        return (!(w.destination() instanceof Endpoint.Pod) || OracleChecks.allows(o, Direction.INGRESS, w))
                && (!(w.source() instanceof Endpoint.Pod) || OracleChecks.allows(o, Direction.EGRESS, w));
    }

    /** Null when the oracle confirms the finding, else why not. */
    private static String proves(Finding f, Oracle oracleOld, Oracle oracleNew, Map<String, Map<String, String>> fixedOld) {
        Witness w = f.witness();
        if (w == null) {
            return "no witness";
        }
        Direction d = f.direction();
        if (f.code() == FindingCode.WIDENED_CONNECTION) {
            // the whole connection: both sides allow it now, and not both did before (with the old namespace labels)
            if (!whole(oracleNew, w)) {
                return "new does not allow the whole connection " + w;
            }
            return whole(oracleOld, OracleChecks.relabel(w, fixedOld)) ? "old allowed the whole connection " + w + " already"
                    : null;
        }
        if (f.code() == FindingCode.ISOLATION_DROPPED) {
            Endpoint local = d == Direction.INGRESS ? w.destination() : w.source();
            if (!(local instanceof Endpoint.Pod pod)) {
                return "witness has no local pod";
            }
            if (!oracleOld.isolated((Endpoint.Pod) OracleChecks.relabel(pod, fixedOld), d.policyType())
                    || oracleNew.isolated(pod, d.policyType())) {
                return "pod " + pod + " did not lose isolation";
            }
            return OracleChecks.allows(oracleNew, d, w) ? null : "the new version does not allow " + w;
        }
        if (!OracleChecks.allows(oracleNew, d, w)) {
            return "new does not allow " + w;
        }
        if (OracleChecks.allows(oracleOld, d, OracleChecks.relabel(w, fixedOld))) {
            return "old allowed " + w + " already";
        }
        return null;
    }
}
