package io.github.netpol.analysis.oracle.cilium;

import io.github.netpol.analysis.AnalysisOptions;
import io.github.netpol.analysis.Cube;
import io.github.netpol.analysis.SideComparison;
import io.github.netpol.analysis.SideRegion;
import io.github.netpol.analysis.Witnesses;
import io.github.netpol.analysis.oracle.cilium.CiliumOracle.Level;
import io.github.netpol.analysis.oracle.cilium.CiliumSideVsOracleTest.Connection;
import io.github.netpol.finding.Direction;
import io.github.netpol.finding.Endpoint;
import io.github.netpol.finding.Witness;
import io.github.netpol.finding.WorldFact;
import io.github.netpol.model.ManifestSet;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The widening the analysis finds between two versions ({@link SideComparison#newlyAllowed()}) against the
 * oracle, on random cases and their one-edit mutations ({@link CiliumGenerator#mutate}), both read by the real
 * reader.
 * <ul>
 *   <li>Soundness: on sampled connections and relevant worlds, wherever the oracle's new level is above the old
 *       one, the side's widening holds the connection with the world's facts (every L7 verdict passing when the new
 *       level is {@link Level#L7}, none otherwise). With every verdict failing the widening holds exactly the
 *       connections the new version allows and the old does not, with every verdict passing exactly those the new
 *       version lets through to L7 and the old denies: a connection held beyond that is counted as imprecise.</li>
 *   <li>Precision: every witness of a widening (the side's {@link SideComparison#newlyAllowedWitness()} and one per
 *       cube) is a connection the oracle's new level lets through further than the old in a world with the
 *       witness's facts; where it assumes an L7 verdict passes, also one where both levels are L7 by different L7
 *       rules ({@link CiliumOracle#l7Filters}): the old rules may fail where the new pass.</li>
 * </ul>
 */
class CiliumVersionPairVsOracleTest {

    static final int PAIRS = 3000;
    /** Per pair: connections drawn (ends, direction, protocol), each in up to WORLDS worlds on PORTS ports. */
    static final int CONNECTIONS = 25;
    static final int WORLDS = 3;
    static final int PORTS = 3;
    static final int CUBE_WITNESSES = 6;
    private static final int REPORTED = 10;
    private static final String MISSED = "MISSED widening";
    private static final String IMPRECISE = "IMPRECISE widening";

    @Test
    void wideningsAreTheOraclesWidenings() {
        CiliumGenerator g = new CiliumGenerator(2310, true);
        Random rnd = new Random(2311);
        CiliumSideVsOracleTest.Counts counts = new CiliumSideVsOracleTest.Counts();
        long witnesses = 0;
        long missed = 0;
        long imprecise = 0;
        long badWitnesses = 0;
        List<String> reports = new ArrayList<>();
        for (int i = 0; i < PAIRS; i++) {
            CiliumGenerator.Case old = g.next();
            CiliumGenerator.Case current = g.mutate(old);
            counts.cases++;
            Pair pair = Pair.of(old, current, counts);
            if (pair == null) {
                continue;
            }
            for (int k = 0; k < CONNECTIONS; k++) {
                Connection ends = Connection.sample(rnd);
                List<CiliumWorld> worlds = pair.worlds(ends.source(), ends.destination(), ends.protocol());
                for (int n = 0; n < Math.min(WORLDS, worlds.size()) * PORTS; n++) {
                    int index = n / PORTS;
                    CiliumWorld w = worlds.size() <= WORLDS ? worlds.get(index) : worlds.get(rnd.nextInt(worlds.size()));
                    Connection conn = ends.onPort(CiliumGenerator.PORTS.get(rnd.nextInt(CiliumGenerator.PORTS.size())));
                    counts.comparisons++;
                    String problem = pair.sampled(conn, w);
                    if (problem == null) {
                        continue;
                    }
                    if (problem.startsWith(MISSED)) {
                        missed++;
                    } else {
                        imprecise++;
                    }
                    if (reports.size() < REPORTED) {
                        Pair small = pair.shrink(p -> problem.equals(p.sampled(conn, w)));
                        reports.add(problem + ", pair " + i + ":\n" + small.describe() + conn + "\n  world: "
                                + CiliumCases.describe(w, conn.peer() instanceof CiliumPeer.Addr) + "\n");
                    }
                }
            }
            for (SideComparison cmp : pair.comparisons()) {
                List<Witness> ws = witnesses(cmp);
                witnesses += ws.size();
                String problem = pair.witnessProblem(cmp.namespace(), cmp.direction());
                if (problem != null) {
                    badWitnesses++;
                    if (reports.size() < REPORTED) {
                        Pair small = pair.shrink(p -> p.witnessProblem(cmp.namespace(), cmp.direction()) != null);
                        reports.add("WITNESS not a widening, pair " + i + ":\n" + small.describe()
                                + small.witnessProblem(cmp.namespace(), cmp.direction()) + "\n");
                    }
                }
            }
        }
        String summary = counts.cases + " pairs, " + counts.refusedByOracle + " refused by the oracle, "
                + counts.refusedByEngine + " refused by the analysis, " + counts.analysed + " analysed, "
                + counts.comparisons + " sampled comparisons, " + witnesses + " witnesses; " + missed + " missed, "
                + imprecise + " imprecise, " + badWitnesses + " sides with a witness that is no widening";
        System.out.println("CiliumVersionPairVsOracleTest: " + summary + "\n" + counts.reasons());
        reports.forEach(System.out::println);
        assertThat(reports).as(summary).isEmpty();
        assertThat(counts.analysed).as(summary).isGreaterThan(PAIRS / 2);
        assertThat(witnesses).as(summary).isGreaterThan(PAIRS / 2);
    }

    /** The side's witness and one per cube of its widening (a few). */
    private static List<Witness> witnesses(SideComparison cmp) {
        List<Witness> out = new ArrayList<>();
        cmp.newlyAllowedWitness().ifPresent(out::add);
        SideRegion widened = cmp.newlyAllowed();
        int n = 0;
        for (boolean ip : new boolean[]{false, true}) {
            for (Cube c : (ip ? widened.ips() : widened.pods()).cubes()) {
                if (n++ >= CUBE_WITNESSES) {
                    return out;
                }
                out.add(Witnesses.of(c, cmp.direction(), cmp.namespace(), cmp.newSide().universe(), ip));
            }
        }
        return out;
    }

    /** Two versions both read: their oracles and the analysis' comparison of every side. */
    record Pair(CiliumGenerator.Case old, CiliumGenerator.Case current, CiliumOracle oldOracle,
                CiliumOracle newOracle, List<SideComparison> comparisons, Map<List<Object>, List<CiliumWorld>> known) {

        /** {@code null} when the oracle or the analysis refuses either version (counted). */
        static Pair of(CiliumGenerator.Case old, CiliumGenerator.Case current,
                       CiliumSideVsOracleTest.Counts counts) {
            CiliumOracle before;
            CiliumOracle after;
            try {
                before = old.oracle();
                after = current.oracle();
            } catch (CiliumOracle.Refused e) {
                counts.refusedByOracle++;
                return null;
            }
            ManifestSet a = CiliumCases.manifests(old);
            ManifestSet b = CiliumCases.manifests(current);
            Optional<String> refusal = CiliumCases.refusal(a).or(() -> CiliumCases.refusal(b));
            if (refusal.isPresent()) {
                counts.refused(refusal.get());
                return null;
            }
            counts.analysed++;
            return new Pair(old, current, before, after, SideComparison.compareAll(a, b, AnalysisOptions.defaults()),
                    new java.util.HashMap<>());
        }

        /**
         * {@code null} when the widening agrees with the oracle on the connection in the world, else what is wrong:
         * a widening it misses, or one it claims beyond the oracle's (with every L7 verdict failing, or passing).
         */
        String sampled(Connection conn, CiliumWorld w) {
            Level before = oldOracle.side(conn.ingress(), conn.local(), conn.peer(), conn.protocol(), conn.port(), w);
            Level after = newOracle.side(conn.ingress(), conn.local(), conn.peer(), conn.protocol(), conn.port(), w);
            SideRegion widened = widened(conn.local().namespace(), conn.direction());
            EngineAnswer claimed = EngineAnswer.of(widened, CiliumWorldFacts.l7Keys(List.of(widened)),
                    CiliumCases.endpoint(conn.local()), CiliumCases.endpoint(conn.peer(), w), conn.protocol(),
                    conn.port(), CiliumWorldFacts.facts(w, conn.peer() instanceof CiliumPeer.Addr));
            boolean withoutL7 = after == Level.ALLOW && before != Level.ALLOW;
            boolean withL7 = after != Level.DENY && before == Level.DENY;
            boolean unsound = withoutL7 && !claimed.withoutL7() || withL7 && !claimed.withL7();
            boolean extra = !withoutL7 && claimed.withoutL7() || !withL7 && claimed.withL7();
            if (!unsound && !extra) {
                return null;
            }
            return (unsound ? MISSED : IMPRECISE) + ": oracle old " + before + ", new " + after
                    + "; the widening holds it with every L7 verdict failing: " + claimed.withoutL7()
                    + ", passing: " + claimed.withL7();
        }

        /** The first witness of the side that is no widening by the oracle, described; {@code null}: none. */
        String witnessProblem(String namespace, Direction direction) {
            for (SideComparison cmp : comparisons) {
                if (cmp.namespace().equals(namespace) && cmp.direction() == direction) {
                    for (Witness w : witnesses(cmp)) {
                        String problem = check(cmp, w);
                        if (problem != null) {
                            return "  " + namespace + " " + direction + ": " + w.describe() + "\n  facts "
                                    + new TreeMap<>(w.facts()) + "\n  " + problem;
                        }
                    }
                }
            }
            return null;
        }

        /** Smaller versions that still fail: the old version shrunk with the new fixed, then the new, twice. */
        Pair shrink(java.util.function.Predicate<Pair> fails) {
            Pair best = this;
            for (int round = 0; round < 2; round++) {
                CiliumGenerator.Case fixedNew = best.current;
                CiliumGenerator.Case o = CiliumShrinker.shrink(best.old, c -> fails(c, fixedNew, fails));
                CiliumGenerator.Case n = CiliumShrinker.shrink(fixedNew, c -> fails(o, c, fails));
                best = of(o, n, new CiliumSideVsOracleTest.Counts());
            }
            return best;
        }

        private static boolean fails(CiliumGenerator.Case old, CiliumGenerator.Case current,
                                     java.util.function.Predicate<Pair> fails) {
            Pair p = of(old, current, new CiliumSideVsOracleTest.Counts());
            return p != null && fails.test(p);
        }

        /** The side's widening; a side the comparison leaves out widens nothing. */
        SideRegion widened(String namespace, Direction direction) {
            for (SideComparison c : comparisons) {
                if (c.namespace().equals(namespace) && c.direction() == direction) {
                    return c.newlyAllowed();
                }
            }
            return SideRegion.empty(direction);
        }

        /** The worlds relevant to the connection under either version. */
        List<CiliumWorld> worlds(CiliumPeer src, CiliumPeer dst, String protocol) {
            return known.computeIfAbsent(List.of(src, dst, protocol), k -> enumerate(src, dst, protocol));
        }

        private List<CiliumWorld> enumerate(CiliumPeer src, CiliumPeer dst, String protocol) {
            Set<CiliumWorld> out = new LinkedHashSet<>(CiliumWorlds.relevant(oldOracle, old.networkPolicies(), src, dst,
                    protocol, CiliumWorld.Mode.DEFAULT));
            out.addAll(CiliumWorlds.relevant(newOracle, current.networkPolicies(), src, dst, protocol,
                    CiliumWorld.Mode.DEFAULT));
            return new ArrayList<>(out);
        }

        /** {@code null} when the witness is a widening by the oracle, else why not. */
        String check(SideComparison cmp, Witness w) {
            boolean ingress = cmp.direction() == Direction.INGRESS;
            Endpoint localEnd = ingress ? w.destination() : w.source();
            Endpoint peerEnd = ingress ? w.source() : w.destination();
            if (!(CiliumCases.peer(localEnd) instanceof CiliumPeer.Pod local)) {
                return "the local end is not a pod";
            }
            CiliumPeer peer = CiliumCases.peer(peerEnd);
            if (CiliumWorldFacts.unknownFacts(w.facts())) {
                return "it assumes a fact the oracle has no flag for";
            }
            Set<String> passing = new LinkedHashSet<>();
            boolean anyL7 = false;
            for (Map.Entry<String, String> f : w.facts().entrySet()) {
                if (f.getKey().startsWith(WorldFact.L7_PASSES)) {
                    anyL7 = true;
                    if (WorldFact.YES.equals(f.getValue())) {
                        passing.add(f.getKey());
                    }
                }
            }
            List<String> seen = new ArrayList<>();
            for (CiliumWorld base : worlds(ingress ? peer : local, ingress ? local : peer, w.protocol())) {
                CiliumWorld world = CiliumWorldFacts.apply(base, w.facts(), peerEnd);
                Level before = oldOracle.side(ingress, local, peer, w.protocol(), w.port(), world);
                Level after = newOracle.side(ingress, local, peer, w.protocol(), w.port(), world);
                boolean widening;
                if (!passing.isEmpty()) {
                    // an L7 verdict assumed to pass: a widening if the new level is higher, or if both are L7 by
                    // different L7 rules (the old ones may fail where the new ones pass)
                    widening = after.compareTo(before) > 0 || after == Level.L7 && before == Level.L7
                            && !oldOracle.l7Filters(ingress, local, peer, w.protocol(), w.port(), world)
                            .equals(newOracle.l7Filters(ingress, local, peer, w.protocol(), w.port(), world));
                } else if (anyL7) {
                    widening = after == Level.ALLOW && before != Level.ALLOW;
                } else {
                    // no verdict assumed: it is a widening whatever they are, so also with every one passing
                    widening = after == Level.ALLOW && before == Level.DENY;
                }
                if (widening) {
                    return null;
                }
                if (seen.size() < 4) {
                    seen.add("old " + before + ", new " + after + " in "
                            + CiliumCases.describe(world, peer instanceof CiliumPeer.Addr));
                }
            }
            return "oracle: " + String.join("; ", seen)
                    + (passing.isEmpty() ? "" : " (L7 verdicts " + passing + " assumed to pass)");
        }

        String describe() {
            return "  old version:\n" + indent(CiliumCases.policyYaml(old)) + "  new version:\n"
                    + indent(CiliumCases.policyYaml(current));
        }

        private static String indent(String yaml) {
            return yaml.isEmpty() ? "    (nothing)\n" : yaml.replaceAll("(?m)^", "    ");
        }
    }
}
