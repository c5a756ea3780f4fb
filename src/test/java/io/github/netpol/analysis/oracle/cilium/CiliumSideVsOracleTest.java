package io.github.netpol.analysis.oracle.cilium;

import io.github.netpol.analysis.AnalysisOptions;
import io.github.netpol.analysis.AnalyzedVersion;
import io.github.netpol.analysis.PolicyAnalyzer;
import io.github.netpol.analysis.SideRegion;
import io.github.netpol.analysis.oracle.cilium.CiliumOracle.Level;
import io.github.netpol.finding.Direction;
import io.github.netpol.model.ManifestSet;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the analysis says one side of a pod lets through, against the oracle, on random CiliumNetworkPolicies,
 * CiliumClusterwideNetworkPolicies, NetworkPolicies and Services read by the real reader. For each case neither
 * refuses, on sampled connections (a sample pod as the local end, a direction, a sample pod or address as the
 * peer, a protocol and port of the generator's) in sampled relevant worlds, the side's region with the world's
 * facts must allow the connection with every L7 verdict failing exactly when the oracle's level is
 * {@link Level#ALLOW}, and with every L7 verdict passing exactly when it is at least {@link Level#L7}.
 */
class CiliumSideVsOracleTest {

    /** Cases of the generator without what the analysis refuses by design: most are compared. */
    static final int ANALYSABLE_CASES = 3000;
    /** Cases of the unrestricted generator: most are refused, the others combine every construct. */
    static final int UNRESTRICTED_CASES = 500;
    /** Per case: connections drawn (ends, direction, protocol), each in up to WORLDS worlds on PORTS ports. */
    static final int CONNECTIONS = 30;
    static final int WORLDS = 3;
    static final int PORTS = 3;
    private static final int SHRUNK = 6;

    @Test
    void sidesAllowWhatTheOracleAllows() {
        Counts counts = run(new CiliumGenerator(2300, true), ANALYSABLE_CASES, new Random(2301));
        assertThat(counts.refusedByEngine).as("cases the analysis refuses (" + counts + ")")
                .isLessThan((int) (0.3 * (counts.cases - counts.refusedByOracle)));
        assertThat(counts.comparisons).isGreaterThan(100_000L);
    }

    @Test
    void sidesAllowWhatTheOracleAllowsWithEveryConstruct() {
        Counts counts = run(new CiliumGenerator(2302), UNRESTRICTED_CASES, new Random(2303));
        assertThat(counts.analysed).as(counts.toString()).isGreaterThan(UNRESTRICTED_CASES / 20);
    }

    /** Compares {@code cases} cases of {@code g}; fails on a disagreement, printing small reproductions. */
    private static Counts run(CiliumGenerator g, int cases, Random rnd) {
        Counts counts = new Counts();
        List<String> reproductions = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < cases; i++) {
            CiliumGenerator.Case c = g.next();
            counts.cases++;
            Analysed a = Analysed.of(c, counts);
            if (a == null) {
                continue;
            }
            for (int k = 0; k < CONNECTIONS; k++) {
                Connection ends = Connection.sample(rnd);
                List<CiliumWorld> worlds = a.worlds(ends, c);
                for (int n = 0; n < Math.min(WORLDS, worlds.size()) * PORTS; n++) {
                    int index = n / PORTS;
                    CiliumWorld w = worlds.size() <= WORLDS ? worlds.get(index) : worlds.get(rnd.nextInt(worlds.size()));
                    Connection conn = ends.onPort(CiliumGenerator.PORTS.get(rnd.nextInt(CiliumGenerator.PORTS.size())));
                    counts.comparisons++;
                    Level expected = a.oracle().side(conn.ingress(), conn.local(), conn.peer(), conn.protocol(),
                            conn.port(), w);
                    EngineAnswer actual = a.answer(conn, w);
                    if (actual.agrees(expected)) {
                        continue;
                    }
                    counts.disagreements++;
                    if (reproductions.size() < SHRUNK) {
                        String repro = reproduce(c, conn, w, expected, actual);
                        if (seen.add(repro)) {
                            reproductions.add("case " + i + ":\n" + repro);
                        }
                    }
                }
            }
        }
        System.out.println("CiliumSideVsOracleTest: " + counts + "\n" + counts.reasons());
        reproductions.forEach(System.out::println);
        assertThat(reproductions).as("disagreements (" + counts + ")").isEmpty();
        assertThat(counts.disagreements).as(counts.toString()).isZero();
        return counts;
    }

    /** The disagreement shrunk to a small case, as text a person can replay. */
    static String reproduce(CiliumGenerator.Case c, Connection conn, CiliumWorld w, Level expected,
                            EngineAnswer actual) {
        CiliumGenerator.Case small = CiliumShrinker.shrink(c, candidate -> {
            Analysed a = Analysed.of(candidate, new Counts());
            if (a == null) {
                return false;
            }
            Level e = a.oracle().side(conn.ingress(), conn.local(), conn.peer(), conn.protocol(), conn.port(), w);
            return e == expected && a.answer(conn, w).equals(actual);
        });
        return CiliumCases.policyYaml(small)
                + conn + "\n  world: " + CiliumCases.describe(w, conn.peer() instanceof CiliumPeer.Addr)
                + (CiliumWorldFacts.unfactedAtDefaults(w) ? "" : " (a flag the analysis has no fact for)")
                + "\n  oracle: " + expected + ", analysis: " + actual + "\n";
    }

    /** A case both read: the oracle and the analysed version, with each side's region and its L7 verdict facts. */
    record Analysed(CiliumOracle oracle, AnalyzedVersion version, Map<SideRegion, Set<String>> l7,
                    Map<List<Object>, List<CiliumWorld>> worlds) {

        /** {@code null} when the oracle or the analysis refuses the case (counted). */
        static Analysed of(CiliumGenerator.Case c, Counts counts) {
            CiliumOracle oracle;
            try {
                oracle = c.oracle();
            } catch (CiliumOracle.Refused e) {
                counts.refusedByOracle++;
                return null;
            }
            ManifestSet set = CiliumCases.manifests(c);
            Optional<String> refusal = CiliumCases.refusal(set);
            if (refusal.isPresent()) {
                counts.refused(refusal.get());
                return null;
            }
            counts.analysed++;
            return new Analysed(oracle, PolicyAnalyzer.analyze(set, AnalysisOptions.defaults()),
                    new IdentityHashMap<>(), new java.util.HashMap<>());
        }

        /** The worlds relevant to the connection, enumerated once per ends and protocol. */
        List<CiliumWorld> worlds(Connection conn, CiliumGenerator.Case c) {
            return worlds.computeIfAbsent(List.of(conn.source(), conn.destination(), conn.protocol()),
                    k -> conn.worlds(oracle, c));
        }

        SideRegion side(Connection conn) {
            return version.side(conn.local().namespace(), conn.direction()).allowed();
        }

        EngineAnswer answer(Connection conn, CiliumWorld w) {
            SideRegion side = side(conn);
            Set<String> keys = l7.computeIfAbsent(side, s -> CiliumWorldFacts.l7Keys(List.of(s)));
            return EngineAnswer.of(side, keys, CiliumCases.endpoint(conn.local()), CiliumCases.endpoint(conn.peer(), w),
                    conn.protocol(), conn.port(), CiliumWorldFacts.facts(w, conn.peer() instanceof CiliumPeer.Addr));
        }
    }

    /** One side of one sampled connection: the local sample pod, the direction, the peer, protocol and port. */
    record Connection(CiliumPeer.Pod local, boolean ingress, CiliumPeer peer, String protocol, int port) {

        static Connection sample(Random rnd) {
            List<CiliumPeer.Pod> pods = CiliumCases.Samples.PODS;
            List<CiliumPeer> peers = CiliumCases.Samples.ENDS;
            return new Connection(pods.get(rnd.nextInt(pods.size())), rnd.nextBoolean(),
                    peers.get(rnd.nextInt(peers.size())),
                    CiliumGenerator.PROTOCOLS.get(rnd.nextInt(CiliumGenerator.PROTOCOLS.size())),
                    CiliumGenerator.PORTS.get(rnd.nextInt(CiliumGenerator.PORTS.size())));
        }

        Connection onPort(int p) {
            return new Connection(local, ingress, peer, protocol, p);
        }

        Direction direction() {
            return ingress ? Direction.INGRESS : Direction.EGRESS;
        }

        CiliumPeer source() {
            return ingress ? peer : local;
        }

        CiliumPeer destination() {
            return ingress ? local : peer;
        }

        /** The worlds that can matter to it under the policies of {@code c}. */
        List<CiliumWorld> worlds(CiliumOracle oracle, CiliumGenerator.Case c) {
            return CiliumWorlds.relevant(oracle, c.networkPolicies(), source(), destination(), protocol,
                    CiliumWorld.Mode.DEFAULT);
        }

        @Override
        public String toString() {
            return "  local: " + CiliumCases.describe(local) + "\n  " + (ingress ? "ingress from " : "egress to ")
                    + CiliumCases.describe(peer) + " on " + protocol + " " + port;
        }
    }

    /** What a run did. */
    static final class Counts {
        int cases;
        int refusedByOracle;
        int refusedByEngine;
        int analysed;
        long comparisons;
        long disagreements;
        final Map<String, Integer> reasons = new java.util.TreeMap<>();

        /** One more case the analysis refuses, for this reason (its place in the policy left out). */
        void refused(String reason) {
            refusedByEngine++;
            reasons.merge(reason.replaceFirst("^(specs?)[.0-9a-zA-Z]*: ", ""), 1, Integer::sum);
        }

        /** The refusal reasons, most frequent first. */
        String reasons() {
            StringBuilder out = new StringBuilder();
            reasons.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                    .forEach(e -> out.append("  ").append(e.getValue()).append(" x ").append(e.getKey()).append('\n'));
            return out.toString();
        }

        @Override
        public String toString() {
            return cases + " cases, " + refusedByOracle + " refused by the oracle, " + refusedByEngine
                    + " refused by the analysis, " + analysed + " analysed, " + comparisons + " comparisons, "
                    + disagreements + " disagreements";
        }
    }
}
