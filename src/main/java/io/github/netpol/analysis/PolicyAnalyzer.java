package io.github.netpol.analysis;

import io.github.netpol.finding.Direction;
import io.github.netpol.model.ManifestSet;
import io.github.netpol.model.PolicyManifest;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Entry point of the symbolic analysis: one version, every namespace, both directions. */
public final class PolicyAnalyzer {

    private PolicyAnalyzer() {
    }

    public static AnalyzedVersion analyze(ManifestSet version, AnalysisOptions options) {
        return analyze(version, NamespaceUniverse.of(version, options));
    }

    /** With an explicit universe, e.g. {@link NamespaceUniverse#compared} when versions are compared. */
    public static AnalyzedVersion analyze(ManifestSet version, NamespaceUniverse universe) {
        return analyze(version, universe, new SetPool());
    }

    /**
     * With an explicit universe and the sets of a comparison: two versions analysed for {@link SideComparison} share
     * one pool, so that their equal cubes hold the same sets.
     */
    public static AnalyzedVersion analyze(ManifestSet version, NamespaceUniverse universe, SetPool sets) {
        Map<String, List<PolicyManifest>> byNamespace = byNamespace(version.policies());
        Tiers tiers = Tiers.of(version);
        CiliumRules cilium = CiliumRules.of(version);
        // shared by the sides of this version, built on every core: resolved selectors recur across namespaces
        SideBuilder.Cache cache = new SideBuilder.Cache(sets);
        Set<String> namespaces = new TreeSet<>(byNamespace.keySet());
        if (!tiers.isEmpty() || !cilium.isEmpty()) {
            namespaces.addAll(universe.fixedNames());
            namespaces.addAll(universe.named());
            namespaces.add(universe.representative());
        }
        List<Map.Entry<String, Map<Direction, SideAnalysis>>> built = namespaces.parallelStream()
                .map(ns -> {
                    Map<Direction, SideAnalysis> m = new EnumMap<>(Direction.class);
                    for (Direction d : Direction.values()) {
                        m.put(d, new SideBuilder(ns, d, universe, cache).build(byNamespace.getOrDefault(ns, List.of()), tiers, cilium));
                    }
                    return Map.entry(ns, m);
                }).toList();
        Map<String, Map<Direction, SideAnalysis>> sides = new TreeMap<>();
        built.forEach(e -> sides.put(e.getKey(), e.getValue()));
        return new AnalyzedVersion(universe, byNamespace, tiers, cilium, cache, sides);
    }

    static Map<String, List<PolicyManifest>> byNamespace(List<PolicyManifest> policies) {
        Map<String, List<PolicyManifest>> out = new TreeMap<>();
        for (PolicyManifest p : policies) {
            out.computeIfAbsent(p.namespace(), k -> new ArrayList<>()).add(p);
        }
        return out;
    }
}
