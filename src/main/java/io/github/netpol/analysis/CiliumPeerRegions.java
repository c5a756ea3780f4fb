package io.github.netpol.analysis;

import io.github.netpol.finding.WorldFact;
import io.github.netpol.model.semantics.Cidr;
import io.github.netpol.model.semantics.CiliumPolicy;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the L3 part of a Cilium rule item matches among addresses, over {@link WorldFact}s: entities and CIDR
 * rules select addresses by what they are (Cilium gives nodes, the API server and its own endpoints identities
 * of their own, which a CIDR rule does not match), and which agent settings hold. Pods are matched by label
 * selectors elsewhere; here only whether an entity covers every pod. Groundwork for the Cilium analysis: each
 * region is checked point by point against the test oracle's reading.
 */
public final class CiliumPeerRegions {

    /** {@code policy-cidr-match-mode=nodes}: CIDR rules also match node addresses. */
    public static final String CIDR_MATCHES_NODES = WorldFact.SETTING + "policy-cidr-match-mode=nodes";
    /** An API server outside the cluster counts as {@code world} (and CIDR rules match it). */
    public static final String WORLD_HAS_APISERVER = WorldFact.SETTING + "the API server outside the cluster as world";

    private static final Dim KIND = Dim.fact(WorldFact.ADDRESS_KIND);
    private static final Dim SAME_NODE = Dim.fact(WorldFact.SAME_NODE);
    private static final Set<String> NODE_KINDS = Set.of("node", "apiserver-node");

    /** The addresses and whether every pod is matched too. */
    public record Match(boolean allPods, Region addresses) {
    }

    private CiliumPeerRegions() {
    }

    /** An entity's match; empty for a name the analysis does not know (validation rejects it). */
    public static Optional<Match> entity(String entity) {
        Region addresses = switch (entity) {
            case "all" -> Region.all();
            case "world" -> worldLike();
            case "cluster" -> kinds(Set.copyOf(WorldFact.ADDRESS_KINDS.subList(1, WorldFact.ADDRESS_KINDS.size())));
            case "host" -> Region.of(kindCube(NODE_KINDS).with(SAME_NODE, ValueSet.of(WorldFact.YES)));
            case "remote-node" -> Region.of(kindCube(NODE_KINDS).with(SAME_NODE, ValueSet.onlyAbsent()));
            case "kube-apiserver" -> kinds(Set.of("apiserver-node", "apiserver-ext"));
            case "health", "ingress", "unmanaged", "init" -> kinds(Set.of(entity));
            case "none" -> Region.empty();
            default -> null;
        };
        return addresses == null ? Optional.empty()
                : Optional.of(new Match(entity.equals("all") || entity.equals("cluster"), addresses));
    }

    /** The addresses of the CIDR items ({@code cidr} minus its {@code except}s), among those CIDR rules match. */
    public static Region cidrs(List<CiliumPolicy.CidrRule> rules) {
        IntervalSet set = IntervalSet.empty();
        for (CiliumPolicy.CidrRule r : rules) {
            if (r.cidr().isEmpty()) {
                continue; // a group reference: the caller refuses it
            }
            IntervalSet one = IpAddresses.addresses(r.cidr().get());
            for (Cidr except : r.except()) {
                one = one.minus(IpAddresses.addresses(except));
            }
            set = set.union(one);
        }
        return cidrMatchable().intersect(Region.of(Cube.all().with(Dim.IP, set)));
    }

    /**
     * The addresses a CIDR rule (or, under Cilium, a NetworkPolicy ipBlock) can match at all: those without an
     * identity of their own, an external API server when it counts as world, nodes when the agent is set so.
     */
    public static Region cidrMatchable() {
        return kinds(Set.of("world", "unmanaged")).union(externalApiServerAsWorld())
                .union(Region.of(kindCube(NODE_KINDS).with(Dim.fact(CIDR_MATCHES_NODES), ValueSet.of(WorldFact.YES))));
    }

    private static Region worldLike() {
        return kinds(Set.of("world")).union(externalApiServerAsWorld());
    }

    /** The API server outside the cluster, where the agent counts it as world. */
    private static Region externalApiServerAsWorld() {
        return Region.of(kindCube(Set.of("apiserver-ext")).with(Dim.fact(WORLD_HAS_APISERVER), ValueSet.of(WorldFact.YES)));
    }

    private static Region kinds(Set<String> kinds) {
        return Region.of(kindCube(kinds));
    }

    private static Cube kindCube(Set<String> kinds) {
        return Cube.all().with(KIND, ValueSet.of(kinds));
    }
}
