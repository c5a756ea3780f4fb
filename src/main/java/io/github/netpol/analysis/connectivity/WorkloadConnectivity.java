package io.github.netpol.analysis.connectivity;

import io.github.netpol.analysis.AnalysisOptions;
import io.github.netpol.analysis.IntervalSet;
import io.github.netpol.analysis.IpAddresses;
import io.github.netpol.analysis.LabelSelectors;
import io.github.netpol.analysis.NamespaceUniverse;
import io.github.netpol.analysis.PolicyAnalyzer;
import io.github.netpol.analysis.CiliumRules;
import io.github.netpol.analysis.Tiers;
import io.github.netpol.analysis.ValueSet;
import io.github.netpol.finding.Direction;
import io.github.netpol.model.ContainerPort;
import io.github.netpol.model.ManifestSet;
import io.github.netpol.model.PolicyManifest;
import io.github.netpol.model.WorkloadManifest;
import io.github.netpol.model.semantics.Cidr;
import io.github.netpol.model.semantics.EffectivePolicy;
import io.github.netpol.model.semantics.Peer;
import io.github.netpol.model.semantics.PolicyPort;
import io.github.netpol.model.semantics.PolicyRule;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
 * <p>
 * With tier policies each side goes through the Admin tier, the NetworkPolicies and the Baseline tier
 * ({@link TierSides}), the address space is cut at every {@code networks} boundary too, and each connection carries
 * its {@link Verdict}s: which ports every open choice allows, which only some, and what decided each side.
 */
public final class WorkloadConnectivity {

    private final NamespaceUniverse universe;
    private final List<WorkloadManifest> workloads;
    /** Per workload, the index of its namespace in {@link #namespaceLabels}. */
    private final int[] namespaceOf;
    private final Map<String, Integer> namespaceIndex = new HashMap<>();
    private final List<Map<String, String>> namespaceLabels = new ArrayList<>();
    /** The policies of each namespace, compiled on first use: a focused run needs few namespaces of many. */
    private final Map<String, List<PolicyManifest>> policiesByNamespace = new HashMap<>();
    private final Map<String, List<Compiled>> compiledByNamespace = new HashMap<>();
    /** One per distinct namespaceSelector: its verdict only depends on the namespace, so each is decided once. */
    private final Map<Map<String, ValueSet>, NamespaceSelection> namespaceSelections = new HashMap<>();
    private final TreeSet<BigInteger> cuts = new TreeSet<>();
    /**
     * Whether an ipBlock of any policy, compiled or not, cuts the IPv6 space: the IPv6 addresses are listed then,
     * whichever namespaces a focused run compiles.
     */
    private final boolean anyV6Block;
    /** Built on first use: with a focus, most workloads' sides are never consulted. */
    private final WorkloadSide[] ingress;
    private final WorkloadSide[] egress;

    /** The tiers' side evaluation, or {@code null} for a version without tier policies. */
    private final TierSides tiers;

    private WorkloadConnectivity(ManifestSet set, NamespaceUniverse universe, AnalysisOptions options) {
        this.universe = universe;
        this.workloads = set.workloads();
        this.namespaceOf = new int[workloads.size()];
        for (int w = 0; w < workloads.size(); w++) {
            namespaceOf[w] = namespaceIndex.computeIfAbsent(workloads.get(w).namespace(), ns -> {
                namespaceLabels.add(universe.labelsOf(ns));
                return namespaceLabels.size() - 1;
            });
        }
        this.ingress = new WorkloadSide[workloads.size()];
        this.egress = new WorkloadSide[workloads.size()];
        boolean v6 = false;
        for (PolicyManifest p : set.policies()) {
            policiesByNamespace.computeIfAbsent(p.namespace(), k -> new ArrayList<>()).add(p);
            v6 = v6 || namesV6(EffectivePolicy.of(p));
        }
        this.anyV6Block = v6;
        Tiers t = Tiers.of(set);
        this.tiers = t.isEmpty() ? null : new TierSides(t, options.podAddresses());
        if (tiers != null) {
            tiers.networks().forEach(this::cutAt);
        }
    }

    /**
     * Whether this computation covers everything that decides the version's connectivity: NetworkPolicies, the
     * Admin and Baseline tiers and the Cilium policies the analysis reads; callers must not present its result for a
     * version with a Cilium policy the analysis refuses ({@link #uncovered} says which).
     */
    public static boolean covers(ManifestSet set) {
        return uncovered(set).isEmpty();
    }

    /**
     * What this computation does not evaluate in a version, in words for a message naming the first such object
     * and where it is: empty when it covers the version.
     */
    public static Optional<String> uncovered(ManifestSet set) {
        if (set.ciliumPolicies().isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> refused = CiliumRules.of(set).refused();
        if (!refused.isEmpty()) {
            var first = refused.entrySet().iterator().next();
            return Optional.of(refused.size() + " Cilium policy object(s) the analysis does not read (first: "
                    + first.getKey() + ": " + first.getValue() + "), which");
        }
        return Optional.empty();
    }

    public static ConnectivityResult compute(ManifestSet set, AnalysisOptions options) {
        return compute(set, NamespaceUniverse.of(set, options), options, w -> true);
    }

    /**
     * Only the connections that start or end at a workload {@code focus} accepts, with an explicit
     * namespace universe (e.g. {@link NamespaceUniverse#compared} when two versions are compared).
     * Work grows with the focus times all workloads instead of all workloads squared.
     */
    public static ConnectivityResult compute(ManifestSet set, NamespaceUniverse universe, AnalysisOptions options,
                                             Predicate<WorkloadManifest> focus) {
        if (!set.ciliumPolicies().isEmpty()) {
            // Cilium policies are read by the side analysis only: the connections come from its regions
            return new CiliumConnectivity(PolicyAnalyzer.analyze(set, universe), set.workloads()).run(focus);
        }
        return new WorkloadConnectivity(set, universe, options).run(focus);
    }

    private ConnectivityResult run(Predicate<WorkloadManifest> focus) {
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
        // the focus times all workloads, not with all workloads squared. The focused workload's side is
        // asked first: most peers get nothing from it, and then the peer's side need not be built at all.
        for (int s : focused) {
            for (int d = 0; d < workloads.size(); d++) {
                if (s != d) {
                    if (tiers != null) {
                        tierPair(s, d, out);
                        continue;
                    }
                    if (!egress(s).mayAdmit(namespaceOf[d])) {
                        continue;
                    }
                    PortSet out1 = egress(s).allowed(d);
                    pair(s, d, out1, out1.isEmpty() ? out1 : ingress(d).allowed(s), out);
                }
            }
        }
        for (int d : focused) {
            for (int s = 0; s < workloads.size(); s++) {
                if (!inFocus[s]) {
                    if (tiers != null) {
                        tierPair(s, d, out);
                        continue;
                    }
                    if (!ingress(d).mayAdmit(namespaceOf[s])) {
                        continue;
                    }
                    PortSet in = ingress(d).allowed(s);
                    pair(s, d, in.isEmpty() ? in : egress(s).allowed(d), in, out);
                }
            }
        }
        // the address segments need the cuts of every policy a focused workload's sides read: compile them first
        focused.forEach(w -> compiled(workloads.get(w).namespace()));
        List<BigInteger[]> segments = segments();
        for (int w : focused) {
            if (tiers != null) {
                tierExternal(segments, w, out);
            } else {
                external(segments, new Node.Workload(workloads.get(w)), ingress(w), egress(w), out);
            }
        }
        // each text once: tens of thousands of lines when many ipBlocks cut the address space
        List<Connection> sorted = out.stream().map(c -> Map.entry(c.text(), c)).sorted(Map.Entry.comparingByKey())
                .map(Map.Entry::getValue).toList();
        return new ConnectivityResult(workloads, sorted, tiers != null);
    }

    /** A pair through the tiers: per piece of ports, both sides possibly allow it; certain where both certainly do. */
    private void tierPair(int s, int d, List<Connection> out) {
        List<TierSides.Part> egressParts = tierSide(Direction.EGRESS, s, workloadEnd(d), egress(s).allowed(d));
        if (egressParts.isEmpty()) {
            return;
        }
        List<TierSides.Part> ingressParts = tierSide(Direction.INGRESS, d, workloadEnd(s), ingress(d).allowed(s));
        List<Verdict> verdicts = new ArrayList<>();
        for (TierSides.Part e : egressParts) {
            for (TierSides.Part i : ingressParts) {
                PortSet both = e.ports().intersect(i.ports());
                if (!both.isEmpty()) {
                    verdicts.add(new Verdict(both, e.certain() && i.certain(), e.decidedBy(), i.decidedBy()));
                }
            }
        }
        if (!verdicts.isEmpty()) {
            out.add(tierConnection(new Node.Workload(workloads.get(s)), new Node.Workload(workloads.get(d)), verdicts));
        }
    }

    private static Connection tierConnection(Node source, Node destination, List<Verdict> verdicts) {
        PortSet ports = PortSet.none();
        for (Verdict v : verdicts) {
            ports = ports.union(v.ports());
        }
        List<Verdict> sorted = verdicts.stream().sorted(java.util.Comparator.comparing((Verdict v) -> !v.certain())
                .thenComparing(Verdict::text)).toList();
        return new Connection(source, destination, ports, sorted);
    }

    private TierSides.End workloadEnd(int w) {
        return new TierSides.End(workloads.get(w), namespaceLabels.get(namespaceOf[w]), null);
    }

    private List<TierSides.Part> tierSide(Direction direction, int local, TierSides.End peer, PortSet allowed) {
        WorkloadSide side = direction == Direction.EGRESS ? egress(local) : ingress(local);
        return tiers.side(direction, workloads.get(local), namespaceLabels.get(namespaceOf[local]), peer,
                new TierSides.NetworkPolicies(side.isolated, allowed, side.policyNames()));
    }

    /**
     * The external ranges a workload reaches or is reached from through the tiers, adjacent ranges decided alike
     * merged. Segments are cut at every ipBlock and {@code networks} boundary, so each is decided alike throughout.
     */
    private void tierExternal(List<BigInteger[]> segments, int w, List<Connection> out) {
        Node self = new Node.Workload(workloads.get(w));
        for (Direction dir : Direction.values()) {
            WorkloadSide side = dir == Direction.EGRESS ? egress(w) : ingress(w);
            PortSet[] allowed = side.allowedPerSegment(segments);
            runs(segments, i -> {
                List<Verdict> verdicts = new ArrayList<>();
                for (TierSides.Part p : tierSide(dir, w, new TierSides.End(null, Map.of(), segments.get(i)[0]), allowed[i])) {
                    verdicts.add(new Verdict(p.ports(), p.certain(), dir == Direction.EGRESS ? p.decidedBy() : null,
                            dir == Direction.INGRESS ? p.decidedBy() : null));
                }
                return verdicts;
            }, (first, last, verdicts) -> emitTier(self, dir, first, last, verdicts, out));
        }
    }

    /** Receives one run of adjacent segments with equal values. */
    private interface RunSink<T> {
        void accept(BigInteger first, BigInteger last, T value);
    }

    /** The segments in address order, adjacent ones with equal values merged into one run each. */
    private static <T> void runs(List<BigInteger[]> segments, java.util.function.IntFunction<T> valueAt, RunSink<T> sink) {
        BigInteger first = null;
        BigInteger last = null;
        T current = null;
        for (int i = 0; i < segments.size(); i++) {
            BigInteger[] seg = segments.get(i);
            T value = valueAt.apply(i);
            boolean adjacent = last != null && last.add(BigInteger.ONE).equals(seg[0]);
            if (current != null && adjacent && value.equals(current)) {
                last = seg[1];
                continue;
            }
            if (current != null) {
                sink.accept(first, last, current);
            }
            first = seg[0];
            last = seg[1];
            current = value;
        }
        if (current != null) {
            sink.accept(first, last, current);
        }
    }

    private static void emitTier(Node self, Direction dir, BigInteger first, BigInteger last, List<Verdict> verdicts,
                                 List<Connection> out) {
        if (verdicts.isEmpty()) {
            return;
        }
        Node range = new Node.External(first, last);
        out.add(dir == Direction.EGRESS ? tierConnection(self, range, verdicts) : tierConnection(range, self, verdicts));
    }

    private void pair(int s, int d, PortSet egressPorts, PortSet ingressPorts, List<Connection> out) {
        if (egressPorts.isEmpty() || ingressPorts.isEmpty()) {
            return;
        }
        PortSet ports = egressPorts.intersect(ingressPorts);
        if (!ports.isEmpty()) {
            out.add(new Connection(new Node.Workload(workloads.get(s)), new Node.Workload(workloads.get(d)), ports));
        }
    }

    /** The external ranges a workload reaches (egress) or is reached from (ingress), adjacent equal ranges merged. */
    private static void external(List<BigInteger[]> segments, Node self, WorkloadSide ingress, WorkloadSide egress,
                                 List<Connection> out) {
        for (Direction dir : Direction.values()) {
            PortSet[] allowed = (dir == Direction.EGRESS ? egress : ingress).allowedPerSegment(segments);
            runs(segments, i -> allowed[i], (first, last, ports) -> emit(self, dir, first, last, ports, out));
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
        if (ports.isEmpty()) {
            return;
        }
        Node range = new Node.External(first, last);
        out.add(dir == Direction.EGRESS ? new Connection(self, range, ports) : new Connection(range, self, ports));
    }

    /** The address space cut at every ipBlock boundary, as [first, last] pairs in address order. */
    private List<BigInteger[]> segments() {
        List<BigInteger[]> out = new ArrayList<>();
        boolean v6 = anyV6Block || cuts.stream().anyMatch(WorkloadConnectivity::cutsV6);
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

    private WorkloadSide ingress(int w) {
        if (ingress[w] == null) {
            ingress[w] = side(w, Direction.INGRESS);
        }
        return ingress[w];
    }

    private WorkloadSide egress(int w) {
        if (egress[w] == null) {
            egress[w] = side(w, Direction.EGRESS);
        }
        return egress[w];
    }

    private WorkloadSide side(int w, Direction dir) {
        WorkloadManifest self = workloads.get(w);
        boolean isolated = false;
        List<CompiledRule> rules = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Compiled p : compiled(self.namespace())) {
            if (p.types().contains(dir) && LabelSelectors.matches(p.podSelector(), self.podLabels())) {
                isolated = true;
                rules.addAll(dir == Direction.INGRESS ? p.ingress() : p.egress());
                names.add(p.key());
            }
        }
        return new WorkloadSide(dir, self, isolated, rules, names);
    }

    /**
     * The namespace's policies, compiled. Compiling adds their ipBlocks' boundaries to the cuts; the address
     * segments are made after the namespaces of every focused workload are compiled, and equal neighbours are
     * merged, so a cut of a namespace no focused side reads changes no output.
     */
    private List<Compiled> compiled(String namespace) {
        List<Compiled> done = compiledByNamespace.get(namespace);
        if (done == null) {
            done = policiesByNamespace.getOrDefault(namespace, List.of()).stream().map(this::compile).toList();
            compiledByNamespace.put(namespace, done);
        }
        return done;
    }

    private Compiled compile(PolicyManifest pm) {
        EffectivePolicy policy = EffectivePolicy.of(pm);
        int namespace = namespaceIndex.getOrDefault(pm.namespace(), -1);
        List<CompiledRule> ingress = policy.ingress().stream().map(r -> rule(namespace, r)).toList();
        List<CompiledRule> egress = policy.egress().stream().map(r -> rule(namespace, r)).toList();
        return new Compiled(pm.key(), policy.directions(), LabelSelectors.constraints(policy.podSelector()), ingress,
                egress);
    }

    private CompiledRule rule(int namespace, PolicyRule rule) {
        boolean named = rule.ports().stream().anyMatch(PolicyPort::isNamed);
        List<CompiledPeer> peers = rule.peers().stream().map(this::peer).toList();
        return new CompiledRule(namespace, peers, rule.ports(), named ? null : ports(rule.ports(), null));
    }

    private CompiledPeer peer(Peer peer) {
        if (peer instanceof Peer.Addresses block) {
            IntervalSet ips = block.cidr().map(this::cutAt).orElse(IntervalSet.empty());
            for (Cidr e : block.except()) {
                ips = ips.minus(cutAt(e));
            }
            return new CompiledPeer(true, ips, null, Map.of());
        }
        if (peer instanceof Peer.Pods pods) {
            return new CompiledPeer(true, null,
                    pods.namespaces() == null ? null : namespaceSelection(LabelSelectors.constraints(pods.namespaces())),
                    LabelSelectors.constraints(pods.pods()));
        }
        return new CompiledPeer(false, null, null, Map.of()); // "must specify a peer": rejected, matches nothing
    }

    private NamespaceSelection namespaceSelection(Map<String, ValueSet> selector) {
        return namespaceSelections.computeIfAbsent(selector, s -> new NamespaceSelection(s, namespaceLabels));
    }

    private static boolean namesV6(EffectivePolicy policy) {
        // compiling reads the rules of both directions, whatever the policy's types
        for (Direction d : Direction.values()) {
            for (PolicyRule r : policy.rules(d)) {
                for (Peer peer : r.peers()) {
                    if (peer instanceof Peer.Addresses block && (block.cidr().map(WorkloadConnectivity::cutsV6).orElse(false)
                            || block.except().stream().anyMatch(WorkloadConnectivity::cutsV6))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean cutsV6(Cidr cidr) {
        for (IntervalSet.Range r : IpAddresses.addresses(cidr).ranges()) {
            if (cutsV6(r.lo()) || cutsV6(r.hi().add(BigInteger.ONE))) {
                return true;
            }
        }
        return false;
    }

    private static boolean cutsV6(BigInteger cut) {
        return !IpAddresses.isV4(cut) && !cut.equals(IpAddresses.ALL_V6.min());
    }

    /** The addresses of a CIDR, whose boundaries cut the address space. */
    private IntervalSet cutAt(Cidr cidr) {
        IntervalSet set = IpAddresses.addresses(cidr);
        for (IntervalSet.Range r : set.ranges()) {
            cuts.add(r.lo());
            cuts.add(r.hi().add(BigInteger.ONE));
        }
        return set;
    }

    private record Compiled(String key, Set<Direction> types, Map<String, ValueSet> podSelector,
                            List<CompiledRule> ingress, List<CompiledRule> egress) {
    }

    /**
     * {@code namespace}: the index of the policy's namespace among the workloads' namespaces, -1 when no
     * workload lives there; {@code fixedPorts}: the ports when no named port makes them depend on the
     * destination, else {@code null}.
     */
    private record CompiledRule(int namespace, List<CompiledPeer> peers, List<PolicyPort> ports,
                                PortSet fixedPorts) {

        PortSet portsTo(WorkloadManifest destination) {
            return fixedPorts != null ? fixedPorts : WorkloadConnectivity.ports(ports, destination);
        }
    }

    /**
     * {@code namespaceSelector == null}: the policy's own namespace; {@code ips != null}: an ipBlock.
     * ipBlocks never match a workload: pod addresses are not modelled (SPEC).
     */
    private record CompiledPeer(boolean valid, IntervalSet ips, NamespaceSelection namespaceSelector,
                                Map<String, ValueSet> podSelector) {

        boolean matches(int policyNamespace, int peerNamespace, Map<String, String> peerLabels) {
            return mayMatchIn(policyNamespace, peerNamespace) && LabelSelectors.matches(podSelector, peerLabels);
        }

        /** Whether some workload of namespace {@code peerNamespace} may match: everything but the pod labels. */
        boolean mayMatchIn(int policyNamespace, int peerNamespace) {
            if (!valid || ips != null) {
                return false;
            }
            return namespaceSelector == null
                    ? peerNamespace == policyNamespace
                    : namespaceSelector.matches(peerNamespace);
        }
    }

    /** Whether a namespaceSelector matches each of the workloads' namespaces, decided on first ask. */
    private static final class NamespaceSelection {
        private static final byte UNKNOWN = 0;
        private static final byte MATCHES = 1;
        private static final byte DIFFERS = 2;

        private final Map<String, ValueSet> selector;
        /** Shared with the connectivity: indexed by namespace; complete before the first question. */
        private final List<Map<String, String>> namespaceLabels;
        private byte[] verdicts;

        NamespaceSelection(Map<String, ValueSet> selector, List<Map<String, String>> namespaceLabels) {
            this.selector = selector;
            this.namespaceLabels = namespaceLabels;
        }

        boolean matches(int namespace) {
            if (verdicts == null) {
                verdicts = new byte[namespaceLabels.size()];
            }
            if (verdicts[namespace] == UNKNOWN) {
                verdicts[namespace] = LabelSelectors.matches(selector, namespaceLabels.get(namespace)) ? MATCHES : DIFFERS;
            }
            return verdicts[namespace] == MATCHES;
        }
    }

    private record AddressRule(IntervalSet ips, PortSet ports) {
    }

    /** One side of one workload: the rules of the policies that select it for the direction. */
    private final class WorkloadSide {
        private static final byte UNDECIDED = 0;
        private static final byte MAY = 1;
        private static final byte NEVER = 2;

        private final Direction direction;
        private final WorkloadManifest self;
        private final boolean isolated;
        private final List<CompiledRule> rules;
        /** The keys of the NetworkPolicies that isolate the workload in the direction. */
        private final List<String> policies;
        /** Per namespace: {@link #mayAdmit}, decided on first ask. */
        private byte[] admitsFrom;

        WorkloadSide(Direction direction, WorkloadManifest self, boolean isolated, List<CompiledRule> rules,
                     List<String> policies) {
            this.direction = direction;
            this.self = self;
            this.isolated = isolated;
            this.rules = rules;
            this.policies = policies;
        }

        /** {@code NetworkPolicy ns/a} or {@code NetworkPolicies ns/a, ns/b}: what decides when they isolate. */
        String policyNames() {
            return (policies.size() == 1 ? "NetworkPolicy " : "NetworkPolicies ") + String.join(", ", policies);
        }

        /** Per rule that lets addresses through: which addresses and which ports (fixed for addresses). */
        private List<AddressRule> addressRules() {
            List<AddressRule> out = new ArrayList<>();
            WorkloadManifest destination = direction == Direction.INGRESS ? self : null;
            for (CompiledRule r : rules) {
                IntervalSet ips = r.peers().isEmpty() ? IpAddresses.ALL : IntervalSet.empty();
                for (CompiledPeer p : r.peers()) {
                    if (p.valid() && p.ips() != null) {
                        ips = ips.union(p.ips());
                    }
                }
                if (!ips.isEmpty()) {
                    out.add(new AddressRule(ips, ports(r.ports(), destination)));
                }
            }
            return out;
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
            for (AddressRule r : addressRules()) {
                for (IntervalSet.Range range : r.ips().ranges()) {
                    for (int i = firstEndingAtOrAfter(segments, range.lo());
                         i < segments.size() && segments.get(i)[0].compareTo(range.hi()) <= 0; i++) {
                        out[i] = out[i].union(r.ports());
                    }
                }
            }
            return out;
        }

        /**
         * Whether a workload of namespace {@code namespace} may get anything from this side: when not,
         * {@link #allowed} is none for each of them, known without a label matched. A changed workload meets every
         * workload of the version, and most sides let in a few namespaces: this keeps the cost per pair to a look-up.
         */
        boolean mayAdmit(int namespace) {
            if (!isolated) {
                return true;
            }
            if (admitsFrom == null) {
                admitsFrom = new byte[namespaceLabels.size()];
            }
            if (admitsFrom[namespace] == UNDECIDED) {
                admitsFrom[namespace] = anyRuleMayAdmit(namespace) ? MAY : NEVER;
            }
            return admitsFrom[namespace] == MAY;
        }

        private boolean anyRuleMayAdmit(int namespace) {
            for (CompiledRule r : rules) {
                if (r.peers().isEmpty()) {
                    return true;
                }
                for (CompiledPeer p : r.peers()) {
                    if (p.mayMatchIn(r.namespace(), namespace)) {
                        return true;
                    }
                }
            }
            return false;
        }

        /** Ports allowed with the workload at index {@code peer}. */
        PortSet allowed(int peer) {
            if (!isolated) {
                return PortSet.all();
            }
            WorkloadManifest other = workloads.get(peer);
            WorkloadManifest destination = direction == Direction.INGRESS ? self : other;
            int peerNamespace = namespaceOf[peer];
            PortSet out = null;
            for (CompiledRule r : rules) {
                if (admits(r, peerNamespace, other.podLabels())) {
                    PortSet ports = r.portsTo(destination);
                    out = out == null ? ports : out.union(ports);
                }
            }
            return out == null ? PortSet.none() : out;
        }

        private static boolean admits(CompiledRule r, int peerNamespace, Map<String, String> peerLabels) {
            if (r.peers().isEmpty()) {
                return true;
            }
            for (CompiledPeer p : r.peers()) {
                if (p.matches(r.namespace(), peerNamespace, peerLabels)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** The ports of a rule, named ports resolved against the destination workload (none for an address). */
    static PortSet ports(List<PolicyPort> ports, WorkloadManifest destination) {
        if (ports.isEmpty()) {
            return PortSet.all();
        }
        PortSet out = PortSet.none();
        for (PolicyPort p : ports) {
            if (p.anyPort()) {
                out = out.union(PortSet.of(p.protocol(), IntervalSet.of(1, PolicyPort.MAX_PORT)));
            } else if (p.isNumeric()) {
                out = out.union(PortSet.of(p.protocol(), IntervalSet.of(p.from(), p.to())));
            } else if (destination != null) {
                for (ContainerPort cp : destination.ports()) {
                    if (p.names(cp)) {
                        // the container port's protocol: a tier rule's named port has none of its own
                        out = out.union(PortSet.of(cp.protocol(), IntervalSet.of(cp.port(), cp.port())));
                    }
                }
            }
        }
        return out.intersect(PortSet.all());
    }
}
