package io.github.netpol.analysis.oracle;

import io.github.netpol.analysis.AnalysisOptions;
import io.github.netpol.analysis.AnalyzedVersion;
import io.github.netpol.analysis.Fixtures;
import io.github.netpol.analysis.PolicyAnalyzer;
import io.github.netpol.analysis.SideAnalysis;
import io.github.netpol.analysis.SideComparison;
import io.github.netpol.analysis.Witnesses;
import io.github.netpol.finding.Direction;
import io.github.netpol.finding.Endpoint;
import io.github.netpol.finding.Witness;
import io.github.netpol.model.ManifestSet;
import io.github.netpol.model.NamespaceManifest;
import io.github.netpol.model.PolicyManifest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
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
            AnalyzedVersion analyzed = PolicyAnalyzer.analyze(manifests(v), options);
            Oracle oracle = new Oracle(v.policies());
            Samples samples = new Samples(seed, v.policies());
            for (String ns : PolicyGenerator.NAMESPACES) {
                for (Direction d : Direction.values()) {
                    SideAnalysis side = analyzed.side(ns, d);
                    for (int i = 0; i < DRAWS; i++) {
                        Samples.Connection c = samples.connection(ns);
                        boolean expected = oracleAllows(oracle, d, c, fixed);
                        boolean actual = side.allowed().allows(local(c, d, fixed), peer(c, d, fixed), c.protocol(), c.port());
                        if (expected != actual) {
                            disagreements.add("seed " + seed + " " + ns + " " + d + " " + c + " oracle=" + expected);
                        }
                        Endpoint.Pod pod = local(c, d, fixed);
                        boolean iso = oracle.isolated(pod, d.policyType());
                        if (iso != side.isolated().contains(dim -> pod.podLabels().get(dim.key()))) {
                            disagreements.add("seed " + seed + " isolation " + ns + " " + d + " " + pod);
                        }
                    }
                    Optional<Witness> w = Witnesses.of(side.allowed(), ns, analyzed.universe());
                    if (w.isPresent()) {
                        witnessesChecked++;
                        if (!oracleAllows(oracle, d, w.get(), Map.of())) {
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
            Map<String, Map<String, String>> fixedOld = comparingUniverse(old, current);
            Map<String, Map<String, String>> fixedNew = comparingUniverse(current, old);
            Oracle oracleOld = new Oracle(old.policies());
            Oracle oracleNew = new Oracle(current.policies());
            List<Oracle.Policy> all = new ArrayList<>(old.policies());
            all.addAll(current.policies());
            Samples samples = new Samples(seed, all);
            ManifestSet oldSet = manifests(old);
            ManifestSet newSet = manifests(current);
            for (String ns : PolicyGenerator.NAMESPACES) {
                for (Direction d : Direction.values()) {
                    SideComparison cmp = SideComparison.compare(oldSet, newSet, ns, d, options);
                    for (int i = 0; i < DRAWS; i++) {
                        Samples.Connection c = samples.connection(ns);
                        boolean expected = oracleAllows(oracleNew, d, c, fixedNew) && !oracleAllows(oracleOld, d, c, fixedOld);
                        boolean actual = cmp.newlyAllowed().allows(local(c, d, fixedNew), peer(c, d, fixedNew), c.protocol(), c.port());
                        if (expected != actual) {
                            disagreements.add("seed " + seed + " " + ns + " " + d + " " + c + " oracle=" + expected);
                        }
                        Endpoint.Pod pod = local(c, d, fixedNew);
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
                        if (!oracleAllows(oracleNew, d, w.get(), Map.of())
                                || oracleAllows(oracleOld, d, relabel(w.get(), fixedOld), Map.of())) {
                            disagreements.add("seed " + seed + " witness not new-only " + ns + " " + d + " " + w.get());
                        }
                        for (SideComparison.Contribution part : cmp.newlyAllowedContributions()) {
                            if (!oracleAllows(oracleNew, d, part.witness(), Map.of())
                                    || oracleAllows(oracleOld, d, relabel(part.witness(), fixedOld), Map.of())) {
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

    /** Names self declares keep self's labels; names only the other declares take the other's. */
    private static Map<String, Map<String, String>> comparingUniverse(PolicyGenerator.Version self,
                                                                    PolicyGenerator.Version other) {
        Map<String, Map<String, String>> out = new HashMap<>(other.declared());
        out.putAll(self.declared());
        return out;
    }

    private static boolean oracleAllows(Oracle o, Direction d, Samples.Connection c, Map<String, Map<String, String>> fixed) {
        Endpoint.Pod local = local(c, d, fixed);
        Endpoint peer = peer(c, d, fixed);
        return d == Direction.INGRESS
                ? o.ingressAllows(local, peer, c.protocol(), c.port())
                : o.egressAllows(local, peer, c.protocol(), c.port());
    }

    private static boolean oracleAllows(Oracle o, Direction d, Witness w, Map<String, Map<String, String>> unused) {
        return d == Direction.INGRESS
                ? o.ingressAllows((Endpoint.Pod) w.destination(), w.source(), w.protocol(), w.port())
                : o.egressAllows((Endpoint.Pod) w.source(), w.destination(), w.protocol(), w.port());
    }

    /** The witness with the old version's labels for the namespaces the old universe fixes. */
    private static Witness relabel(Witness w, Map<String, Map<String, String>> fixed) {
        return new Witness(relabel(w.source(), fixed), relabel(w.destination(), fixed), w.protocol(), w.port());
    }

    private static Endpoint relabel(Endpoint e, Map<String, Map<String, String>> fixed) {
        if (e instanceof Endpoint.Pod p && fixed.containsKey(p.namespace())) {
            Map<String, String> ns = new HashMap<>(fixed.get(p.namespace()));
            ns.put(NamespaceManifest.NAME_LABEL, p.namespace());
            return new Endpoint.Pod(p.namespace(), ns, p.podLabels(), p.namedPorts());
        }
        return e;
    }

    private static Endpoint.Pod local(Samples.Connection c, Direction d, Map<String, Map<String, String>> fixed) {
        return Samples.materialize(c.local(), fixed, c, d == Direction.INGRESS);
    }

    private static Endpoint peer(Samples.Connection c, Direction d, Map<String, Map<String, String>> fixed) {
        return c.peer() instanceof Samples.AbstractPod p
                ? Samples.materialize(p, fixed, c, d == Direction.EGRESS)
                : (Endpoint) c.peer();
    }

    private static ManifestSet manifests(PolicyGenerator.Version v) {
        List<PolicyManifest> policies = v.policies().stream()
                .map(p -> new PolicyManifest(p.np(), p.namespace(), false, Fixtures.ORIGIN)).toList();
        List<NamespaceManifest> namespaces = v.declared().entrySet().stream()
                .map(e -> Fixtures.namespace(e.getKey(), e.getValue())).toList();
        return Fixtures.set(policies, namespaces);
    }
}
