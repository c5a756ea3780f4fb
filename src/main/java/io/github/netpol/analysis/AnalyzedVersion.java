package io.github.netpol.analysis;

import io.github.netpol.finding.Direction;
import io.github.netpol.model.PolicyManifest;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The symbolic analysis of one version: per namespace that can differ, the two sides. Without tier policies those
 * are the namespaces with NetworkPolicies, and any other namespace allows everything on both sides; with them,
 * also every namespace the versions name and one that stands for all the others
 * ({@link NamespaceUniverse#representative()}). {@link #side} builds any other side on demand. Thread-safe.
 */
public final class AnalyzedVersion {

    private final NamespaceUniverse universe;
    private final Map<String, List<PolicyManifest>> policiesByNamespace;
    private final Tiers tiers;
    private final CiliumRules cilium;
    private final SideBuilder.Cache cache;
    private final Map<String, Map<Direction, SideAnalysis>> sides;
    private final Map<String, Map<Direction, SideAnalysis>> onDemand = new ConcurrentHashMap<>();

    AnalyzedVersion(NamespaceUniverse universe, Map<String, List<PolicyManifest>> policiesByNamespace, Tiers tiers,
                    CiliumRules cilium, SideBuilder.Cache cache, Map<String, Map<Direction, SideAnalysis>> sides) {
        this.universe = universe;
        this.policiesByNamespace = Map.copyOf(policiesByNamespace);
        this.tiers = tiers;
        this.cilium = cilium;
        this.cache = cache;
        this.sides = Map.copyOf(sides);
    }

    public NamespaceUniverse universe() {
        return universe;
    }

    public Map<String, List<PolicyManifest>> policiesByNamespace() {
        return policiesByNamespace;
    }

    /** The version's policies of the Admin and Baseline tiers. */
    public Tiers tiers() {
        return tiers;
    }

    /** The version's Cilium policies the analysis reads, and those it refuses. */
    public CiliumRules cilium() {
        return cilium;
    }

    /**
     * Whether policies of the Admin or Baseline tier, or Cilium policies, may restrict any namespace, not only those
     * with NetworkPolicies.
     */
    public boolean restrictsEveryNamespace() {
        return !tiers.isEmpty() || !cilium.isEmpty();
    }

    /** The namespaces analysed up front: those with NetworkPolicies, and with tier policies every named one. */
    public Set<String> namespaces() {
        return sides.keySet();
    }

    public SideAnalysis side(String namespace, Direction direction) {
        Map<Direction, SideAnalysis> s = sides.get(namespace);
        if (s != null) {
            return s.get(direction);
        }
        return onDemand.computeIfAbsent(namespace, ns -> {
            Map<Direction, SideAnalysis> m = new EnumMap<>(Direction.class);
            for (Direction d : Direction.values()) {
                m.put(d, new SideBuilder(ns, d, universe, cache).build(policiesByNamespace.getOrDefault(ns, List.of()), tiers, cilium));
            }
            return m;
        }).get(direction);
    }
}
