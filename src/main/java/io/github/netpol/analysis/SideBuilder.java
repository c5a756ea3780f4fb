package io.github.netpol.analysis;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.networking.v1.IPBlock;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicySpec;
import io.github.netpol.finding.Direction;
import io.github.netpol.model.PolicyManifest;

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
        List<SideAnalysis.RuleRegion> rules = new ArrayList<>();
        Region isolated = Region.empty();
        for (PolicyManifest pm : policies) {
            if (!namespace.equals(pm.namespace()) || !PolicyTypes.effective(pm.policy()).contains(direction)) {
                continue;
            }
            NetworkPolicySpec spec = pm.policy().getSpec();
            Region selected = Region.of(labelCube(Dim.Kind.LOCAL_LABEL,
                    LabelSelectors.constraints(spec == null ? null : spec.getPodSelector())));
            isolating.add(new SideAnalysis.Selection(pm, selected));
            isolated = isolated.union(selected);
            List<Rule> list = spec == null ? List.of() : rules(spec);
            for (int i = 0; i < list.size(); i++) {
                addRule(pm, i, list.get(i), selected, rules);
            }
        }
        Region free = Region.all().minus(isolated);
        SideRegion notIsolated = side(free, free);
        SideRegion allowed = notIsolated;
        for (SideAnalysis.RuleRegion r : rules) {
            allowed = allowed.union(r.region());
        }
        return new SideAnalysis(namespace, direction, universe, isolated, isolating, notIsolated, rules, allowed);
    }

    private void addRule(PolicyManifest pm, int index, Rule rule, Region selected, List<SideAnalysis.RuleRegion> out) {
        Region ports = ports(rule.ports());
        Region local = selected.intersect(ports);
        if (rule.peers().isEmpty()) {
            out.add(new SideAnalysis.RuleRegion(new RuleRef(pm, direction, index, -1), side(local, local)));
            return;
        }
        for (int j = 0; j < rule.peers().size(); j++) {
            NetworkPolicyPeer peer = rule.peers().get(j);
            SideRegion region = peer.getIpBlock() != null
                    ? side(Region.empty(), local.intersect(ipBlock(peer.getIpBlock())))
                    : side(local.intersect(podPeer(peer)), Region.empty());
            out.add(new SideAnalysis.RuleRegion(new RuleRef(pm, direction, index, j), region));
        }
    }

    private SideRegion side(Region pods, Region ips) {
        return new SideRegion(direction, pods, direction == Direction.EGRESS ? ips.intersect(UNNAMED_PORT) : ips);
    }

    private Region podPeer(NetworkPolicyPeer peer) {
        if (peer.getPodSelector() == null && peer.getNamespaceSelector() == null) {
            return Region.empty(); // "must specify a peer": rejected by the API server
        }
        Region namespaces = peer.getNamespaceSelector() == null
                ? Region.of(Cube.all().with(Dim.NAMESPACE_NAME, ValueSet.of(namespace)))
                : namespaces(LabelSelectors.constraints(peer.getNamespaceSelector()));
        return namespaces.intersect(labelCube(Dim.Kind.PEER_LABEL, LabelSelectors.constraints(peer.getPodSelector())));
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

    static Region ports(List<NetworkPolicyPort> ports) {
        if (ports == null || ports.isEmpty()) {
            return Region.all();
        }
        List<Cube> cubes = new ArrayList<>();
        for (NetworkPolicyPort p : ports) {
            String protocol = p.getProtocol() == null ? "TCP" : p.getProtocol();
            Cube c = Cube.all().with(Dim.PROTOCOL, ValueSet.of(protocol).intersect(Dim.PROTOCOL.full()));
            IntOrString port = p.getPort();
            if (port != null && port.getStrVal() != null) {
                c = c.with(Dim.PORT_NAME, ValueSet.of(port.getStrVal()));
            } else if (port != null && port.getIntVal() != null) {
                int lo = port.getIntVal();
                int hi = p.getEndPort() == null ? lo : p.getEndPort();
                c = c.with(Dim.PORT, IntervalSet.of(lo, hi).intersect(Dim.PORT.full()));
            }
            cubes.add(c);
        }
        return new Region(cubes);
    }

    static Region ipBlock(IPBlock block) {
        IntervalSet set = IpAddresses.cidr(block.getCidr()).orElse(IntervalSet.empty());
        if (block.getExcept() != null) {
            for (String except : block.getExcept()) {
                set = set.minus(IpAddresses.cidr(except).orElse(IntervalSet.empty()));
            }
        }
        return Region.of(Cube.all().with(Dim.IP, set));
    }

    private List<Rule> rules(NetworkPolicySpec spec) {
        List<Rule> out = new ArrayList<>();
        if (direction == Direction.INGRESS && spec.getIngress() != null) {
            for (NetworkPolicyIngressRule r : spec.getIngress()) {
                out.add(r == null ? new Rule(List.of(), List.of()) : new Rule(nonNull(r.getFrom()), nonNull(r.getPorts())));
            }
        } else if (direction == Direction.EGRESS && spec.getEgress() != null) {
            for (NetworkPolicyEgressRule r : spec.getEgress()) {
                out.add(r == null ? new Rule(List.of(), List.of()) : new Rule(nonNull(r.getTo()), nonNull(r.getPorts())));
            }
        }
        return out;
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list.stream().filter(java.util.Objects::nonNull).toList();
    }

    private record Rule(List<NetworkPolicyPeer> peers, List<NetworkPolicyPort> ports) {
    }
}
