package io.github.netpol.analysis.oracle;

import io.github.netpol.analysis.AnalysisOptions;
import io.github.netpol.analysis.Fixtures;
import io.github.netpol.analysis.IntervalSet;
import io.github.netpol.analysis.IpAddresses;
import io.github.netpol.analysis.NamespaceUniverse;
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
import io.github.netpol.model.PolicyManifest;
import io.github.netpol.model.WorkloadManifest;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Workload connectivity against the oracle: every pair, protocol and boundary port; every boundary address. */
class ConnectivityVsOracleTest {

    @Test
    void connectivityMatchesTheOracle() {
        List<String> disagreements = new ArrayList<>();
        for (int seed = 0; seed < 500 && disagreements.size() < 20; seed++) {
            Case generated = generated(seed, 4);
            PolicyGenerator.Version v = generated.version();
            Samples samples = generated.samples();
            List<WorkloadManifest> workloads = generated.workloads();
            ConnectivityResult result = WorkloadConnectivity.compute(generated.set(), AnalysisOptions.defaults());
            Oracle oracle = new Oracle(v.policies());
            for (WorkloadManifest s : workloads) {
                for (WorkloadManifest d : workloads) {
                    if (s == d) {
                        continue;
                    }
                    PortSet listed = listed(result, s.id(), d.id());
                    for (String proto : PolicyGenerator.PROTOCOLS) {
                        for (int port : samples.ports()) {
                            boolean expected = oracle.egressAllows(pod(s, v), pod(d, v), proto, port)
                                    && oracle.ingressAllows(pod(d, v), pod(s, v), proto, port);
                            if (expected != has(listed, proto, port)) {
                                disagreements.add("seed " + seed + " " + s.id() + " -> " + d.id() + " " + proto + " " + port);
                            }
                        }
                    }
                }
                boolean v6Listed = result.connections().stream().anyMatch(c -> c.source() instanceof Node.External e
                        && !IpAddresses.isV4(e.first()) || c.destination() instanceof Node.External f && !IpAddresses.isV4(f.first()));
                for (String ip : samples.ips()) {
                    BigInteger point = IpAddresses.address(ip).orElseThrow();
                    if (!IpAddresses.isV4(point) && !v6Listed) {
                        continue;
                    }
                    PortSet out = external(result, s.id(), point, true);
                    PortSet in = external(result, s.id(), point, false);
                    for (String proto : PolicyGenerator.PROTOCOLS) {
                        for (int port : samples.ports()) {
                            if (oracle.egressAllows(pod(s, v), new Endpoint.Ip(ip), proto, port) != has(out, proto, port)
                                    || oracle.ingressAllows(pod(s, v), new Endpoint.Ip(ip), proto, port) != has(in, proto, port)) {
                                disagreements.add("seed " + seed + " " + s.id() + " <-> " + ip + " " + proto + " " + port);
                            }
                        }
                    }
                }
            }
        }
        assertThat(disagreements).isEmpty();
    }

    /** A generated policy version with its sample values and some workloads, as one manifest set. */
    private record Case(PolicyGenerator.Version version, Samples samples, List<WorkloadManifest> workloads,
                        ManifestSet set) {
    }

    private static Case generated(int seed, int workloadCount) {
        PolicyGenerator.Version v = new PolicyGenerator(900_000L + seed).version();
        Random rnd = new Random(seed);
        Samples samples = new Samples(seed, v.policies());
        List<WorkloadManifest> workloads = new ArrayList<>();
        for (int i = 0; i < workloadCount; i++) {
            workloads.add(workload(rnd, i, samples));
        }
        List<PolicyManifest> policies = v.policies().stream()
                .map(p -> new PolicyManifest(p.np(), p.namespace(), false, Fixtures.ORIGIN)).toList();
        List<NamespaceManifest> namespaces = v.declared().entrySet().stream()
                .map(e -> Fixtures.namespace(e.getKey(), e.getValue())).toList();
        return new Case(v, samples, workloads, Fixtures.set(policies, namespaces, workloads));
    }

    /**
     * With a focus, the focused workloads' sides are asked first and the others' only when needed: the
     * connections must be exactly those of the full computation that start or end at a focused workload.
     */
    @Test
    void focusedConnectivityIsTheFullConnectivityOfTheFocus() {
        for (int seed = 0; seed < 200; seed++) {
            Case generated = generated(seed, 5);
            ManifestSet set = generated.set();
            List<WorkloadManifest> workloads = generated.workloads();
            Set<String> focus = Set.of(workloads.get(0).id(), workloads.get(3).id());
            List<String> full = WorkloadConnectivity.compute(set, AnalysisOptions.defaults()).connections().stream()
                    .filter(c -> focus.contains(c.source().id()) || focus.contains(c.destination().id()))
                    .map(Connection::text).toList();
            List<String> focused = WorkloadConnectivity.compute(set, NamespaceUniverse.of(set, AnalysisOptions.defaults()), AnalysisOptions.defaults(),
                    w -> focus.contains(w.id())).connections().stream().map(Connection::text).toList();
            assertThat(focused).as("seed " + seed).isEqualTo(full);
        }
    }

    private static WorkloadManifest workload(Random rnd, int i, Samples samples) {
        return workload(rnd, i, samples.ports());
    }

    /** A workload with random labels, named container ports on some of {@code ports}, in a random namespace. */
    static WorkloadManifest workload(Random rnd, int i, List<Integer> portValues) {
        Map<String, String> labels = new HashMap<>();
        for (String k : PolicyGenerator.POD_KEYS) {
            String value = List.of("a", "b", "zz", "").get(rnd.nextInt(4));
            if (!value.isEmpty()) {
                labels.put(k, value);
            }
        }
        List<ContainerPort> ports = new ArrayList<>();
        for (String name : PolicyGenerator.PORT_NAMES) {
            if (rnd.nextBoolean()) {
                ports.add(new ContainerPort(name, PolicyGenerator.PROTOCOLS.get(rnd.nextInt(3)),
                        portValues.get(rnd.nextInt(portValues.size()))));
            }
        }
        String ns = List.of("ns1", "ns2", "ns3", Samples.FRESH_NAMESPACE).get(rnd.nextInt(4));
        return Fixtures.workload(ns, "Deployment", "w" + i, labels, ports.toArray(ContainerPort[]::new));
    }

    private static Endpoint.Pod pod(WorkloadManifest w, PolicyGenerator.Version v) {
        Map<String, String> ns = new HashMap<>(v.declared().getOrDefault(w.namespace(), Map.of()));
        ns.put(NamespaceManifest.NAME_LABEL, w.namespace());
        List<NamedPort> named = w.ports().stream().map(p -> new NamedPort(p.name(), p.protocol(), p.port())).toList();
        return new Endpoint.Pod(w.namespace(), ns, w.podLabels(), named);
    }

    private static PortSet listed(ConnectivityResult r, String src, String dst) {
        return r.connections().stream().filter(c -> c.source().id().equals(src) && c.destination().id().equals(dst))
                .map(Connection::ports).findFirst().orElse(PortSet.none());
    }

    private static PortSet external(ConnectivityResult r, String workload, BigInteger ip, boolean egress) {
        PortSet found = PortSet.none();
        int matches = 0;
        for (Connection c : r.connections()) {
            Node self = egress ? c.source() : c.destination();
            Node other = egress ? c.destination() : c.source();
            if (self.id().equals(workload) && other instanceof Node.External e
                    && e.first().compareTo(ip) <= 0 && ip.compareTo(e.last()) <= 0) {
                found = c.ports();
                matches++;
            }
        }
        assertThat(matches).as("ranges of one workload do not overlap").isLessThanOrEqualTo(1);
        return found;
    }

    private static boolean has(PortSet set, String proto, int port) {
        IntervalSet s = set.byProtocol().get(proto);
        return s != null && s.containsValue(BigInteger.valueOf(port));
    }
}
