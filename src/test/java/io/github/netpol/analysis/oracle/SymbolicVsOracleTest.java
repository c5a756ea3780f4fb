package io.github.netpol.analysis.oracle;

import io.github.netpol.analysis.AnalysisOptions;
import io.github.netpol.analysis.AnalyzedVersion;
import io.github.netpol.analysis.PolicyAnalyzer;
import io.github.netpol.analysis.SideAnalysis;
import io.github.netpol.analysis.SideComparison;
import io.github.netpol.analysis.Witnesses;
import io.github.netpol.finding.Direction;
import io.github.netpol.finding.Endpoint;
import io.github.netpol.finding.Witness;
import io.github.netpol.model.ManifestSet;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The symbolic engine against the brute-force {@link Oracle}, on seeded random policy sets. Each
 * case draws connections from its finite universe ({@link Samples}) and requires that the regions
 * contain exactly the connections the oracle allows, and that every witness is allowed.
 */
class SymbolicVsOracleTest {

    private static final int CASES = 2000;
    private static final int DRAWS = 250;

    @Test
    void allowedSidesAndIsolationMatchTheOracle() {
        List<String> disagreements = new ArrayList<>();
        int witnessesChecked = 0;
        for (int seed = 0; seed < CASES; seed++) {
            PolicyGenerator gen = new PolicyGenerator(seed);
            PolicyGenerator.Version v = gen.version();
            boolean any = seed % 5 == 0;
            AnalysisOptions options = new AnalysisOptions(any
                    ? AnalysisOptions.NamespaceLabels.ANY : AnalysisOptions.NamespaceLabels.DECLARED);
            Map<String, Map<String, String>> fixed = any ? Map.of() : v.declared();
            AnalyzedVersion analyzed = PolicyAnalyzer.analyze(OracleChecks.manifests(v), options);
            Oracle oracle = new Oracle(v.policies());
            Samples samples = new Samples(seed, v.policies());
            for (String ns : PolicyGenerator.NAMESPACES) {
                for (Direction d : Direction.values()) {
                    SideAnalysis side = analyzed.side(ns, d);
                    for (int i = 0; i < DRAWS; i++) {
                        Samples.Connection c = samples.connection(ns);
                        boolean expected = OracleChecks.allows(oracle, d, c, fixed);
                        boolean actual = side.allowed().allows(OracleChecks.local(c, d, fixed), OracleChecks.peer(c, d, fixed), c.protocol(), c.port());
                        if (expected != actual) {
                            disagreements.add("seed " + seed + " " + ns + " " + d + " " + c + " oracle=" + expected);
                        }
                        Endpoint.Pod pod = OracleChecks.local(c, d, fixed);
                        boolean iso = oracle.isolated(pod, d.policyType());
                        if (iso != side.isolated().contains(dim -> pod.podLabels().get(dim.key()))) {
                            disagreements.add("seed " + seed + " isolation " + ns + " " + d + " " + pod);
                        }
                    }
                    Optional<Witness> w = Witnesses.of(side.allowed(), ns, analyzed.universe());
                    if (w.isPresent()) {
                        witnessesChecked++;
                        if (!OracleChecks.allows(oracle, d, w.get())) {
                            disagreements.add("seed " + seed + " witness not allowed " + ns + " " + d + " " + w.get());
                        }
                    }
                    Optional<Endpoint.Pod> isolatedPod = Witnesses.pod(side.isolated(), ns, analyzed.universe());
                    if (isolatedPod.isPresent() && !oracle.isolated(isolatedPod.get(), d.policyType())) {
                        disagreements.add("seed " + seed + " isolated witness not isolated " + isolatedPod.get());
                    }
                }
            }
            if (disagreements.size() > 20) {
                break;
            }
        }
        assertThat(disagreements).isEmpty();
        assertThat(witnessesChecked).isGreaterThan(CASES);
    }

    @Test
    void newMinusOldMatchesTheOracle() {
        List<String> disagreements = new ArrayList<>();
        int widened = 0;
        int unchanged = 0;
        for (int seed = 0; seed < CASES; seed++) {
            PolicyGenerator gen = new PolicyGenerator(100_000L + seed);
            PolicyGenerator.Version old = gen.version();
            PolicyGenerator.Version current = seed % 4 == 0 ? gen.version() : gen.mutate(old);
            AnalysisOptions options = AnalysisOptions.defaults();
            Map<String, Map<String, String>> fixedOld = OracleChecks.comparingUniverse(old, current);
            Map<String, Map<String, String>> fixedNew = OracleChecks.comparingUniverse(current, old);
            Oracle oracleOld = new Oracle(old.policies());
            Oracle oracleNew = new Oracle(current.policies());
            List<Oracle.Policy> all = new ArrayList<>(old.policies());
            all.addAll(current.policies());
            Samples samples = new Samples(seed, all);
            ManifestSet oldSet = OracleChecks.manifests(old);
            ManifestSet newSet = OracleChecks.manifests(current);
            for (String ns : PolicyGenerator.NAMESPACES) {
                for (Direction d : Direction.values()) {
                    SideComparison cmp = SideComparison.compare(oldSet, newSet, ns, d, options);
                    for (int i = 0; i < DRAWS; i++) {
                        Samples.Connection c = samples.connection(ns);
                        boolean expected = OracleChecks.allows(oracleNew, d, c, fixedNew) && !OracleChecks.allows(oracleOld, d, c, fixedOld);
                        boolean actual = cmp.newlyAllowed().allows(OracleChecks.local(c, d, fixedNew), OracleChecks.peer(c, d, fixedNew), c.protocol(), c.port());
                        if (expected != actual) {
                            disagreements.add("seed " + seed + " " + ns + " " + d + " " + c + " oracle=" + expected);
                        }
                        Endpoint.Pod pod = OracleChecks.local(c, d, fixedNew);
                        boolean dropped = oracleOld.isolated(pod, d.policyType()) && !oracleNew.isolated(pod, d.policyType());
                        if (dropped != cmp.isolationDropped().contains(dim -> pod.podLabels().get(dim.key()))) {
                            disagreements.add("seed " + seed + " isolationDropped " + ns + " " + d + " " + pod);
                        }
                    }
                    Optional<Witness> w = cmp.newlyAllowedWitness();
                    if (w.isPresent() != !cmp.newlyAllowed().isEmpty()) {
                        disagreements.add("seed " + seed + " witness presence");
                    }
                    if (w.isPresent()) {
                        widened++;
                        if (!OracleChecks.allows(oracleNew, d, w.get())
                                || OracleChecks.allows(oracleOld, d, OracleChecks.relabel(w.get(), fixedOld))) {
                            disagreements.add("seed " + seed + " witness not new-only " + ns + " " + d + " " + w.get());
                        }
                        for (SideComparison.Contribution part : cmp.newlyAllowedContributions()) {
                            if (!OracleChecks.allows(oracleNew, d, part.witness())
                                    || OracleChecks.allows(oracleOld, d, OracleChecks.relabel(part.witness(), fixedOld))) {
                                disagreements.add("seed " + seed + " contribution witness " + part.witness());
                            }
                        }
                        assertThat(cmp.newlyAllowedContributions()).isNotEmpty();
                    } else {
                        unchanged++;
                    }
                    Optional<Endpoint.Pod> droppedPod = cmp.isolationDroppedWitness();
                    if (droppedPod.isPresent() && (!oracleOld.isolated(droppedPod.get(), d.policyType())
                            || oracleNew.isolated(droppedPod.get(), d.policyType()))) {
                        disagreements.add("seed " + seed + " isolation witness " + droppedPod.get());
                    }
                }
            }
            if (disagreements.size() > 20) {
                break;
            }
        }
        assertThat(disagreements).isEmpty();
        assertThat(widened).as("cases with a widening").isGreaterThan(CASES / 2);
        assertThat(unchanged).as("sides without a widening").isGreaterThan(CASES / 2);
    }
}
