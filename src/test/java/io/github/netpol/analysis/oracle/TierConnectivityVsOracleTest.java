package io.github.netpol.analysis.oracle;

import io.github.netpol.analysis.AnalysisOptions;
import io.github.netpol.analysis.Fixtures;
import io.github.netpol.analysis.IntervalSet;
import io.github.netpol.analysis.IpAddresses;
import io.github.netpol.analysis.connectivity.Connection;
import io.github.netpol.analysis.connectivity.ConnectivityResult;
import io.github.netpol.analysis.connectivity.Node;
import io.github.netpol.analysis.connectivity.PortSet;
import io.github.netpol.analysis.connectivity.WorkloadConnectivity;
import io.github.netpol.finding.Endpoint;
import io.github.netpol.finding.NamedPort;
import io.github.netpol.model.ContainerPort;
import io.github.netpol.model.ManifestSet;
import io.github.netpol.model.NamespaceManifest;
import io.github.netpol.model.WorkloadManifest;
import io.github.netpol.model.semantics.Cidr;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Per-workload connectivity with the Admin and Baseline tiers against the brute-force {@link TierOracle}, on seeded
 * random ClusterNetworkPolicy / AdminNetworkPolicy / BaselineAdminNetworkPolicy + NetworkPolicy sets and random
 * workloads: for every ordered pair of workloads, and every workload with every sampled address, each protocol and
 * sampled port must be listed exactly when some world and choice lets both sides through ({@code ports}), and
 * listed as certain exactly when every world and choice does ({@code certainPorts}). Worlds are enumerated: the
 * destination pod's IP (one address of every piece the CIDRs cut, inside {@code netpol.podCidrs} when set), the
 * DNS names that reach it, whether an address is a node's and its labels.
 */
class TierConnectivityVsOracleTest {

    /** Each case enumerates every world for the oracle (2,000 take about 2.5 minutes); {@code -Dtiers.connectivity.cases=N}. */
    private static final int CASES = Integer.getInteger("tiers.connectivity.cases", 2000);
    private static final List<Integer> PORTS = List.of(1, 53, 54, 80, 443, 8080, 8081, 65535);
    private static final List<Cidr> POD_CIDRS = List.of(Cidr.parse("10.0.0.0/8").orElseThrow());

    @Test
    void connectivityMatchesTheTierOracleInEveryWorldAndChoice() {
        List<String> disagreements = new ArrayList<>();
        int possiblyOnly = 0;
        int listed = 0;
        for (int seed = 0; seed < CASES && disagreements.size() < 20; seed++) {
            PolicyGenerator nps = new PolicyGenerator(11_000_000L + seed);
            TierGenerator.Version v = new TierGenerator(31_000_000L + seed).version(nps);
            boolean podCidrs = seed % 4 == 0;
            AnalysisOptions options = new AnalysisOptions(AnalysisOptions.NamespaceLabels.DECLARED,
                    podCidrs ? POD_CIDRS : List.of());
            Random rnd = new Random(seed);
            List<WorkloadManifest> workloads = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                workloads.add(ConnectivityVsOracleTest.workload(rnd, i, PORTS));
            }
            ManifestSet m = TiersVsOracleTest.manifests(v);
            ManifestSet set = new ManifestSet(m.policies(), m.tierPolicies(), m.namespaces(), workloads);
            ConnectivityResult result = WorkloadConnectivity.compute(set, options);
            TierOracle oracle = new TierOracle(new Oracle(v.policies()), v.tierPolicies());
            String written = v.tierPolicies().toString();
            List<String> podIps = written.contains("networks") ? addresses(podCidrs) : List.of("10.9.9.9");
            List<List<String>> names = written.contains("domainNames") ? subsets(TierGenerator.DOMAIN_NAMES) : List.of(List.of());
            List<Map<String, String>> nodes = new ArrayList<>();
            nodes.add(null);
            if (written.contains("nodes")) {
                nodes.add(Map.of());
                for (String value : List.of("a", "b", "zz")) {
                    nodes.add(Map.of(TierGenerator.NODE_KEY, value));
                }
            }
            for (Connection c : result.connections()) {
                listed++;
                if (!c.certainPorts().equals(c.ports())) {
                    possiblyOnly++;
                }
            }
            for (WorkloadManifest s : workloads) {
                Endpoint.Pod src = pod(s, v, null, List.of());
                for (WorkloadManifest d : workloads) {
                    if (s == d) {
                        continue;
                    }
                    Connection c = listed(result, s.id(), d.id());
                    for (String proto : PolicyGenerator.PROTOCOLS) {
                        for (int port : PORTS) {
                            Endpoint.Pod dst = pod(d, v, null, List.of());
                            Set<Boolean> in = oracle.outcomes(true, dst, src, proto, port);
                            boolean possibly = false;
                            boolean certainly = !in.contains(false);
                            if (in.contains(true)) {
                                worlds:
                                for (String ip : podIps) {
                                    for (List<String> n : names) {
                                        Set<Boolean> out = oracle.outcomes(false, src, pod(d, v, ip, n), proto, port);
                                        possibly |= out.contains(true);
                                        certainly &= !out.contains(false);
                                        if (possibly && !certainly) {
                                            break worlds; // neither can change any more
                                        }
                                    }
                                }
                            } else {
                                certainly = false;
                            }
                            check(disagreements, "seed " + seed + " " + s.id() + " -> " + d.id() + " " + proto + " " + port,
                                    c, proto, port, possibly, certainly);
                        }
                    }
                }
                boolean v6Listed = result.connections().stream().anyMatch(x -> x.source() instanceof Node.External e
                        && !IpAddresses.isV4(e.first()) || x.destination() instanceof Node.External f && !IpAddresses.isV4(f.first()));
                TreeSet<String> externalIps = new TreeSet<>(addresses(false));
                // and a few of the NetworkPolicies' ipBlock boundaries: the tiers' address peers are what is new here
                Samples samples = new Samples(seed, v.policies());
                for (int k = 0; k < 4; k++) {
                    externalIps.add(samples.any(samples.ips()));
                }
                for (String ip : externalIps) {
                    if (!IpAddresses.isV4(IpAddresses.address(ip).orElseThrow()) && !v6Listed) {
                        continue;
                    }
                    Connection out = external(result, s.id(), ip, true);
                    Connection in = external(result, s.id(), ip, false);
                    for (String proto : PolicyGenerator.PROTOCOLS) {
                        for (int port : PORTS) {
                            boolean possibly = false;
                            boolean certainly = true;
                            worlds:
                            for (Map<String, String> node : nodes) {
                                for (List<String> n : names) {
                                    Set<Boolean> o = oracle.outcomes(false, src, new Endpoint.Ip(ip, node, n), proto, port);
                                    possibly |= o.contains(true);
                                    certainly &= !o.contains(false);
                                    if (possibly && !certainly) {
                                        break worlds;
                                    }
                                }
                            }
                            check(disagreements, "seed " + seed + " " + s.id() + " -> " + ip + " " + proto + " " + port,
                                    out, proto, port, possibly, certainly);
                            Set<Boolean> from = oracle.outcomes(true, src, new Endpoint.Ip(ip), proto, port);
                            check(disagreements, "seed " + seed + " " + ip + " -> " + s.id() + " " + proto + " " + port,
                                    in, proto, port, from.contains(true), !from.contains(false));
                        }
                    }
                }
            }
        }
        assertThat(disagreements).isEmpty();
        assertThat(listed).as("connections listed").isGreaterThan(CASES);
        assertThat(possiblyOnly).as("connections with ports only possibly allowed").isGreaterThan(CASES / 20);
    }

    private static void check(List<String> disagreements, String what, Connection c, String proto, int port,
                              boolean possibly, boolean certainly) {
        boolean listedPossibly = c != null && has(c.ports(), proto, port);
        boolean listedCertainly = c != null && has(c.certainPorts(), proto, port);
        if (possibly != listedPossibly || certainly != listedCertainly) {
            disagreements.add(what + ": oracle possibly=" + possibly + " certainly=" + certainly + ", listed possibly="
                    + listedPossibly + " certainly=" + listedCertainly + (c == null ? "" : " " + c.verdicts()));
        }
    }

    /** One address of every piece the generator's CIDRs (and the pod CIDRs) cut the address space into. */
    private static List<String> addresses(boolean podCidrsOnly) {
        TreeSet<BigInteger> points = new TreeSet<>(List.of(BigInteger.ZERO, IpAddresses.ALL_V6.min()));
        List<String> cidrs = new ArrayList<>(List.of(TierGenerator.CIDRS));
        cidrs.add("10.0.0.0/8");
        for (String c : cidrs) {
            for (IntervalSet.Range r : IpAddresses.addresses(Cidr.parse(c).orElseThrow()).ranges()) {
                // every piece begins at a boundary: its first address stands for it
                points.add(r.lo());
                points.add(r.hi().add(BigInteger.ONE).min(IpAddresses.ALL.ranges().get(0).hi()));
            }
        }
        IntervalSet pods = IpAddresses.addresses(POD_CIDRS.get(0));
        return points.stream().filter(p -> !podCidrsOnly || pods.containsValue(p)).map(IpAddresses::format).toList();
    }

    private static List<List<String>> subsets(List<String> all) {
        List<List<String>> out = new ArrayList<>();
        for (int mask = 0; mask < 1 << all.size(); mask++) {
            List<String> s = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                if ((mask & 1 << i) != 0) {
                    s.add(all.get(i));
                }
            }
            out.add(s);
        }
        return out;
    }

    private static Endpoint.Pod pod(WorkloadManifest w, TierGenerator.Version v, String ip, List<String> names) {
        Map<String, String> ns = new HashMap<>(v.declared().getOrDefault(w.namespace(), Map.of()));
        ns.put(NamespaceManifest.NAME_LABEL, w.namespace());
        List<NamedPort> named = w.ports().stream().map(p -> new NamedPort(p.name(), p.protocol(), p.port())).toList();
        return new Endpoint.Pod(w.namespace(), ns, w.podLabels(), named, w.id(), ip, names);
    }

    private static Connection listed(ConnectivityResult r, String src, String dst) {
        return r.connections().stream().filter(c -> c.source().id().equals(src) && c.destination().id().equals(dst))
                .findFirst().orElse(null);
    }

    private static Connection external(ConnectivityResult r, String workload, String ip, boolean egress) {
        BigInteger address = IpAddresses.address(ip).orElseThrow();
        Connection found = null;
        for (Connection c : r.connections()) {
            Node self = egress ? c.source() : c.destination();
            Node other = egress ? c.destination() : c.source();
            if (self.id().equals(workload) && other instanceof Node.External e
                    && e.first().compareTo(address) <= 0 && address.compareTo(e.last()) <= 0) {
                assertThat(found).as("ranges of one workload do not overlap").isNull();
                found = c;
            }
        }
        return found;
    }

    private static boolean has(PortSet set, String proto, int port) {
        IntervalSet s = set.byProtocol().get(proto);
        return s != null && s.containsValue(BigInteger.valueOf(port));
    }
}
