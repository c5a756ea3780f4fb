package io.github.netpol.analysis;

import io.github.netpol.finding.Direction;
import io.github.netpol.model.NamespaceManifest;
import io.github.netpol.model.PolicyManifest;
import io.github.netpol.model.semantics.Cidr;
import io.github.netpol.model.semantics.CiliumEndpoints;
import io.github.netpol.model.semantics.EffectivePolicy;
import io.github.netpol.model.semantics.NamespaceNameIndex;
import io.github.netpol.model.semantics.Peer;
import io.github.netpol.model.semantics.PolicyPort;
import io.github.netpol.model.semantics.PolicyRule;
import io.github.netpol.model.semantics.Selector;
import io.github.netpol.model.semantics.TierPeer;
import io.github.netpol.model.semantics.TierPolicy;
import io.github.netpol.model.semantics.TierRule;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * Builds the {@link SideAnalysis} of one namespace and direction: the NetworkPolicies of that namespace, and the
 * policies of the Admin and Baseline tiers, which select pods across namespaces.
 */
public final class SideBuilder {

    /** Egress to an address: the destination has no container ports, so no port has a name. */
    private static final Cube UNNAMED_PORT = Cube.all().with(Dim.PORT_NAME, ValueSet.onlyAbsent());

    /**
     * What the sides of one version share: namespace selectors and tier rules' peers and ports resolved once per
     * frame (a side whose namespace is fixed, or the namespace itself when its labels are free), and with the other
     * version of a comparison the pool of sets its regions are built of. Thread-safe.
     */
    public static final class Cache {
        private final Map<Object, Region> namespaces = new ConcurrentHashMap<>();
        private final Map<Object, SideRegion> tierRules = new ConcurrentHashMap<>();
        private final Map<Object, SideRegion> ciliumPeers = new ConcurrentHashMap<>();
        private final SetPool sets;
        private CiliumRules indexedCilium;
        private NamespaceNameIndex<CiliumRules.Entry> ciliumIndex;

        public Cache() {
            this(new SetPool());
        }

        /** @param sets shared with the other version's cache when the two are compared */
        public Cache(SetPool sets) {
            this.sets = sets;
        }

        /** The version's Cilium rules by the namespace names they admit, made once for its sides (built on every core). */
        private synchronized NamespaceNameIndex<CiliumRules.Entry> ciliumIndex(CiliumRules rules) {
            if (indexedCilium != rules) {
                ciliumIndex = new NamespaceNameIndex<>(rules.rules(), e -> e.subject().namespaces());
                indexedCilium = rules;
            }
            return ciliumIndex;
        }
    }

    private final String namespace;
    private final Direction direction;
    private final NamespaceUniverse universe;
    private final Cache cache;
    /** {@code ""} when the namespace's labels are fixed (its sides resolve selectors alike), else the namespace. */
    private final String frame;

    public SideBuilder(String namespace, Direction direction, NamespaceUniverse universe) {
        this(namespace, direction, universe, new Cache());
    }

    /** @param cache shared between the sides of one version, where the same selectors and rules recur */
    public SideBuilder(String namespace, Direction direction, NamespaceUniverse universe, Cache cache) {
        this.namespace = namespace;
        this.direction = direction;
        this.universe = universe;
        this.cache = cache;
        this.frame = universe.isFixed(namespace) ? "" : namespace;
    }

    /** @param policies the policies of {@link #namespace} (others are ignored) */
    public SideAnalysis build(List<PolicyManifest> policies) {
        return build(policies, Tiers.none());
    }

    /**
     * @param policies the NetworkPolicies of {@link #namespace} (others are ignored)
     * @param tiers    the version's policies of the Admin and Baseline tiers
     */
    public SideAnalysis build(List<PolicyManifest> policies, Tiers tiers) {
        return build(policies, tiers, CiliumRules.none());
    }

    /**
     * @param policies the NetworkPolicies of {@link #namespace} (others are ignored)
     * @param tiers    the version's policies of the Admin and Baseline tiers
     * @param cilium   the version's Cilium policies the analysis reads (none when it has tier policies)
     */
    public SideAnalysis build(List<PolicyManifest> policies, Tiers tiers, CiliumRules cilium) {
        List<SideAnalysis.Selection> isolating = new ArrayList<>();
        List<SideAnalysis.PolicyRuleRegion> rules = new ArrayList<>();
        // the rules with ports, by policy and index: under Cilium they void L7 rules
        java.util.Set<List<Object>> portRules = new java.util.HashSet<>();
        List<Region> selections = new ArrayList<>();
        for (PolicyManifest pm : policies) {
            if (!namespace.equals(pm.namespace())) {
                continue;
            }
            EffectivePolicy policy = EffectivePolicy.of(pm);
            if (!policy.isolates(direction)) {
                continue;
            }
            Region selected = Region.of(pooledLabelCube(Dim.Kind.LOCAL_LABEL,
                    LabelSelectors.constraints(policy.podSelector())));
            isolating.add(new SideAnalysis.Selection(pm, selected));
            selections.add(selected);
            for (PolicyRule rule : policy.rules(direction)) {
                addRule(pm, rule, selected, rules);
                if (universe.cilium() && !rule.ports().isEmpty()) {
                    portRules.add(List.of(pm, rule.index()));
                }
            }
        }
        // each union once, of every part in order: the same cubes as adding them one by one, without the copies
        Region isolated = Region.union(selections);
        Region free = Region.all().minus(isolated);
        SideRegion notIsolated = side(free, free);
        List<Region> allowedPods = new ArrayList<>(rules.size() + 1);
        List<Region> allowedIps = new ArrayList<>(rules.size() + 1);
        allowedPods.add(notIsolated.pods());
        allowedIps.add(notIsolated.ips());
        for (SideAnalysis.PolicyRuleRegion r : rules) {
            allowedPods.add(r.region().pods());
            allowedIps.add(r.region().ips());
        }
        // what the NetworkPolicies alone let through: the pods they do not isolate, and every rule
        SideRegion withoutTiers = new SideRegion(direction, Region.union(allowedPods), Region.union(allowedIps));
        // on a Cilium cluster its semantics hold even where no Cilium rule selects a pod: the local host, ipBlocks
        boolean ciliumSemantics = universe.cilium() && tiers.isEmpty();
        if (tiers.isEmpty() && !ciliumSemantics) {
            return new SideAnalysis(namespace, direction, universe, isolated, isolating, notIsolated, rules,
                    TierEvaluation.none(direction, notIsolated, withoutTiers));
        }
        SideRegion networkPolicies = new SideRegion(direction,
                Region.union(allowedPods.subList(1, allowedPods.size())), Region.union(allowedIps.subList(1, allowedIps.size())));
        if (ciliumSemantics) {
            return ciliumSide(portRules, isolated, isolating, notIsolated, rules, networkPolicies, cilium);
        }
        TierOutcome admin = TierOutcome.fold(direction, tiers.admin(), this::tierRule);
        List<TierOutcome> orders = new ArrayList<>();
        for (List<List<Tiers.Entry>> order : tiers.baselineOrders()) {
            orders.add(TierOutcome.fold(direction, order, this::tierRule));
        }
        TierOutcome baseline = TierOutcome.anyOf(orders);
        return new SideAnalysis(namespace, direction, universe, isolated, isolating, notIsolated, rules,
                TierEvaluation.of(direction, admin, baseline, side(Region.all(), Region.all()), side(isolated, isolated),
                        notIsolated, networkPolicies));
    }

    /**
     * With Cilium policies: their denies, L7 rules and allows first, the NetworkPolicies (and the local host) for
     * what those leave, the Cilium default deny for the pods no NetworkPolicy isolates ({@link CiliumSides}).
     */
    private SideAnalysis ciliumSide(java.util.Set<List<Object>> portRules, Region isolated, List<SideAnalysis.Selection> isolating,
                                    SideRegion notIsolated, List<SideAnalysis.PolicyRuleRegion> rules,
                                    SideRegion networkPolicies, CiliumRules cilium) {
        SideRegion withPorts = SideRegion.empty(direction);
        SideRegion withoutPorts = SideRegion.empty(direction);
        for (SideAnalysis.PolicyRuleRegion r : rules) {
            if (portRules.contains(List.of(r.rule().policy(), r.rule().ruleIndex()))) {
                withPorts = withPorts.union(r.region());
            } else {
                withoutPorts = withoutPorts.union(r.region());
            }
        }
        CiliumSides sides = new CiliumSides(this, cilium, direction);
        TierOutcome ordered = sides.ordered(withPorts, withoutPorts);
        TierOutcome defaultDeny = sides.defaultDeny();
        SideRegion lower = networkPolicies.union(sides.localHost());
        return new SideAnalysis(namespace, direction, universe, isolated, isolating, notIsolated, rules,
                TierEvaluation.of(direction, ordered, defaultDeny, side(Region.all(), Region.all()),
                        side(isolated, isolated), notIsolated, lower));
    }

    private void addRule(PolicyManifest pm, PolicyRule rule, Region selected, List<SideAnalysis.PolicyRuleRegion> out) {
        Region local = selected.intersect(ports(rule.ports(), cache.sets));
        if (rule.allPeers()) {
            out.add(new SideAnalysis.PolicyRuleRegion(new PolicyRuleRef(pm, direction, rule.index(), -1), side(local, local)));
            return;
        }
        for (int j = 0; j < rule.peers().size(); j++) {
            Peer peer = rule.peers().get(j);
            SideRegion region;
            if (peer instanceof Peer.Addresses block) {
                Region addresses = ipBlock(block);
                if (universe.cilium()) {
                    // Cilium matches an ipBlock like a CIDR rule: only addresses without an identity of their own
                    addresses = addresses.intersect(CiliumPeerRegions.cidrMatchable());
                }
                region = side(Region.empty(), local.intersect(addresses));
            } else if (peer instanceof Peer.Pods pods) {
                region = side(local.intersect(podPeer(pods)), Region.empty());
            } else {
                region = SideRegion.empty(direction); // "must specify a peer": rejected by the API server
            }
            out.add(new SideAnalysis.PolicyRuleRegion(new PolicyRuleRef(pm, direction, rule.index(), j), region));
        }
    }

    /** What a rule of a tier policy matches on this side: its subject here, its peers and its ports. */
    private SideRegion tierRule(TierRuleRef ref) {
        Region subject = subject(ref.policy());
        if (subject.isEmpty()) {
            return SideRegion.empty(direction);
        }
        SideRegion peersAndPorts = cache.tierRules.computeIfAbsent(List.of(ref.rule(), frame, direction),
                k -> tierPeers(ref.rule()));
        return new SideRegion(direction, peersAndPorts.pods().intersect(subject), peersAndPorts.ips().intersect(subject));
    }

    /** The pods of this namespace a tier policy applies to, over the local pod's (and namespace's) labels. */
    private Region subject(TierPolicy policy) {
        return subject(policy.subject().namespaces(), policy.subject().pods());
    }

    /**
     * The pods of this namespace a Cilium {@code endpointSelector} selects, read as pods
     * ({@link CiliumEndpoints#subject}), over the local pod's (and namespace's) labels.
     */
    public Region ciliumSubject(CiliumEndpoints.Pods selection) {
        return subject(selection.namespaces(), selection.pods());
    }

    /** The pods of this namespace whose namespace and own labels match the two selectors. */
    private Region subject(Selector namespaces, Selector pods) {
        Region here = universe.localMatch(LabelSelectors.constraints(namespaces), namespace);
        return here.isEmpty() ? here
                : here.intersect(pooledLabelCube(Dim.Kind.LOCAL_LABEL, LabelSelectors.constraints(pods)));
    }

    /**
     * The peers and ports of a tier rule. A peer nothing is known of fails closed: an Accept rule matches
     * nothing by it, a Deny or Pass rule becomes "deny all" (every peer, every port).
     */
    private SideRegion tierPeers(TierRule rule) {
        if (rule.deniesAllForUnknownPeer()) {
            return side(Region.all(), Region.all());
        }
        Region pods = Region.empty();
        Region ips = Region.empty();
        for (TierPeer peer : rule.peers()) {
            if (peer instanceof TierPeer.Pods p) {
                pods = pods.union(namespaces(LabelSelectors.constraints(p.namespaces()))
                        .intersect(pooledLabelCube(Dim.Kind.PEER_LABEL, LabelSelectors.constraints(p.pods()))));
            } else if (direction == Direction.INGRESS) {
                continue; // addresses, nodes and names are egress peers only
            } else if (peer instanceof TierPeer.Networks n) {
                IntervalSet addresses = IntervalSet.empty();
                for (Cidr c : n.cidrs()) {
                    addresses = addresses.union(IpAddresses.addresses(c));
                }
                // the CIDRs match pod IPs too, which the manifests do not fix
                pods = pods.union(Region.of(Cube.all().with(Dim.PEER_POD_IP, addresses)));
                ips = ips.union(Region.of(Cube.all().with(Dim.IP, addresses)));
            } else if (peer instanceof TierPeer.Nodes n) {
                ips = ips.union(Region.of(labelCube(Dim.Kind.NODE_LABEL, LabelSelectors.constraints(n.nodes()))
                        .with(Dim.PEER_NODE, ValueSet.of(Dim.NODE))));
            } else if (peer instanceof TierPeer.DomainNames d) {
                for (String name : d.names()) {
                    Cube reached = Cube.all().with(Dim.domain(name), ValueSet.of(Dim.REACHED));
                    pods = pods.union(Region.of(reached));
                    ips = ips.union(Region.of(reached));
                }
            }
            // an unknown peer of an Accept rule matches nothing
        }
        Region ports = ports(rule.ports(), cache.sets);
        return side(pods.intersect(ports), ips.intersect(ports));
    }

    /** The pods of the namespaces one selector matches whose own labels the other matches, as peers. */
    Region podsOf(Selector namespaces, Selector pods) {
        return namespaces(LabelSelectors.constraints(namespaces))
                .intersect(pooledLabelCube(Dim.Kind.PEER_LABEL, LabelSelectors.constraints(pods)));
    }

    /**
     * The Cilium rules that may select pods of this side's namespace, in their order: the others' subjects are empty
     * here ({@link #ciliumSubject}), as {@link NamespaceUniverse#localMatch} matches the namespace's name label.
     */
    List<CiliumRules.Entry> ciliumRulesHere(CiliumRules rules) {
        return cache.ciliumIndex(rules).admitting(universe.labelsOf(namespace).get(NamespaceManifest.NAME_LABEL));
    }

    /** A Cilium item's peers, resolved once per frame and direction for every side that shares them. */
    SideRegion cachedCiliumPeers(List<Object> key, java.util.function.Supplier<SideRegion> peers) {
        return cache.ciliumPeers.computeIfAbsent(List.of(key, frame, direction), k -> peers.get());
    }

    SideRegion side(Region pods, Region ips) {
        return new SideRegion(direction, pods, direction == Direction.EGRESS ? ips.intersect(UNNAMED_PORT) : ips);
    }

    private Region podPeer(Peer.Pods peer) {
        Region namespaces = peer.namespaces() == null
                ? Region.of(Cube.all().with(Dim.NAMESPACE_NAME, ValueSet.of(namespace)))
                : namespaces(LabelSelectors.constraints(peer.namespaces()));
        return namespaces.intersect(pooledLabelCube(Dim.Kind.PEER_LABEL, LabelSelectors.constraints(peer.pods())));
    }

    /**
     * Namespaces matching a selector: fixed namespaces are decided now, by their labels, into a set
     * of names; free names keep the label constraints (this side's own namespace its local ones). The
     * name label constrains the name itself.
     */
    Region namespaces(Map<String, ValueSet> selector) {
        return cache.namespaces.computeIfAbsent(List.of(selector, frame), k -> universe.matching(selector, namespace));
    }

    /** {@link #labelCube} of the sets of this comparison's pool. */
    private Cube pooledLabelCube(Dim.Kind kind, Map<String, ValueSet> constraints) {
        return labelCube(kind, constraints, cache.sets::canonical);
    }

    /** A cube constraining the labels of one role (local pod, peer pod, peer namespace). */
    public static Cube labelCube(Dim.Kind kind, Map<String, ValueSet> constraints) {
        return labelCube(kind, constraints, UnaryOperator.identity());
    }

    private static Cube labelCube(Dim.Kind kind, Map<String, ValueSet> constraints, UnaryOperator<ValueSet> sets) {
        Cube c = Cube.all();
        for (Map.Entry<String, ValueSet> e : constraints.entrySet()) {
            c = c.with(new Dim(kind, e.getKey()), sets.apply(e.getValue()));
        }
        return c;
    }

    /** The sets this side's regions are built of, one instance per equal set. */
    SetPool sets() {
        return cache.sets;
    }

    /** The ports of a rule as a region over protocol, port number and port name, of the sets of {@code pool}. */
    static Region ports(List<PolicyPort> ports, SetPool pool) {
        if (ports.isEmpty()) {
            return Region.all();
        }
        List<Cube> cubes = new ArrayList<>();
        for (PolicyPort p : ports) {
            Cube c = p.anyProtocol() ? Cube.all()
                    : Cube.all().with(Dim.PROTOCOL,
                            pool.canonical(ValueSet.of(p.protocol()).intersect(Dim.PROTOCOL.full())));
            if (p.isNamed()) {
                c = c.with(Dim.PORT_NAME, pool.canonical(ValueSet.of(p.name())));
            } else if (p.isNumeric()) {
                c = c.with(Dim.PORT, pool.canonical(IntervalSet.of(p.from(), p.to()).intersect(Dim.PORT.full())));
            }
            cubes.add(c);
        }
        return new Region(cubes);
    }

    /** The addresses of an ipBlock: its cidr without its except entries. */
    static Region ipBlock(Peer.Addresses block) {
        IntervalSet set = block.cidr().map(IpAddresses::addresses).orElse(IntervalSet.empty());
        for (Cidr except : block.except()) {
            set = set.minus(IpAddresses.addresses(except));
        }
        return Region.of(Cube.all().with(Dim.IP, set));
    }
}
