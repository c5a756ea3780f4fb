package io.github.netpol.analysis.connectivity;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicySpec;
import io.github.netpol.analysis.AnalysisOptions;
import io.github.netpol.analysis.IntervalSet;
import io.github.netpol.analysis.IpAddresses;
import io.github.netpol.analysis.LabelSelectors;
import io.github.netpol.analysis.NamespaceUniverse;
import io.github.netpol.analysis.PolicyTypes;
import io.github.netpol.analysis.ValueSet;
import io.github.netpol.finding.Direction;
import io.github.netpol.model.ContainerPort;
import io.github.netpol.model.ManifestSet;
import io.github.netpol.model.PolicyManifest;
import io.github.netpol.model.WorkloadManifest;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Connectivity of the declared workloads: for every ordered pair of distinct workloads, and between
 * each workload and the external address ranges, the ports that both the source's egress side and
 * the destination's ingress side allow. A workload's pods carry its pod-template labels and live in
 * a namespace with its declared labels (or only its name label when it is not declared). External
 * ranges are the address space cut at every ipBlock boundary, adjacent ranges with the same ports
 * merged per workload; IPv6 appears only when some ipBlock is IPv6. Pod addresses are not modelled:
 * ipBlocks never match workloads (SPEC).
 */
public final class WorkloadConnectivity {

    private final NamespaceUniverse universe;
    private final Map<String, List<Compiled>> policiesByNamespace = new TreeMap<>();
    private final TreeSet<BigInteger> cuts = new TreeSet<>();

    private WorkloadConnectivity(ManifestSet set, NamespaceUniverse universe) {
        this.universe = universe;
        for (PolicyManifest p : set.policies()) {
            policiesByNamespace.computeIfAbsent(p.namespace(), k -> new ArrayList<>()).add(compile(p));
        }
    }

    public static ConnectivityResult compute(ManifestSet set, AnalysisOptions options) {
        return new WorkloadConnectivity(set, NamespaceUniverse.of(set, options)).run(set.workloads(), w -> true);
    }

    /**
     * Only the connections that start or end at a workload {@code focus} accepts, with an explicit
     * namespace universe (e.g. {@link NamespaceUniverse#comparing} when two versions are compared).
     * Work grows with the focus times all workloads instead of all workloads squared.
     */
    public static ConnectivityResult compute(ManifestSet set, NamespaceUniverse universe,
                                             Predicate<WorkloadManifest> focus) {
        return new WorkloadConnectivity(set, universe).run(set.workloads(), focus);
    }

    private ConnectivityResult run(List<WorkloadManifest> workloads, Predicate<WorkloadManifest> focus) {
        List<Gates> gates = workloads.stream().map(this::gates).toList();
        boolean[] inFocus = new boolean[workloads.size()];
        List<Integer> focused = new ArrayList<>();
        for (int w = 0; w < workloads.size(); w++) {
            inFocus[w] = focus.test(workloads.get(w));
            if (inFocus[w]) {
                focused.add(w);
            }
        }
        List<Connection> out = new ArrayList<>();
        // pairs with a focused source, then pairs with only the destination focused: work grows with
        // the focus times all workloads, not with all workloads squared
        for (int s : focused) {
            for (int d = 0; d < workloads.size(); d++) {
                pair(workloads, gates, s, d, out);
            }
        }
        for (int d : focused) {
            for (int s = 0; s < workloads.size(); s++) {
                if (!inFocus[s]) {
                    pair(workloads, gates, s, d, out);
                }
            }
        }
        List<BigInteger[]> segments = segments();
        for (int w : focused) {
            external(segments, new Node.Workload(workloads.get(w)), gates.get(w), out);
        }
        // each text once: tens of thousands of lines when many ipBlocks cut the address space
        List<Connection> sorted = out.stream().map(c -> Map.entry(c.text(), c)).sorted(Map.Entry.comparingByKey())
                .map(Map.Entry::getValue).toList();
        return new ConnectivityResult(workloads, sorted);
    }

    private static void pair(List<WorkloadManifest> workloads, List<Gates> gates, int s, int d, List<Connection> out) {
        if (s == d) {
            return;
        }
        PortSet ports = gates.get(s).egress().allowed(workloads.get(d))
                .intersect(gates.get(d).ingress().allowed(workloads.get(s)));
        if (!ports.isEmpty()) {
            out.add(new Connection(new Node.Workload(workloads.get(s)), new Node.Workload(workloads.get(d)), ports));
        }
    }

    /** The external ranges a workload reaches (egress) or is reached from (ingress), adjacent equal ranges merged. */
    private static void external(List<BigInteger[]> segments, Node self, Gates gates, List<Connection> out) {
        for (Direction dir : Direction.values()) {
            PortSet[] allowed = (dir == Direction.EGRESS ? gates.egress() : gates.ingress()).allowedPerSegment(segments);
            BigInteger first = null;
            BigInteger last = null;
            PortSet current = null;
            for (int i = 0; i < segments.size(); i++) {
                BigInteger[] seg = segments.get(i);
                PortSet ports = allowed[i];
                boolean adjacent = last != null && last.add(BigInteger.ONE).equals(seg[0]);
                if (current != null && adjacent && ports.equals(current)) {
                    last = seg[1];
                    continue;
                }
                emit(self, dir, first, last, current, out);
                first = seg[0];
                last = seg[1];
                current = ports;
            }
            emit(self, dir, first, last, current, out);
        }
    }

    /** The index of the first segment whose last address is at least {@code point}. */
    private static int firstEndingAtOrAfter(List<BigInteger[]> segments, BigInteger point) {
        int lo = 0;
        int hi = segments.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (segments.get(mid)[1].compareTo(point) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static void emit(Node self, Direction dir, BigInteger first, BigInteger last, PortSet ports, List<Connection> out) {
        if (ports == null || ports.isEmpty()) {
            return;
        }
        Node range = new Node.External(first, last);
        out.add(dir == Direction.EGRESS ? new Connection(self, range, ports) : new Connection(range, self, ports));
    }

    /** The address space cut at every ipBlock boundary, as [first, last] pairs in address order. */
    private List<BigInteger[]> segments() {
        List<BigInteger[]> out = new ArrayList<>();
        boolean v6 = cuts.stream().anyMatch(c -> !IpAddresses.isV4(c) && !c.equals(IpAddresses.ALL_V6.min()));
        addSegments(IpAddresses.ALL_V4, out);
        if (v6) {
            addSegments(IpAddresses.ALL_V6, out);
        }
        return out;
    }

    private void addSegments(IntervalSet family, List<BigInteger[]> out) {
        BigInteger lo = family.min();
        BigInteger end = family.ranges().get(0).hi();
        for (BigInteger cut : cuts.subSet(lo, false, end, true)) {
            out.add(new BigInteger[] {lo, cut.subtract(BigInteger.ONE)});
            lo = cut;
        }
        out.add(new BigInteger[] {lo, end});
    }

    private Gates gates(WorkloadManifest w) {
        return new Gates(gate(w, Direction.INGRESS), gate(w, Direction.EGRESS));
    }

    private Gate gate(WorkloadManifest w, Direction dir) {
        boolean isolated = false;
        List<CompiledRule> rules = new ArrayList<>();
        for (Compiled p : policiesByNamespace.getOrDefault(w.namespace(), List.of())) {
            if (p.types().contains(dir) && LabelSelectors.matches(p.podSelector(), w.podLabels())) {
                isolated = true;
                rules.addAll(dir == Direction.INGRESS ? p.ingress() : p.egress());
            }
        }
        return new Gate(dir, w, isolated, rules);
    }

    private Compiled compile(PolicyManifest pm) {
        NetworkPolicySpec spec = pm.policy().getSpec() == null ? new NetworkPolicySpec() : pm.policy().getSpec();
        List<CompiledRule> ingress = new ArrayList<>();
        for (NetworkPolicyIngressRule r : nonNull(spec.getIngress())) {
            ingress.add(new CompiledRule(pm.namespace(), peers(nonNull(r.getFrom())), nonNull(r.getPorts())));
        }
        List<CompiledRule> egress = new ArrayList<>();
        for (NetworkPolicyEgressRule r : nonNull(spec.getEgress())) {
            egress.add(new CompiledRule(pm.namespace(), peers(nonNull(r.getTo())), nonNull(r.getPorts())));
        }
        return new Compiled(PolicyTypes.effective(pm.policy()), LabelSelectors.constraints(spec.getPodSelector()),
                ingress, egress);
    }

    private List<CompiledPeer> peers(List<NetworkPolicyPeer> peers) {
        List<CompiledPeer> out = new ArrayList<>();
        for (NetworkPolicyPeer p : peers) {
            IntervalSet ips = null;
            if (p.getIpBlock() != null) {
                ips = IpAddresses.cidr(p.getIpBlock().getCidr()).orElse(IntervalSet.empty());
                for (String e : nonNull(p.getIpBlock().getExcept())) {
                    ips = ips.minus(IpAddresses.cidr(e).orElse(IntervalSet.empty()));
                }
                addCuts(p.getIpBlock().getCidr());
                nonNull(p.getIpBlock().getExcept()).forEach(this::addCuts);
            }
            boolean valid = ips != null || p.getPodSelector() != null || p.getNamespaceSelector() != null;
            out.add(new CompiledPeer(valid, ips,
                    p.getNamespaceSelector() == null ? null : LabelSelectors.constraints(p.getNamespaceSelector()),
                    LabelSelectors.constraints(p.getPodSelector())));
        }
        return out;
    }

    private void addCuts(String cidr) {
        IpAddresses.cidr(cidr).ifPresent(set -> set.ranges().forEach(r -> {
            cuts.add(r.lo());
            cuts.add(r.hi().add(BigInteger.ONE));
        }));
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list.stream().filter(java.util.Objects::nonNull).toList();
    }

    private record Compiled(Set<Direction> types, Map<String, ValueSet> podSelector,
                            List<CompiledRule> ingress, List<CompiledRule> egress) {
    }

    private record CompiledRule(String namespace, List<CompiledPeer> peers, List<NetworkPolicyPort> ports) {
    }

    /** {@code namespaceSelector == null}: the policy's own namespace; {@code ips != null}: an ipBlock. */
    private record CompiledPeer(boolean valid, IntervalSet ips, Map<String, ValueSet> namespaceSelector,
                                Map<String, ValueSet> podSelector) {
    }

    private record Gates(Gate ingress, Gate egress) {
    }

    private record AddressRule(IntervalSet ips, PortSet ports) {
    }

    /** One side of one workload: the rules of the policies that select it for the direction. */
    private final class Gate {
        private final Direction direction;
        private final WorkloadManifest self;
        private final boolean isolated;
        private final List<CompiledRule> rules;
        /** Per rule that lets addresses through: which addresses and which ports (fixed for addresses). */
        private final List<AddressRule> addressRules = new ArrayList<>();

        Gate(Direction direction, WorkloadManifest self, boolean isolated, List<CompiledRule> rules) {
            this.direction = direction;
            this.self = self;
            this.isolated = isolated;
            this.rules = rules;
            // computed once: the external ranges are many, and a rule's ports do not depend on the address
            WorkloadManifest destination = direction == Direction.INGRESS ? self : null;
            for (CompiledRule r : rules) {
                IntervalSet ips = r.peers().isEmpty() ? IpAddresses.ALL : IntervalSet.empty();
                for (CompiledPeer p : r.peers()) {
                    if (p.valid() && p.ips() != null) {
                        ips = ips.union(p.ips());
                    }
                }
                if (!ips.isEmpty()) {
                    addressRules.add(new AddressRule(ips, ports(r.ports(), destination)));
                }
            }
        }

        /**
         * Ports allowed with the addresses of each segment. Segments are cut at every ipBlock boundary, so a
         * rule's address ranges are whole runs of segments: each rule marks its runs (no per-segment search).
         */
        PortSet[] allowedPerSegment(List<BigInteger[]> segments) {
            PortSet[] out = new PortSet[segments.size()];
            Arrays.fill(out, isolated ? PortSet.none() : PortSet.all());
            if (!isolated) {
                return out;
            }
            for (AddressRule r : addressRules) {
                for (IntervalSet.Range range : r.ips().ranges()) {
                    for (int i = firstEndingAtOrAfter(segments, range.lo());
                         i < segments.size() && segments.get(i)[0].compareTo(range.hi()) <= 0; i++) {
                        out[i] = out[i].union(r.ports());
                    }
                }
            }
            return out;
        }

        /** Ports allowed with a peer workload. */
        PortSet allowed(WorkloadManifest peer) {
            if (!isolated) {
                return PortSet.all();
            }
            WorkloadManifest destination = direction == Direction.INGRESS ? self : peer;
            PortSet out = PortSet.none();
            for (CompiledRule r : rules) {
                if (r.peers().isEmpty() || r.peers().stream().anyMatch(p -> matches(p, r.namespace(), peer))) {
                    out = out.union(ports(r.ports(), destination));
                }
            }
            return out;
        }

        /** ipBlocks never match a workload: pod addresses are not modelled (SPEC). */
        private boolean matches(CompiledPeer p, String policyNamespace, WorkloadManifest peer) {
            if (!p.valid() || p.ips() != null) {
                return false;
            }
            boolean ns = p.namespaceSelector() == null
                    ? peer.namespace().equals(policyNamespace)
                    : LabelSelectors.matches(p.namespaceSelector(), universe.labelsOf(peer.namespace()));
            return ns && LabelSelectors.matches(p.podSelector(), peer.podLabels());
        }
    }

    /** The ports of a rule, named ports resolved against the destination workload (none for an address). */
    static PortSet ports(List<NetworkPolicyPort> ports, WorkloadManifest destination) {
        if (ports.isEmpty()) {
            return PortSet.all();
        }
        PortSet out = PortSet.none();
        for (NetworkPolicyPort p : ports) {
            String protocol = p.getProtocol() == null ? "TCP" : p.getProtocol();
            IntOrString port = p.getPort();
            if (port == null) {
                out = out.union(PortSet.of(protocol, IntervalSet.of(1, 65535)));
            } else if (port.getIntVal() != null) {
                int hi = p.getEndPort() == null ? port.getIntVal() : p.getEndPort();
                out = out.union(PortSet.of(protocol, IntervalSet.of(port.getIntVal(), hi)));
            } else if (destination != null) {
                for (ContainerPort cp : destination.ports()) {
                    String cpProtocol = cp.protocol() == null ? "TCP" : cp.protocol();
                    if (port.getStrVal().equals(cp.name()) && protocol.equals(cpProtocol)) {
                        out = out.union(PortSet.of(protocol, IntervalSet.of(cp.port(), cp.port())));
                    }
                }
            }
        }
        return out.intersect(PortSet.all());
    }
}
