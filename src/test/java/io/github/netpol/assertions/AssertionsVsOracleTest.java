package io.github.netpol.assertions;

import io.github.netpol.analysis.AnalysisOptions;
import io.github.netpol.analysis.Dim;
import io.github.netpol.analysis.Fixtures;
import io.github.netpol.analysis.IntervalSet;
import io.github.netpol.analysis.IpAddresses;
import io.github.netpol.analysis.oracle.Oracle;
import io.github.netpol.analysis.oracle.PolicyGenerator;
import io.github.netpol.analysis.oracle.Samples;
import io.github.netpol.analysis.oracle.TierGenerator;
import io.github.netpol.analysis.oracle.TierOracle;
import io.github.netpol.analysis.oracle.TiersVsOracleTest;
import io.github.netpol.finding.Endpoint;
import io.github.netpol.finding.NamedPort;
import io.github.netpol.finding.SourcePosition;
import io.github.netpol.finding.Witness;
import io.github.netpol.model.ManifestSet;
import io.github.netpol.model.NamespaceManifest;
import io.github.netpol.model.PolicyManifest;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Universal assertions against the brute-force {@link Oracle} on random policy sets and random
 * assertions. A failed assertion's counterexample must lie in the description and break the
 * expectation by the oracle's reading; a passed one must survive every connection drawn from the
 * description over the oracle's finite universe (the namespaces, label values, ports, names and
 * addresses that tell every rule apart); a vacuous one must have no connection to draw.
 */
class AssertionsVsOracleTest {

    private static final int CASES = 400;
    private static final int DRAWS = 600;
    private static final SourcePosition HERE = new SourcePosition("t.yaml", 1, 1);
    private static final List<String> NAMESPACES = List.of("ns1", "ns2", "ns3", Samples.FRESH_NAMESPACE);
    private static final List<String> VALUES = List.of("a", "b", "zz", "");
    private static final List<String> ENV = List.of("dev", "prod", "zz", "");
    private static final List<String> CIDRS = List.of("0.0.0.0/0", "10.0.0.0/8", "10.1.0.0/16", "192.168.1.0/24", "::/0");

    @Test
    void universalVerdictsAgreeWithTheOracle() {
        Verdicts verdicts = new Verdicts();
        for (int seed = 0; seed < CASES && verdicts.disagreements.size() < 10; seed++) {
            PolicyGenerator.Version v = new PolicyGenerator(700_000L + seed).version();
            Random rnd = new Random(seed);
            Samples samples = new Samples(seed, v.policies());
            Assertion a = assertion(rnd, samples);
            AssertionResult r = new AssertionChecker(manifests(v), AnalysisOptions.defaults()).check(a);
            Oracle oracle = new Oracle(v.policies());
            verdicts.judge(seed, a, r, v.declared(), rnd, samples, w -> w, w -> holds(a, oracle, w));
        }
        verdicts.assertAgreed();
    }

    /**
     * The same with ClusterNetworkPolicies, AdminNetworkPolicies and a BaselineAdminNetworkPolicy, against
     * {@link TierOracle}: an assertion of {@code allowed} holds only where every choice the API leaves open (equal
     * priorities) and every world (pod IPs, node addresses, DNS names) allows, one of {@code denied} only where
     * none does. Drawn connections carry a sampled world; a counterexample that states no pod IP holds for any.
     */
    @Test
    void universalVerdictsAgreeWithTheTierOracle() {
        Verdicts verdicts = new Verdicts();
        for (int seed = 0; seed < CASES && verdicts.disagreements.size() < 10; seed++) {
            TierGenerator.Version v = new TierGenerator(800_000L + seed).version(new PolicyGenerator(900_000L + seed));
            Random rnd = new Random(seed);
            Samples samples = TiersVsOracleTest.samples(seed, v.policies());
            Assertion a = assertion(rnd, samples);
            AssertionResult r = new AssertionChecker(TiersVsOracleTest.manifests(v), AnalysisOptions.defaults()).check(a);
            TierOracle oracle = new TierOracle(new Oracle(v.policies()), v.tierPolicies());
            verdicts.judge(seed, a, r, v.declared(), rnd, samples,
                    c -> new Witness(TiersVsOracleTest.world(c.source(), samples),
                            TiersVsOracleTest.world(c.destination(), samples), c.protocol(), c.port()),
                    w -> holds(a, oracle, anyIp(w)));
        }
        verdicts.assertAgreed();
    }

    /**
     * Checks verdicts against an oracle: a counterexample must lie in the description and break the expectation; a
     * passed assertion must survive every drawn connection (in a drawn world); a vacuous one must have none.
     */
    private static final class Verdicts {
        private final List<String> disagreements = new ArrayList<>();
        private int passed;
        private int failed;

        void judge(int seed, Assertion a, AssertionResult r, Map<String, Map<String, String>> fixed, Random rnd,
                   Samples samples, java.util.function.UnaryOperator<Witness> world,
                   java.util.function.Predicate<Witness> holds) {
            if (r.passed()) {
                passed++;
            } else {
                failed++;
            }
            if (r.counterexample() != null) {
                Witness w = r.counterexample();
                if (!inside(a, w, fixed) || holds.test(w)) {
                    disagreements.add("seed " + seed + " counterexample " + w + " for " + a.describe() + " "
                            + a.expect() + ": " + r.message());
                }
                return;
            }
            for (int i = 0; i < DRAWS; i++) {
                Witness drawn = draw(rnd, a, fixed, samples);
                if (drawn == null) {
                    continue;
                }
                Witness c = world.apply(drawn);
                if (!r.passed() || !holds.test(c)) {
                    disagreements.add("seed " + seed + " " + (r.passed() ? "passed" : "vacuous") + " but "
                            + c + " breaks " + a.describe() + " " + a.expect());
                    return;
                }
            }
        }

        void assertAgreed() {
            assertThat(disagreements).isEmpty();
            assertThat(passed).as("assertions that hold").isGreaterThan(CASES / 10);
            assertThat(failed).as("assertions that fail").isGreaterThan(CASES / 10);
        }
    }

    /** Whether the expectation holds on this connection for every choice (allowed) or for none (denied). */
    private static boolean holds(Assertion a, TierOracle oracle, Witness w) {
        Endpoint src = w.source();
        Endpoint dst = w.destination();
        if (a.expect() == Assertion.Expectation.ALLOWED) {
            return (!(src instanceof Endpoint.Pod s) || oracle.certainlyAllows(false, s, dst, w.protocol(), w.port()))
                    && (!(dst instanceof Endpoint.Pod d) || oracle.certainlyAllows(true, d, src, w.protocol(), w.port()));
        }
        return !((!(src instanceof Endpoint.Pod s) || oracle.possiblyAllows(false, s, dst, w.protocol(), w.port()))
                && (!(dst instanceof Endpoint.Pod d) || oracle.possiblyAllows(true, d, src, w.protocol(), w.port())));
    }

    /** A witness that states no pod IP holds for any: one is as good as another. */
    private static Witness anyIp(Witness w) {
        return new Witness(anyIp(w.source()), anyIp(w.destination()), w.protocol(), w.port());
    }

    private static Endpoint anyIp(Endpoint e) {
        return e instanceof Endpoint.Pod p && p.ip() == null
                ? new Endpoint.Pod(p.namespace(), p.namespaceLabels(), p.podLabels(), p.namedPorts(), p.workload(),
                "0.0.0.0", p.domainNames())
                : e;
    }

    private static Assertion assertion(Random rnd, Samples samples) {
        EndpointSpec from = endpoint(rnd, rnd.nextInt(6) == 0);
        EndpointSpec to = endpoint(rnd, !(from instanceof EndpointSpec.Addresses) && rnd.nextInt(5) == 0);
        PortSpec ports = switch (rnd.nextInt(3)) {
            case 0 -> PortSpec.any();
            case 1 -> {
                int p = samples.ports().get(rnd.nextInt(samples.ports().size()));
                yield new PortSpec(Set.of(PolicyGenerator.PROTOCOLS.get(rnd.nextInt(3))), IntervalSet.of(p, p));
            }
            default -> new PortSpec(Set.of("TCP"), IntervalSet.of(50, 90));
        };
        Assertion.Expectation expect = rnd.nextBoolean() ? Assertion.Expectation.ALLOWED : Assertion.Expectation.DENIED;
        return new Assertion("a", from, to, ports, expect, Assertion.Scope.UNIVERSAL, HERE);
    }

    private static EndpointSpec endpoint(Random rnd, boolean addresses) {
        if (addresses) {
            return new EndpointSpec.Addresses(CIDRS.get(rnd.nextInt(CIDRS.size())), HERE);
        }
        Map<String, String> pods = new TreeMap<>();
        for (String k : PolicyGenerator.POD_KEYS) {
            if (rnd.nextInt(3) == 0) {
                pods.put(k, PolicyGenerator.POD_VALUES.get(rnd.nextInt(2)));
            }
        }
        return switch (rnd.nextInt(3)) {
            case 0 -> new EndpointSpec.Pods(NAMESPACES.get(rnd.nextInt(NAMESPACES.size())), null, pods, HERE);
            case 1 -> new EndpointSpec.Pods(null, Map.of(PolicyGenerator.NS_KEY, PolicyGenerator.NS_VALUES.get(rnd.nextInt(2))),
                    pods, HERE);
            default -> new EndpointSpec.Pods(null, null, pods, HERE);
        };
    }

    /** Does the oracle agree with the expectation on this one connection? */
    private static boolean holds(Assertion a, Oracle oracle, Witness w) {
        boolean egress = !(w.source() instanceof Endpoint.Pod s) || oracle.egressAllows(s, w.destination(), w.protocol(), w.port());
        boolean ingress = !(w.destination() instanceof Endpoint.Pod d) || oracle.ingressAllows(d, w.source(), w.protocol(), w.port());
        return (egress && ingress) == (a.expect() == Assertion.Expectation.ALLOWED);
    }

    private static boolean inside(Assertion a, Witness w, Map<String, Map<String, String>> fixed) {
        return a.ports().protocols().contains(w.protocol()) && a.ports().ports().containsValue(BigInteger.valueOf(w.port()))
                && inside(a.from(), w.source(), fixed) && inside(a.to(), w.destination(), fixed);
    }

    private static boolean inside(EndpointSpec spec, Endpoint e, Map<String, Map<String, String>> fixed) {
        if (spec instanceof EndpointSpec.Addresses a) {
            return e instanceof Endpoint.Ip ip
                    && IpAddresses.cidr(a.cidr()).orElseThrow().containsValue(IpAddresses.address(ip.ip()).orElseThrow());
        }
        if (!(e instanceof Endpoint.Pod pod)) {
            return false;
        }
        EndpointSpec.Pods p = (EndpointSpec.Pods) spec;
        if (fixed.containsKey(pod.namespace()) && !pod.namespaceLabels().equals(withName(fixed.get(pod.namespace()), pod.namespace()))) {
            return false;
        }
        return (p.namespace() == null || p.namespace().equals(pod.namespace()))
                && pod.namespaceLabels().entrySet().containsAll((p.namespaceLabels() == null ? Map.<String, String>of() : p.namespaceLabels()).entrySet())
                && pod.podLabels().entrySet().containsAll(p.podLabels().entrySet());
    }

    /** A random connection of the description over the oracle's universe, or null when this draw found none. */
    private static Witness draw(Random rnd, Assertion a, Map<String, Map<String, String>> fixed, Samples samples) {
        List<String> protocols = new ArrayList<>(new java.util.TreeSet<>(a.ports().protocols()));
        String protocol = protocols.get(rnd.nextInt(protocols.size()));
        List<Integer> ports = samples.ports().stream().filter(p -> a.ports().ports().containsValue(BigInteger.valueOf(p))).toList();
        int port = ports.isEmpty() ? a.ports().ports().min().intValue() : ports.get(rnd.nextInt(ports.size()));
        Endpoint src = endpoint(rnd, a.from(), fixed, samples, null);
        String name = List.of("", "http", "dns").get(rnd.nextInt(3));
        Endpoint dst = endpoint(rnd, a.to(), fixed, samples, name.isEmpty() ? null : new NamedPort(name, protocol, port));
        if (src == null || dst == null) {
            return null;
        }
        if (src instanceof Endpoint.Pod s && dst instanceof Endpoint.Pod d && s.namespace().equals(d.namespace())) {
            // one namespace has one set of labels
            dst = new Endpoint.Pod(d.namespace(), s.namespaceLabels(), d.podLabels(), d.namedPorts());
        }
        Witness w = new Witness(src, dst, protocol, port);
        return inside(a, w, fixed) ? w : null;
    }

    private static Endpoint endpoint(Random rnd, EndpointSpec spec, Map<String, Map<String, String>> fixed, Samples samples,
                                     NamedPort named) {
        if (spec instanceof EndpointSpec.Addresses) {
            return new Endpoint.Ip(samples.ips().get(rnd.nextInt(samples.ips().size())));
        }
        EndpointSpec.Pods p = (EndpointSpec.Pods) spec;
        String ns = p.namespace() != null ? p.namespace() : NAMESPACES.get(rnd.nextInt(NAMESPACES.size()));
        Map<String, String> nsLabels = new HashMap<>();
        if (fixed.containsKey(ns)) {
            nsLabels.putAll(fixed.get(ns));
        } else if (p.namespaceLabels() != null) {
            nsLabels.putAll(p.namespaceLabels());
        } else {
            String env = ENV.get(rnd.nextInt(ENV.size()));
            if (!env.isEmpty()) {
                nsLabels.put(PolicyGenerator.NS_KEY, env);
            }
        }
        Map<String, String> labels = new HashMap<>(p.podLabels());
        for (String k : PolicyGenerator.POD_KEYS) {
            String value = VALUES.get(rnd.nextInt(VALUES.size()));
            if (!labels.containsKey(k) && !value.isEmpty()) {
                labels.put(k, value);
            }
        }
        return new Endpoint.Pod(ns, withName(nsLabels, ns), labels, named == null ? List.of() : List.of(named));
    }

    private static Map<String, String> withName(Map<String, String> labels, String ns) {
        Map<String, String> out = new HashMap<>(labels);
        out.put(NamespaceManifest.NAME_LABEL, ns);
        return out;
    }

    private static ManifestSet manifests(PolicyGenerator.Version v) {
        List<PolicyManifest> policies = v.policies().stream()
                .map(p -> new PolicyManifest(p.np(), p.namespace(), false, Fixtures.ORIGIN)).toList();
        List<NamespaceManifest> namespaces = v.declared().entrySet().stream()
                .map(e -> Fixtures.namespace(e.getKey(), e.getValue())).toList();
        return Fixtures.set(policies, namespaces);
    }

    static {
        // the draws reach every distinction only if the generator's vocabulary is the one sampled here
        assertThat(Dim.PROTOCOLS).containsExactlyInAnyOrderElementsOf(PolicyGenerator.PROTOCOLS);
    }
}
