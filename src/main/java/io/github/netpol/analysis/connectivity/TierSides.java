package io.github.netpol.analysis.connectivity;

import io.github.netpol.analysis.Dim;
import io.github.netpol.analysis.IntervalSet;
import io.github.netpol.analysis.IpAddresses;
import io.github.netpol.analysis.LabelSelectors;
import io.github.netpol.analysis.Region;
import io.github.netpol.analysis.SideBuilder;
import io.github.netpol.analysis.TierRuleRef;
import io.github.netpol.analysis.Tiers;
import io.github.netpol.finding.Direction;
import io.github.netpol.model.WorkloadManifest;
import io.github.netpol.model.semantics.Cidr;
import io.github.netpol.model.semantics.Selector;
import io.github.netpol.model.semantics.TierPeer;
import io.github.netpol.model.semantics.TierPolicy;
import io.github.netpol.model.semantics.TierRule;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One side of one connection between declared ends, through the tiers: the Admin tier by ascending priority
 * (rules in order; Accept and Deny decide, Pass and no match go on), then the NetworkPolicies for a pod they
 * isolate in the direction, else the Baseline tier (Deny denies; Accept, Pass and no match allow). The
 * connection is decided per port: ports are cut where any rule's ports begin or end, so each piece is decided
 * alike.
 * <p>
 * What the manifests leave open is enumerated, not guessed: policies of equal priority (any may apply first),
 * where the BaselineAdminNetworkPolicy sits among Baseline ClusterNetworkPolicies, the peer pod's IP (every piece
 * of the pod addresses the {@code networks} CIDRs cut), whether an external address is a node's and which node
 * selectors its labels meet, and which DNS names reach the peer. A piece is possibly allowed when some of these
 * allow it and certainly allowed when all do.
 */
final class TierSides {

    /** More distinct node selectors than this on one side would mean too many label classes to enumerate. */
    private static final int MAX_NODE_SELECTORS = 12;
    /** A label no DNS pattern written in a manifest can name exactly. */
    private static final String FRESH_LABEL = "x--netpol-any";

    private final Tiers tiers;
    private final IntervalSet podAddresses;

    TierSides(Tiers tiers, IntervalSet podAddresses) {
        this.tiers = tiers;
        this.podAddresses = podAddresses;
    }

    /**
     * The other end of a side: a declared workload in a namespace with these labels, or an external address range
     * ({@code workload == null}; {@code address} is the range's first address, the range lying inside one piece of
     * every CIDR).
     */
    record End(WorkloadManifest workload, Map<String, String> namespaceLabels, BigInteger address) {
    }

    /**
     * What the NetworkPolicies say on this side: whether one isolates the local pod in the direction, the ports
     * they allow with the peer, and how to name them.
     */
    record NetworkPolicies(boolean isolated, PortSet allowed, String name) {
    }

    /** Ports decided alike on one side. */
    record Part(PortSet ports, boolean certain, String decidedBy) {
    }

    /** The ports this side possibly allows, split by certainty and by what decides them. */
    List<Part> side(Direction direction, WorkloadManifest local, Map<String, String> localNamespace, End peer,
                    NetworkPolicies networkPolicies) {
        Side side = new Side(direction, local, localNamespace, peer, networkPolicies);
        return side.parts();
    }

    /** The CIDRs of every {@code networks} peer, whose boundaries cut the address space. */
    List<Cidr> networks() {
        List<Cidr> out = new ArrayList<>();
        for (Tiers.Entry e : tiers.all()) {
            for (TierRule r : e.policy().egress()) {
                for (TierPeer p : r.peers()) {
                    if (p instanceof TierPeer.Networks n) {
                        out.addAll(n.cidrs());
                    }
                }
            }
        }
        return out;
    }

    /** What may be true of the peer that the manifests do not fix. */
    private record World(BigInteger ip, Set<Selector> nodeSelectors, Set<String> domains) {
    }

    /** The first matching rule of one policy, or "no match" ({@code ref == null}). */
    private record Step(TierPolicy.Action action, TierRuleRef ref) {
    }

    private record Outcome(boolean allowed, String decidedBy) {
    }

    private final class Side {
        private final Direction direction;
        private final End peer;
        private final NetworkPolicies networkPolicies;
        private final WorkloadManifest destination;
        private final List<List<Tiers.Entry>> admin;
        private final List<List<List<Tiers.Entry>>> baselineOrders = new ArrayList<>();
        private final Map<TierRule, PortSet> rulePorts = new HashMap<>();
        private final List<TierRule> rules = new ArrayList<>();

        Side(Direction direction, WorkloadManifest local, Map<String, String> localNamespace, End peer,
             NetworkPolicies networkPolicies) {
            this.direction = direction;
            this.peer = peer;
            this.networkPolicies = networkPolicies;
            this.destination = direction == Direction.INGRESS ? local : peer.workload();
            this.admin = applying(tiers.admin(), local, localNamespace);
            for (List<List<Tiers.Entry>> order : tiers.baselineOrders()) {
                baselineOrders.add(applying(order, local, localNamespace));
            }
        }

        /** The groups of policies whose subject holds the local pod (host-network pods are never one). */
        private List<List<Tiers.Entry>> applying(List<List<Tiers.Entry>> groups, WorkloadManifest local,
                                                 Map<String, String> namespace) {
            List<List<Tiers.Entry>> out = new ArrayList<>();
            for (List<Tiers.Entry> group : groups) {
                List<Tiers.Entry> here = group.stream().filter(e -> !local.hostNetwork()
                        && e.policy().subject().namespaces().matches(namespace)
                        && e.policy().subject().pods().matches(local.podLabels())).toList();
                if (!here.isEmpty()) {
                    out.add(here);
                    here.forEach(e -> e.policy().rules(direction).forEach(r -> {
                        if (!rulePorts.containsKey(r)) {
                            rules.add(r);
                            // an unknown peer of a Deny or Pass rule makes it match everything
                            rulePorts.put(r, r.deniesAllForUnknownPeer() ? PortSet.all()
                                    : WorkloadConnectivity.ports(r.ports(), destination));
                        }
                    }));
                }
            }
            return out;
        }

        List<Part> parts() {
            List<World> worlds = worlds();
            Map<String, PortSet> byKey = new LinkedHashMap<>();
            Map<String, Part> parts = new LinkedHashMap<>();
            for (PortSet atom : atoms()) {
                String protocol = atom.byProtocol().firstKey();
                int port = atom.byProtocol().get(protocol).ranges().get(0).lo().intValueExact();
                boolean possibly = false;
                boolean certainly = true;
                TreeSet<String> deciders = new TreeSet<>();
                for (World w : worlds) {
                    for (Outcome o : outcomes(w, protocol, port)) {
                        possibly |= o.allowed();
                        certainly &= o.allowed();
                        if (o.allowed()) {
                            deciders.add(o.decidedBy());
                        }
                    }
                }
                if (possibly) {
                    String decidedBy = String.join(" or ", deciders);
                    String key = certainly + "\n" + decidedBy;
                    byKey.merge(key, atom, PortSet::union);
                    parts.put(key, new Part(null, certainly, decidedBy));
                }
            }
            List<Part> out = new ArrayList<>();
            parts.forEach((key, p) -> out.add(new Part(byKey.get(key), p.certain(), p.decidedBy())));
            return out;
        }

        /** Every port, cut where a rule's ports or the NetworkPolicies' allowed ports begin or end. */
        private List<PortSet> atoms() {
            List<PortSet> sets = new ArrayList<>(rulePorts.values());
            sets.add(networkPolicies.allowed());
            List<PortSet> out = new ArrayList<>();
            for (String protocol : new TreeSet<>(Dim.PROTOCOLS)) {
                TreeSet<BigInteger> cuts = new TreeSet<>();
                cuts.add(BigInteger.ONE);
                cuts.add(BigInteger.valueOf(Dim.MAX_PORT + 1L));
                for (PortSet s : sets) {
                    for (IntervalSet.Range r : s.byProtocol().getOrDefault(protocol, IntervalSet.empty()).ranges()) {
                        cuts.add(r.lo());
                        cuts.add(r.hi().add(BigInteger.ONE));
                    }
                }
                BigInteger previous = null;
                for (BigInteger cut : cuts) {
                    if (previous != null) {
                        out.add(PortSet.of(protocol, IntervalSet.of(previous, cut.subtract(BigInteger.ONE))));
                    }
                    previous = cut;
                }
            }
            return out;
        }

        private Set<Outcome> outcomes(World w, String protocol, int port) {
            Set<Outcome> out = new LinkedHashSet<>();
            for (Step s : tier(admin, w, protocol, port)) {
                if (s.action() == TierPolicy.Action.ACCEPT || s.action() == TierPolicy.Action.DENY) {
                    out.add(new Outcome(s.action() == TierPolicy.Action.ACCEPT, s.ref().describe()));
                } else {
                    out.addAll(lower(w, protocol, port));
                }
            }
            return out;
        }

        /** What the Admin tier leaves: the NetworkPolicies for a pod they isolate, else the Baseline tier. */
        private Set<Outcome> lower(World w, String protocol, int port) {
            if (networkPolicies.isolated()) {
                return Set.of(new Outcome(contains(networkPolicies.allowed(), protocol, port), networkPolicies.name()));
            }
            Set<Outcome> out = new LinkedHashSet<>();
            for (List<List<Tiers.Entry>> order : baselineOrders) {
                for (Step s : tier(order, w, protocol, port)) {
                    boolean denied = s.action() == TierPolicy.Action.DENY;
                    out.add(new Outcome(!denied, s.action() == TierPolicy.Action.ACCEPT || denied
                            ? s.ref().describe() : "default allow"));
                }
            }
            return out;
        }

        /** The first group with a matching policy decides, by any of its matching policies' first matching rule. */
        private Set<Step> tier(List<List<Tiers.Entry>> groups, World w, String protocol, int port) {
            for (List<Tiers.Entry> group : groups) {
                Set<Step> steps = new LinkedHashSet<>();
                for (Tiers.Entry e : group) {
                    for (TierRule r : e.policy().rules(direction)) {
                        if (contains(rulePorts.get(r), protocol, port) && matches(r, w)) {
                            TierRuleRef ref = new TierRuleRef(e.manifest(), e.policy(), r);
                            steps.add(new Step(ref.action(), ref));
                            break;
                        }
                    }
                }
                if (!steps.isEmpty()) {
                    return steps;
                }
            }
            return Set.of(new Step(null, null));
        }

        private boolean matches(TierRule rule, World w) {
            if (rule.deniesAllForUnknownPeer()) {
                return true;
            }
            WorkloadManifest pod = peer.workload();
            for (TierPeer p : rule.peers()) {
                if (p instanceof TierPeer.Pods pods) {
                    if (pod != null && !pod.hostNetwork() && pods.namespaces().matches(peer.namespaceLabels())
                            && pods.pods().matches(pod.podLabels())) {
                        return true;
                    }
                } else if (direction == Direction.INGRESS) {
                    continue; // addresses, nodes and names are egress peers only
                } else if (p instanceof TierPeer.Networks n) {
                    if (w.ip() != null && n.cidrs().stream().anyMatch(c -> IpAddresses.addresses(c).containsValue(w.ip()))) {
                        return true;
                    }
                } else if (p instanceof TierPeer.Nodes n) {
                    if (w.nodeSelectors() != null && w.nodeSelectors().contains(n.nodes())) {
                        return true;
                    }
                } else if (p instanceof TierPeer.DomainNames d) {
                    if (d.names().stream().anyMatch(w.domains()::contains)) {
                        return true;
                    }
                }
            }
            return false;
        }

        /** Every combination of what the applying egress rules ask of the peer and the manifests leave open. */
        private List<World> worlds() {
            List<Cidr> cidrs = new ArrayList<>();
            List<Selector> nodes = new ArrayList<>();
            List<String> patterns = new ArrayList<>();
            if (direction == Direction.EGRESS) {
                for (TierRule r : rules) {
                    for (TierPeer p : r.peers()) {
                        if (p instanceof TierPeer.Networks n) {
                            cidrs.addAll(n.cidrs());
                        } else if (p instanceof TierPeer.Nodes n && !nodes.contains(n.nodes())) {
                            nodes.add(n.nodes());
                        } else if (p instanceof TierPeer.DomainNames d) {
                            d.names().stream().filter(x -> !patterns.contains(x)).forEach(patterns::add);
                        }
                    }
                }
            }
            // a host-network pod has its node's address: like an external one, it may be a node's
            boolean maybeNode = peer.workload() == null || peer.workload().hostNetwork();
            List<Set<Selector>> nodeOptions = new ArrayList<>();
            nodeOptions.add(null); // not a node's address
            if (maybeNode) {
                nodeOptions.addAll(nodeClasses(nodes));
            }
            List<Set<String>> domainOptions = domainWorlds(patterns);
            List<World> out = new ArrayList<>();
            for (BigInteger ip : addresses(cidrs)) {
                for (Set<Selector> node : nodeOptions) {
                    for (Set<String> names : domainOptions) {
                        out.add(new World(ip, node, names));
                    }
                }
            }
            return out;
        }

        /** The peer's address, or one address of every piece of the pod addresses the CIDRs cut. */
        private List<BigInteger> addresses(List<Cidr> cidrs) {
            if (peer.address() != null) {
                return List.of(peer.address());
            }
            if (cidrs.isEmpty()) {
                return java.util.Collections.singletonList(null);
            }
            TreeSet<BigInteger> cuts = new TreeSet<>();
            for (Cidr c : cidrs) {
                for (IntervalSet.Range r : IpAddresses.addresses(c).ranges()) {
                    cuts.add(r.lo());
                    cuts.add(r.hi().add(BigInteger.ONE));
                }
            }
            List<BigInteger> out = new ArrayList<>();
            // a host-network pod has its node's address, which need not be among the pod addresses
            IntervalSet possible = peer.workload().hostNetwork() ? IpAddresses.ALL : podAddresses;
            for (IntervalSet.Range r : possible.ranges()) {
                out.add(r.lo());
                out.addAll(cuts.subSet(r.lo(), false, r.hi(), true));
            }
            return out;
        }

        /**
         * For an address that may be a node's: not a node's (when some rule asks) and every combination of the
         * node selectors that some labels meet, as the set of selectors met.
         */
        private List<Set<Selector>> nodeClasses(List<Selector> selectors) {
            if (selectors.isEmpty()) {
                return List.of();
            }
            if (selectors.size() > MAX_NODE_SELECTORS) {
                throw new IllegalStateException("more than " + MAX_NODE_SELECTORS + " distinct node selectors apply"
                        + " to one workload's egress; their combinations are not enumerated");
            }
            List<Set<Selector>> out = new ArrayList<>();
            for (int mask = 0; mask < 1 << selectors.size(); mask++) {
                Region labels = Region.all();
                Set<Selector> met = new LinkedHashSet<>();
                for (int i = 0; i < selectors.size() && !labels.isEmpty(); i++) {
                    Region cube = Region.of(SideBuilder.labelCube(Dim.Kind.NODE_LABEL,
                            LabelSelectors.constraints(selectors.get(i))));
                    if ((mask & 1 << i) != 0) {
                        labels = labels.intersect(cube);
                        met.add(selectors.get(i));
                    } else {
                        labels = labels.minus(cube);
                    }
                }
                if (!labels.isEmpty()) {
                    out.add(met);
                }
            }
            return out;
        }
    }

    /**
     * The sets of patterns that the DNS names reaching a peer may match together. One name matches an exact
     * pattern (and the wildcards above it) or only wildcards, those whose suffix ends the longest one it meets;
     * a peer may be reached by several names, so any union of these.
     */
    static List<Set<String>> domainWorlds(List<String> patterns) {
        Set<Set<String>> signatures = new LinkedHashSet<>();
        for (String p : patterns) {
            String name = p.startsWith("*.") ? FRESH_LABEL + p.substring(1) : p;
            Set<String> met = new TreeSet<>();
            for (String q : patterns) {
                if (TierPeer.DomainNames.matches(q, name)) {
                    met.add(q);
                }
            }
            signatures.add(met);
        }
        Set<Set<String>> out = new LinkedHashSet<>();
        out.add(Set.of());
        for (Set<String> s : signatures) {
            for (Set<String> w : List.copyOf(out)) {
                Set<String> union = new TreeSet<>(w);
                union.addAll(s);
                out.add(union);
            }
        }
        return List.copyOf(out);
    }

    private static boolean contains(PortSet set, String protocol, int port) {
        IntervalSet ports = set.byProtocol().get(protocol);
        return ports != null && ports.containsValue(BigInteger.valueOf(port));
    }
}
