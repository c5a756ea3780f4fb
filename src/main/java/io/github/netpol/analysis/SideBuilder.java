package io.github.netpol.analysis;

import io.github.netpol.finding.Direction;
import io.github.netpol.model.PolicyManifest;
import io.github.netpol.model.semantics.Cidr;
import io.github.netpol.model.semantics.EffectivePolicy;
import io.github.netpol.model.semantics.Peer;
import io.github.netpol.model.semantics.PolicyPort;
import io.github.netpol.model.semantics.PolicyRule;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds the {@link SideAnalysis} of one namespace and direction from the policies of that namespace. */
public final class SideBuilder {

    /** Egress to an address: the destination has no container ports, so no port has a name. */
    private static final Cube UNNAMED_PORT = Cube.all().with(Dim.PORT_NAME, ValueSet.onlyAbsent());

    private final String namespace;
    private final Direction direction;
    private final NamespaceUniverse universe;
    private final Map<Map<String, ValueSet>, Region> namespaceCache;

    public SideBuilder(String namespace, Direction direction, NamespaceUniverse universe) {
        this(namespace, direction, universe, new HashMap<>());
    }

    /**
     * @param namespaceCache namespace selectors already resolved against {@code universe}; share it
     *                       between the sides of one version, where the same selectors recur
     */
    public SideBuilder(String namespace, Direction direction, NamespaceUniverse universe,
                       Map<Map<String, ValueSet>, Region> namespaceCache) {
        this.namespace = namespace;
        this.direction = direction;
        this.universe = universe;
        this.namespaceCache = namespaceCache;
    }

    /** @param policies the policies of {@link #namespace} (others are ignored) */
    public SideAnalysis build(List<PolicyManifest> policies) {
        List<SideAnalysis.Selection> isolating = new ArrayList<>();
        List<SideAnalysis.PolicyRuleRegion> rules = new ArrayList<>();
        List<Region> selections = new ArrayList<>();
        for (PolicyManifest pm : policies) {
            if (!namespace.equals(pm.namespace())) {
                continue;
            }
            EffectivePolicy policy = EffectivePolicy.of(pm.policy());
            if (!policy.isolates(direction)) {
                continue;
            }
            Region selected = Region.of(labelCube(Dim.Kind.LOCAL_LABEL, LabelSelectors.constraints(policy.podSelector())));
            isolating.add(new SideAnalysis.Selection(pm, selected));
            selections.add(selected);
            for (PolicyRule rule : policy.rules(direction)) {
                addRule(pm, rule, selected, rules);
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
        SideRegion allowed = new SideRegion(direction, Region.union(allowedPods), Region.union(allowedIps));
        return new SideAnalysis(namespace, direction, universe, isolated, isolating, notIsolated, rules, allowed);
    }

    private void addRule(PolicyManifest pm, PolicyRule rule, Region selected, List<SideAnalysis.PolicyRuleRegion> out) {
        Region local = selected.intersect(ports(rule.ports()));
        if (rule.allPeers()) {
            out.add(new SideAnalysis.PolicyRuleRegion(new PolicyRuleRef(pm, direction, rule.index(), -1), side(local, local)));
            return;
        }
        for (int j = 0; j < rule.peers().size(); j++) {
            Peer peer = rule.peers().get(j);
            SideRegion region;
            if (peer instanceof Peer.Addresses block) {
                region = side(Region.empty(), local.intersect(ipBlock(block)));
            } else if (peer instanceof Peer.Pods pods) {
                region = side(local.intersect(podPeer(pods)), Region.empty());
            } else {
                region = SideRegion.empty(direction); // "must specify a peer": rejected by the API server
            }
            out.add(new SideAnalysis.PolicyRuleRegion(new PolicyRuleRef(pm, direction, rule.index(), j), region));
        }
    }

    private SideRegion side(Region pods, Region ips) {
        return new SideRegion(direction, pods, direction == Direction.EGRESS ? ips.intersect(UNNAMED_PORT) : ips);
    }

    private Region podPeer(Peer.Pods peer) {
        Region namespaces = peer.namespaces() == null
                ? Region.of(Cube.all().with(Dim.NAMESPACE_NAME, ValueSet.of(namespace)))
                : namespaces(LabelSelectors.constraints(peer.namespaces()));
        return namespaces.intersect(labelCube(Dim.Kind.PEER_LABEL, LabelSelectors.constraints(peer.pods())));
    }

    /**
     * Namespaces matching a selector: fixed namespaces are decided now, by their labels, into a set
     * of names; free names keep the label constraints. The name label constrains the name itself.
     */
    Region namespaces(Map<String, ValueSet> selector) {
        return namespaceCache.computeIfAbsent(selector, universe::matching);
    }

    /** A cube constraining the labels of one role (local pod, peer pod, peer namespace). */
    public static Cube labelCube(Dim.Kind kind, Map<String, ValueSet> constraints) {
        Cube c = Cube.all();
        for (Map.Entry<String, ValueSet> e : constraints.entrySet()) {
            c = c.with(new Dim(kind, e.getKey()), e.getValue());
        }
        return c;
    }

    /** The ports of a rule as a region over protocol, port number and port name. */
    static Region ports(List<PolicyPort> ports) {
        if (ports.isEmpty()) {
            return Region.all();
        }
        List<Cube> cubes = new ArrayList<>();
        for (PolicyPort p : ports) {
            Cube c = Cube.all().with(Dim.PROTOCOL, ValueSet.of(p.protocol()).intersect(Dim.PROTOCOL.full()));
            if (p.isNamed()) {
                c = c.with(Dim.PORT_NAME, ValueSet.of(p.name()));
            } else if (p.isNumeric()) {
                c = c.with(Dim.PORT, IntervalSet.of(p.from(), p.to()).intersect(Dim.PORT.full()));
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
