package io.github.netpol.analysis;

import io.github.netpol.finding.Direction;
import io.github.netpol.finding.WorldFact;
import io.github.netpol.model.semantics.CiliumEndpoints;
import io.github.netpol.model.semantics.CiliumPolicy;
import io.github.netpol.model.semantics.PolicyPort;
import io.github.netpol.model.semantics.Selector;
import io.github.netpol.model.semantics.TierPolicy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;

/**
 * What the Cilium policies do on one side (namespace, direction), in the shape of the tier fold: an ordered list
 * of rules where the first that matches decides ({@link #ordered}), and the default deny of the endpoints they
 * select, which applies where neither a rule nor a NetworkPolicy allows ({@link #defaultDeny}). Per connection:
 * <ol>
 *   <li>a deny item of a rule selecting the pod denies;</li>
 *   <li>an allow item's L7 rules decide what they match, unless a plain allow on the same peer and port voids
 *       them: one with an explicit port (a Cilium item, or a NetworkPolicy rule with ports) always, an L3-only or
 *       port-0 one (or the local host) where {@link #L3_OVERRIDES_L7} holds; the proxy's verdict is the world fact
 *       {@code l7-passes:<the L7 rules>}, so the same rules in both versions decide alike;</li>
 *   <li>a plain allow item allows;</li>
 *   <li>then NetworkPolicies as usual, the local host on ingress (where {@link #ALLOW_LOCALHOST} holds), and the
 *       default deny.</li>
 * </ol>
 * An item without a peer and without ports allows nothing. Checked point by point against the test oracle.
 */
public final class CiliumSides {

    /** {@code enable-non-default-deny-policies}: {@code enableDefaultDeny: false} is honoured. */
    public static final String NON_DEFAULT_DENY_SUPPORTED = WorldFact.SETTING + "enable-non-default-deny-policies";
    /** {@code allow-localhost=always}: the node reaches the pods on it. */
    public static final String ALLOW_LOCALHOST = WorldFact.SETTING + "allow-localhost=always";
    /** An L3-only (or port-0) allow on the same peer and port voids an L7 rule's filter. */
    public static final String L3_OVERRIDES_L7 = WorldFact.SETTING + "L3-only allows overriding L7 rules";

    private static final Region YES_L3_OVERRIDES = fact(L3_OVERRIDES_L7);

    private final SideBuilder side;
    /** The rules that may select pods of this side's namespace, in their order. */
    private final List<CiliumRules.Entry> rules;
    private final Direction direction;

    CiliumSides(SideBuilder side, CiliumRules rules, Direction direction) {
        this.side = side;
        this.rules = side.ciliumRulesHere(rules);
        this.direction = direction;
    }

    /** A yes/no fact that holds. */
    static Region fact(String name) {
        return Region.of(Cube.all().with(Dim.fact(name), ValueSet.of(WorldFact.YES)));
    }

    /**
     * The denies, the L7 rules and the plain allows of the rules selecting pods of this side, in that order.
     *
     * @param networkPolicyPorts    what NetworkPolicy rules with ports allow here (they void L7 rules)
     * @param networkPolicyAllPorts what NetworkPolicy rules without ports allow here
     */
    TierOutcome ordered(SideRegion networkPolicyPorts, SideRegion networkPolicyAllPorts) {
        List<RuleRef> denies = new ArrayList<>();
        List<RuleRef> allows = new ArrayList<>();
        Map<RuleRef, SideRegion> regions = new HashMap<>();
        Map<RuleRef, SideRegion> l7Accepts = new LinkedHashMap<>();
        Map<RuleRef, SideRegion> l7Denies = new LinkedHashMap<>();
        SideRegion explicitPorts = networkPolicyPorts;
        SideRegion anyPort = networkPolicyAllPorts.union(localHost());
        for (CiliumRules.Entry e : rules) {
            Region subject = side.ciliumSubject(e.subject());
            if (subject.isEmpty()) {
                continue;
            }
            for (CiliumPolicy.Section section : CiliumPolicy.Section.values()) {
                if (section.direction() != direction) {
                    continue;
                }
                for (CiliumPolicy.PeerRule item : e.rule().section(section)) {
                    SideRegion peers = peers(e, item);
                    if (section.deny()) {
                        // a deny item matches all its ports (validation rejects L7 rules there)
                        Region ports = item.anyPort()
                                ? everyPort(item)
                                : CiliumPortRegions.ports(item.ports(), side.sets());
                        put(regions, denies, ref(e, item, CiliumRuleRef.Role.ITEM, TierPolicy.Action.DENY),
                                within(peers, subject, ports));
                        continue;
                    }
                    Region plainExplicit = CiliumPortRegions.ports(item.plainPorts().stream()
                            .filter(p -> p.kind() != PolicyPort.Kind.ANY).toList(), side.sets());
                    Region plainAny = CiliumPortRegions.ports(item.plainPorts().stream()
                            .filter(p -> p.kind() == PolicyPort.Kind.ANY).toList(), side.sets());
                    if (item.anyPort() && !item.l7()) {
                        plainAny = everyPort(item);
                    }
                    SideRegion explicit = within(peers, subject, plainExplicit);
                    SideRegion any = within(peers, subject, plainAny);
                    explicitPorts = explicitPorts.union(explicit);
                    anyPort = anyPort.union(any);
                    put(regions, allows, ref(e, item, CiliumRuleRef.Role.ITEM, TierPolicy.Action.ACCEPT),
                            explicit.union(any));
                    for (CiliumPolicy.L7Filter f : item.l7Filters()) {
                        Region ports = f.everyPort()
                                ? everyPort(item)
                                : CiliumPortRegions.ports(f.ports(), side.sets());
                        SideRegion r = within(peers, subject, ports);
                        if (r.isEmpty()) {
                            continue;
                        }
                        l7Accepts.merge(ref(e, item, CiliumRuleRef.Role.L7, TierPolicy.Action.ACCEPT),
                                r.intersect(everywhere(fact(WorldFact.L7_PASSES + f.key()))), SideRegion::union);
                        l7Denies.merge(ref(e, item, CiliumRuleRef.Role.L7, TierPolicy.Action.DENY), r, SideRegion::union);
                    }
                }
            }
        }
        // L7 rules decide only what no plain allow on the same peer and port voids; where one of several matching
        // L7 rules lets the request through, it passes: every accepting part before every dropping one
        SideRegion voiding = explicitPorts.union(anyPort.intersect(everywhere(YES_L3_OVERRIDES)));
        List<RuleRef> order = new ArrayList<>(denies);
        for (Map<RuleRef, SideRegion> parts : List.of(l7Accepts, l7Denies)) {
            parts.forEach((ref, r) -> put(regions, order, ref, r.minus(voiding)));
        }
        order.addAll(allows);
        return TierOutcome.foldRules(direction, List.of(List.of(order)),
                r -> regions.getOrDefault(r, SideRegion.empty(direction)));
    }

    /** The ports of an item without {@code toPorts}: every port with a peer; with no peer either, nothing. */
    private static Region everyPort(CiliumPolicy.PeerRule item) {
        return item.peer() instanceof CiliumPolicy.Wildcard ? Region.empty() : Region.all();
    }

    private CiliumRuleRef ref(CiliumRules.Entry e, CiliumPolicy.PeerRule item, CiliumRuleRef.Role role,
                              TierPolicy.Action action) {
        return new CiliumRuleRef(e.manifest(), e.rule(), item, role, action, direction);
    }

    private static void put(Map<RuleRef, SideRegion> regions, List<RuleRef> order, RuleRef ref, SideRegion r) {
        if (!r.isEmpty()) {
            order.add(ref);
            regions.merge(ref, r, SideRegion::union);
        }
    }

    /** The default deny of the rules selecting pods here that govern this direction. */
    TierOutcome defaultDeny() {
        List<RuleRef> order = new ArrayList<>();
        Map<RuleRef, SideRegion> regions = new HashMap<>();
        for (CiliumRules.Entry e : rules) {
            if (!e.rule().governs(direction)) {
                continue;
            }
            Region subject = side.ciliumSubject(e.subject());
            if (subject.isEmpty()) {
                continue;
            }
            if (!e.rule().defaultDeny(direction)) {
                // enableDefaultDeny: false, which an agent without enable-non-default-deny-policies ignores
                subject = subject.intersect(Region.of(Cube.all().with(Dim.fact(NON_DEFAULT_DENY_SUPPORTED),
                        ValueSet.onlyAbsent())));
            }
            CiliumRuleRef ref = new CiliumRuleRef(e.manifest(), e.rule(), null, CiliumRuleRef.Role.DEFAULT_DENY,
                    TierPolicy.Action.DENY, direction);
            put(regions, order, ref, side.side(subject, subject));
        }
        return TierOutcome.foldRules(direction, List.of(List.of(order)),
                r -> regions.getOrDefault(r, SideRegion.empty(direction)));
    }

    /** The node reaching the pods on it, on ingress: every port, where the agent allows the local host. */
    SideRegion localHost() {
        if (direction != Direction.INGRESS) {
            return SideRegion.empty(direction);
        }
        Region host = CiliumPeerRegions.entity("host").orElseThrow().addresses().intersect(fact(ALLOW_LOCALHOST));
        return side.side(Region.empty(), host);
    }

    private SideRegion everywhere(Region r) {
        return new SideRegion(direction, r, r);
    }

    private SideRegion within(SideRegion peers, Region subject, Region ports) {
        if (ports.isEmpty() || peers.isEmpty()) {
            return SideRegion.empty(direction);
        }
        Region local = subject.intersect(ports);
        return side.side(peers.pods().intersect(local), peers.ips().intersect(local));
    }

    /** The peers an item's L3 part matches (the policy is one {@link CiliumRules} reads). */
    private SideRegion peers(CiliumRules.Entry e, CiliumPolicy.PeerRule item) {
        return side.cachedCiliumPeers(List.of(item.peer(), e.clusterwide(), String.valueOf(e.manifest().namespace())),
                () -> peersOf(e, item.peer()));
    }

    private SideRegion peersOf(CiliumRules.Entry e, CiliumPolicy.Peer peer) {
        Region pods = Region.empty();
        Region ips = Region.empty();
        if (peer instanceof CiliumPolicy.Wildcard) {
            pods = Region.all();
            ips = Region.all();
        } else if (peer instanceof CiliumPolicy.Endpoints endpoints) {
            for (Selector s : endpoints.selectors()) {
                CiliumEndpoints.Selection sel = CiliumEndpoints.peer(s, e.clusterwide(), e.manifest().namespace());
                if (sel instanceof CiliumEndpoints.Pods p) {
                    pods = pods.union(side.podsOf(p.namespaces(), p.pods()));
                } else if (sel instanceof CiliumEndpoints.Unanalysed u) {
                    throw new IllegalStateException("refused by CiliumRules: " + u.reason());
                }
                if (CiliumEndpoints.selectsAddresses(s)) {
                    ips = Region.all();
                }
            }
        } else if (peer instanceof CiliumPolicy.Entities entities) {
            for (String name : entities.entities()) {
                Optional<CiliumPeerRegions.Match> m = CiliumPeerRegions.entity(name);
                if (m.isEmpty()) {
                    throw new IllegalStateException("refused by CiliumRules: entity " + name);
                }
                if (m.get().allPods()) {
                    pods = Region.all();
                }
                ips = ips.union(m.get().addresses());
            }
        } else if (peer instanceof CiliumPolicy.Cidrs cidrs) {
            ips = CiliumPeerRegions.cidrs(cidrs.rules());
        } else if (peer instanceof CiliumPolicy.Fqdns fqdns) {
            // addresses outside the cluster the agent learned from a DNS answer for a matching name
            Region reached = Region.empty();
            for (String name : fqdns.names()) {
                reached = reached.union(Region.of(Cube.all().with(Dim.domain(DomainKeys.ciliumName(name)), ValueSet.of(Dim.REACHED))));
            }
            for (String pattern : fqdns.patterns()) {
                reached = reached.union(Region.of(Cube.all().with(Dim.domain(DomainKeys.ciliumPattern(pattern)),
                        ValueSet.of(Dim.REACHED))));
            }
            ips = CiliumPeerRegions.entity("world").orElseThrow().addresses().intersect(reached);
        } else {
            throw new IllegalStateException("refused by CiliumRules: " + peer);
        }
        return new SideRegion(direction, pods, ips);
    }
}
