package io.github.netpol.analysis.oracle;

import io.github.netpol.analysis.AnalysisOptions;
import io.github.netpol.analysis.AnalyzedVersion;
import io.github.netpol.analysis.Fixtures;
import io.github.netpol.analysis.NamespaceUniverse;
import io.github.netpol.analysis.PolicyAnalyzer;
import io.github.netpol.analysis.SideAnalysis;
import io.github.netpol.analysis.SideComparison;
import io.github.netpol.analysis.Witnesses;
import io.github.netpol.finding.Direction;
import io.github.netpol.finding.Endpoint;
import io.github.netpol.finding.Witness;
import io.github.netpol.model.ManifestSet;
import io.github.netpol.model.TierPolicyManifest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The symbolic engine with the Admin and Baseline tiers against the brute-force {@link TierOracle}, on seeded
 * random ClusterNetworkPolicy / AdminNetworkPolicy / BaselineAdminNetworkPolicy + NetworkPolicy sets: every side
 * (each listed namespace and the one standing for all others) must contain exactly the sampled connections some
 * choice allows ({@code allowed}) and those every choice allows ({@code certainlyAllowed}), in sampled worlds
 * (pod IPs, node addresses and labels, DNS names); a comparison's widening must be exactly "possibly allowed now
 * and not certainly allowed before".
 */
public class TiersVsOracleTest {

    private static final int CASES = Integer.getInteger("tiers.cases", 2000);
    private static final int DRAWS = 120;

    /** A generated version with its tier policies as the engine reads it. */
    public static ManifestSet manifests(TierGenerator.Version v) {
        ManifestSet nps = OracleChecks.manifests(v.networkPolicies());
        List<TierPolicyManifest> tier = new ArrayList<>();
        for (Map<String, Object> raw : v.tierPolicies()) {
            String name = (String) ((Map<?, ?>) raw.get("metadata")).get("name");
            tier.add(new TierPolicyManifest((String) raw.get("apiVersion"), (String) raw.get("kind"), name, raw,
                    Fixtures.ORIGIN, name));
        }
        return new ManifestSet(nps.policies(), tier, nps.namespaces(), List.of());
    }

    /** Some world: the peer pod's IP (or one in no CIDR), whether an address is a node's, the names used. */
    public static Endpoint world(Endpoint peer, Samples s) {
        List<String> names = new ArrayList<>();
        for (String n : TierGenerator.DOMAIN_NAMES) {
            if (s.nextInt(4) == 0) {
                names.add(n);
            }
        }
        if (peer instanceof Endpoint.Pod p) {
            String ip = s.any(s.ips());
            return new Endpoint.Pod(p.namespace(), p.namespaceLabels(), p.podLabels(), p.namedPorts(), p.workload(), ip, names);
        }
        Endpoint.Ip a = (Endpoint.Ip) peer;
        Map<String, String> node = null;
        if (s.nextInt(2) == 0) {
            node = new HashMap<>();
            String v = s.any(List.of("a", "b", "zz", ""));
            if (!v.isEmpty()) {
                node.put(TierGenerator.NODE_KEY, v);
            }
        }
        return new Endpoint.Ip(a.ip(), node, names);
    }

    /** Samples over the NetworkPolicies' boundaries and the tier policies' CIDRs and ports. */
    public static Samples samples(long seed, List<Oracle.Policy> nps) {
        List<Integer> ports = new ArrayList<>();
        for (int p : new int[] {53, 80, 443, 8080}) {
            for (int i = -1; i <= 5; i++) {
                ports.add(p + i);
            }
        }
        return new Samples(seed, nps, List.of(TierGenerator.CIDRS), ports);
    }

    private static boolean local(SideAnalysis side, Endpoint.Pod pod, boolean possibly) {
        var r = possibly ? side.possiblyIsolated() : side.certainlyIsolated();
        return r.contains(dim -> dim.kind() == io.github.netpol.analysis.Dim.Kind.LOCAL_LABEL
                ? pod.podLabels().get(dim.key()) : pod.namespaceLabels().get(dim.key()));
    }

    @Test
    void sidesMatchTheOracleInEveryChoiceAndWorld() {
        List<String> disagreements = new ArrayList<>();
        int witnesses = 0;
        int ambiguous = 0;
        for (int seed = 0; seed < CASES && disagreements.size() <= 20; seed++) {
            PolicyGenerator nps = new PolicyGenerator(7_000_000L + seed);
            TierGenerator.Version v = new TierGenerator(seed).version(nps);
            boolean any = seed % 5 == 0;
            AnalysisOptions options = new AnalysisOptions(any
                    ? AnalysisOptions.NamespaceLabels.ANY : AnalysisOptions.NamespaceLabels.DECLARED);
            Map<String, Map<String, String>> fixed = any ? Map.of() : v.declared();
            AnalyzedVersion analyzed = PolicyAnalyzer.analyze(manifests(v), options);
            TierOracle oracle = new TierOracle(new Oracle(v.policies()), v.tierPolicies());
            Samples samples = samples(seed, v.policies());
            List<String> namespaces = new ArrayList<>(PolicyGenerator.NAMESPACES);
            namespaces.add(analyzed.universe().representative());
            for (String ns : namespaces) {
                for (Direction d : Direction.values()) {
                    boolean ingress = d == Direction.INGRESS;
                    SideAnalysis side = analyzed.side(ns, d);
                    if (side.tiers().ambiguous()) {
                        ambiguous++;
                    }
                    for (int i = 0; i < DRAWS; i++) {
                        Samples.Connection c = samples.connection(ns);
                        Endpoint.Pod local = OracleChecks.local(c, d, fixed);
                        Endpoint peer = world(OracleChecks.peer(c, d, fixed), samples);
                        boolean possibly = oracle.possiblyAllows(ingress, local, peer, c.protocol(), c.port());
                        boolean certainly = oracle.certainlyAllows(ingress, local, peer, c.protocol(), c.port());
                        if (possibly != side.allowed().allows(local, peer, c.protocol(), c.port())) {
                            disagreements.add("seed " + seed + " possibly " + ns + " " + d + " " + local + " " + peer
                                    + " " + c.protocol() + " " + c.port() + " oracle=" + possibly);
                        }
                        if (certainly != side.certainlyAllowed().allows(local, peer, c.protocol(), c.port())) {
                            disagreements.add("seed " + seed + " certainly " + ns + " " + d + " " + local + " " + peer
                                    + " " + c.protocol() + " " + c.port() + " oracle=" + certainly);
                        }
                        boolean isolated = oracle.possiblyTierDenied(ingress, local, peer, c.protocol(), c.port())
                                || new Oracle(v.policies()).isolated(local, d.policyType());
                        if (isolated && !local(side, local, true)) {
                            disagreements.add("seed " + seed + " isolation " + ns + " " + d + " " + local + " " + peer);
                        }
                    }
                    Optional<Witness> w = Witnesses.of(side.allowed(), ns, analyzed.universe());
                    if (w.isPresent()) {
                        witnesses++;
                        if (!allows(oracle, d, w.get(), true)) {
                            disagreements.add("seed " + seed + " witness not possibly allowed " + ns + " " + d + " " + w.get());
                        }
                    }
                    Optional<Witness> wc = Witnesses.of(side.certainlyAllowed(), ns, analyzed.universe());
                    if (wc.isPresent() && !allows(oracle, d, wc.get(), false)) {
                        disagreements.add("seed " + seed + " witness not certainly allowed " + ns + " " + d + " " + wc.get());
                    }
                }
            }
        }
        assertThat(disagreements).isEmpty();
        assertThat(witnesses).isGreaterThan(CASES);
        assertThat(ambiguous).as("sides with equal priorities that both match").isGreaterThan(CASES / 10);
    }

    @Test
    void wideningIsPossiblyNowAndNotCertainlyBefore() {
        List<String> disagreements = new ArrayList<>();
        int widened = 0;
        int unchanged = 0;
        for (int seed = 0; seed < CASES && disagreements.size() <= 20; seed++) {
            PolicyGenerator nps = new PolicyGenerator(9_000_000L + seed);
            TierGenerator gen = new TierGenerator(5_000_000L + seed);
            TierGenerator.Version old = gen.version(nps);
            TierGenerator.Version current = seed % 6 == 0 ? gen.version(nps) : gen.mutate(old, nps);
            AnalysisOptions options = AnalysisOptions.defaults();
            Map<String, Map<String, String>> fixedOld = OracleChecks.comparingUniverse(old.networkPolicies(), current.networkPolicies());
            Map<String, Map<String, String>> fixedNew = OracleChecks.comparingUniverse(current.networkPolicies(), old.networkPolicies());
            TierOracle oracleOld = new TierOracle(new Oracle(old.policies()), old.tierPolicies());
            TierOracle oracleNew = new TierOracle(new Oracle(current.policies()), current.tierPolicies());
            List<Oracle.Policy> all = new ArrayList<>(old.policies());
            all.addAll(current.policies());
            Samples samples = samples(seed, all);
            ManifestSet oldSet = manifests(old);
            ManifestSet newSet = manifests(current);
            NamespaceUniverse.Compared universes = NamespaceUniverse.compared(oldSet, newSet, options);
            AnalyzedVersion before = PolicyAnalyzer.analyze(oldSet, universes.old());
            AnalyzedVersion after = PolicyAnalyzer.analyze(newSet, universes.current());
            List<String> namespaces = new ArrayList<>(PolicyGenerator.NAMESPACES);
            namespaces.add(universes.old().representative());
            for (String ns : namespaces) {
                for (Direction d : Direction.values()) {
                    boolean ingress = d == Direction.INGRESS;
                    SideComparison cmp = new SideComparison(before.side(ns, d), after.side(ns, d));
                    for (int i = 0; i < DRAWS; i++) {
                        Samples.Connection c = samples.connection(ns);
                        Endpoint peerWorld = world(OracleChecks.peer(c, d, fixedNew), samples);
                        Endpoint.Pod localNew = OracleChecks.local(c, d, fixedNew);
                        Endpoint.Pod localOld = OracleChecks.local(c, d, fixedOld);
                        Endpoint peerOld = OracleChecks.relabel(peerWorld, fixedOld);
                        boolean expected = oracleNew.possiblyAllows(ingress, localNew, peerWorld, c.protocol(), c.port())
                                && !oracleOld.certainlyAllows(ingress, localOld, peerOld, c.protocol(), c.port());
                        boolean actual = cmp.newlyAllowed().allows(localNew, peerWorld, c.protocol(), c.port());
                        if (expected != actual) {
                            disagreements.add("seed " + seed + " " + ns + " " + d + " " + localNew + " " + peerWorld
                                    + " " + c.protocol() + " " + c.port() + " oracle=" + expected);
                        }
                    }
                    Optional<Witness> w = cmp.newlyAllowedWitness();
                    if (w.isPresent() != !cmp.newlyAllowed().isEmpty()) {
                        disagreements.add("seed " + seed + " witness presence");
                    }
                    if (w.isPresent()) {
                        widened++;
                        if (!newOnly(oracleNew, oracleOld, d, w.get(), fixedOld)) {
                            disagreements.add("seed " + seed + " witness not new-only " + ns + " " + d + " " + w.get());
                        }
                        List<SideComparison.Contribution> parts = cmp.newlyAllowedContributions();
                        if (parts.isEmpty()) {
                            disagreements.add("seed " + seed + " no contribution " + ns + " " + d);
                        }
                        for (SideComparison.Contribution part : parts) {
                            if (!newOnly(oracleNew, oracleOld, d, part.witness(), fixedOld)) {
                                disagreements.add("seed " + seed + " contribution witness " + part.witness());
                            }
                        }
                    } else {
                        unchanged++;
                    }
                }
            }
        }
        assertThat(disagreements).isEmpty();
        assertThat(widened).as("sides with a widening").isGreaterThan(CASES / 2);
        assertThat(unchanged).as("sides without a widening").isGreaterThan(CASES / 2);
    }

    private static boolean newOnly(TierOracle now, TierOracle before, Direction d, Witness w,
                                   Map<String, Map<String, String>> fixedOld) {
        return allows(now, d, w, true) && !allows(before, d, OracleChecks.relabel(w, fixedOld), false);
    }

    private static boolean allows(TierOracle o, Direction d, Witness w, boolean possibly) {
        boolean ingress = d == Direction.INGRESS;
        Endpoint.Pod local = (Endpoint.Pod) (ingress ? w.destination() : w.source());
        Endpoint peer = ingress ? w.source() : w.destination();
        if (peer instanceof Endpoint.Pod p && p.ip() == null) {
            // a witness names the pod's IP only when it matters: any IP is an example then
            peer = new Endpoint.Pod(p.namespace(), p.namespaceLabels(), p.podLabels(), p.namedPorts(), p.workload(), "0.0.0.0",
                    p.domainNames());
        }
        return possibly ? o.possiblyAllows(ingress, local, peer, w.protocol(), w.port())
                : o.certainlyAllows(ingress, local, peer, w.protocol(), w.port());
    }
}
