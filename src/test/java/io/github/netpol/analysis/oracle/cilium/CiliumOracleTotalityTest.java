package io.github.netpol.analysis.oracle.cilium;

import io.github.netpol.analysis.oracle.cilium.CiliumOracle.Level;
import io.github.netpol.analysis.oracle.cilium.CiliumWorld.Flag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The oracle decides every generated input (and every mutated second version) under every relevant world without an
 * exception, the generator reaches every level for pods and addresses, mutations change some decision, and the enumeration of relevant worlds loses nothing: flipping the facts it
 * leaves at their defaults never changes a level.
 */
class CiliumOracleTotalityTest {

    private static final List<CiliumPeer> ENDPOINTS = CiliumGenerator.endpoints();

    @Test
    void everyGeneratedCaseIsDecidedUnderEveryRelevantWorld() {
        Map<Level, Integer> seen = new EnumMap<>(Level.class);
        Map<Level, Integer> seenAddress = new EnumMap<>(Level.class);
        int decisions = 0;
        for (long seed = 0; seed < 3000; seed++) {
            CiliumGenerator g = new CiliumGenerator(seed);
            CiliumGenerator.Case c = seed % 2 == 0 ? g.next() : g.mutate(g.next());
            CiliumOracle oracle = c.oracle();
            Random rnd = new Random(seed);
            for (int k = 0; k < 3; k++) {
                CiliumPeer src = ENDPOINTS.get(rnd.nextInt(ENDPOINTS.size()));
                CiliumPeer dst = ENDPOINTS.get(rnd.nextInt(ENDPOINTS.size()));
                String proto = CiliumGenerator.PROTOCOLS.get(rnd.nextInt(3));
                int port = CiliumGenerator.PORTS.get(rnd.nextInt(CiliumGenerator.PORTS.size()));
                for (CiliumWorld w : sample(CiliumWorlds.relevant(oracle, c.networkPolicies(), src, dst, proto,
                        CiliumWorld.Mode.DEFAULT), rnd, 16)) {
                    Level l = oracle.decide(src, dst, proto, port, w);
                    seen.merge(l, 1, Integer::sum);
                    if (src instanceof CiliumPeer.Addr || dst instanceof CiliumPeer.Addr) {
                        seenAddress.merge(l, 1, Integer::sum);
                    }
                    decisions++;
                }
            }
        }
        assertThat(seen.keySet()).containsExactlyInAnyOrder(Level.values());
        assertThat(seenAddress.keySet()).containsExactlyInAnyOrder(Level.values());
        assertThat(decisions).isGreaterThan(9000);
    }

    private static boolean flag(CiliumWorld w, Flag f) {
        return switch (f) {
            case NON_DEFAULT_DENY_SUPPORTED -> w.nonDefaultDenySupported();
            case CIDR_MATCHES_NODES -> w.cidrMatchesNodes();
            case ALLOW_LOCALHOST -> w.allowLocalhost();
            case L3_OVERRIDES_L7 -> w.l3OverridesL7();
            case WORLD_HAS_APISERVER -> w.worldHasApiserver();
            case CNP_NAMESPACE_LABELS_CROSS_NAMESPACE -> w.cnpNamespaceLabelsCrossNamespace();
            case EMPTY_LIST_WILDCARD -> w.emptyListWildcard();
            case SCTP_UNDER_ANY -> w.sctpUnderAny();
        };
    }

    /** At most {@code n} of the worlds, chosen at random. */
    static List<CiliumWorld> sample(List<CiliumWorld> worlds, Random rnd, int n) {
        if (worlds.size() <= n) {
            return worlds;
        }
        List<CiliumWorld> copy = new ArrayList<>(worlds);
        java.util.Collections.shuffle(copy, rnd);
        return copy.subList(0, n);
    }

    @Test
    void mutationsChangeDecisionsBothWays() {
        int wider = 0;
        int narrower = 0;
        for (long seed = 0; seed < 400; seed++) {
            CiliumGenerator g = new CiliumGenerator(seed);
            CiliumGenerator.Case before = g.next();
            CiliumGenerator.Case after = g.mutate(before);
            CiliumOracle o1 = before.oracle();
            CiliumOracle o2 = after.oracle();
            Random rnd = new Random(seed);
            for (int k = 0; k < 20; k++) {
                CiliumPeer src = ENDPOINTS.get(rnd.nextInt(ENDPOINTS.size()));
                CiliumPeer dst = ENDPOINTS.get(rnd.nextInt(ENDPOINTS.size()));
                int port = CiliumGenerator.PORTS.get(rnd.nextInt(CiliumGenerator.PORTS.size()));
                CiliumWorld w = CiliumWorld.defaults();
                int cmp = o2.decide(src, dst, "TCP", port, w).compareTo(o1.decide(src, dst, "TCP", port, w));
                wider += cmp > 0 ? 1 : 0;
                narrower += cmp < 0 ? 1 : 0;
            }
        }
        assertThat(wider).isGreaterThan(50);
        assertThat(narrower).isGreaterThan(50);
    }

    @Test
    void factsLeftAtTheirDefaultsNeverChangeALevel() {
        List<String> differences = new ArrayList<>();
        for (long seed = 0; seed < 500; seed++) {
            CiliumGenerator.Case c = new CiliumGenerator(seed).next();
            CiliumOracle oracle = c.oracle();
            Random rnd = new Random(seed);
            CiliumPeer src = ENDPOINTS.get(rnd.nextInt(ENDPOINTS.size()));
            CiliumPeer dst = ENDPOINTS.get(rnd.nextInt(ENDPOINTS.size()));
            String proto = CiliumGenerator.PROTOCOLS.get(rnd.nextInt(3));
            int port = CiliumGenerator.PORTS.get(rnd.nextInt(CiliumGenerator.PORTS.size()));
            List<CiliumWorld> relevant = CiliumWorlds.relevant(oracle, c.networkPolicies(), src, dst, proto,
                    CiliumWorld.Mode.DEFAULT);
            // pointwise: every world differing from a relevant one only in facts the enumeration left at their
            // defaults has the level of the relevant world that agrees with it on the enumerated facts
            CiliumWorld pick = relevant.get(rnd.nextInt(relevant.size()));
            List<CiliumWorld> group = relevant.stream().filter(w -> w.addressKind() == pick.addressKind()
                    && w.sameNode() == pick.sameNode() && w.dnsNames().equals(pick.dnsNames())
                    && w.services().equals(pick.services())).toList();
            Set<Flag> varying = EnumSet.noneOf(Flag.class);
            for (Flag f : Flag.values()) {
                if (group.stream().map(w -> flag(w, f)).distinct().count() > 1) {
                    varying.add(f);
                }
            }
            for (int mask = 0; mask < 1 << Flag.values().length; mask++) {
                CiliumWorld v = pick;
                for (Flag f : Flag.values()) {
                    v = v.with(f, (mask & 1 << f.ordinal()) != 0);
                }
                CiliumWorld full = v;
                CiliumWorld twin = group.stream().filter(g -> varying.stream().allMatch(f -> flag(g, f) == flag(full, f)))
                        .findFirst().orElseThrow();
                Level expected = oracle.decide(src, dst, proto, port, twin);
                Level got = oracle.decide(src, dst, proto, port, full);
                if (expected != got) {
                    differences.add("seed " + seed + ": " + src + " -> " + dst + " " + proto + "/" + port + " in "
                            + full + ": " + got + ", enumerated twin " + expected);
                    break;
                }
            }
        }
        assertThat(differences).isEmpty();
    }
}
