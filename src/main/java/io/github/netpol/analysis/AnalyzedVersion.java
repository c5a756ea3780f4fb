package io.github.netpol.analysis;

import io.github.netpol.finding.Direction;
import io.github.netpol.model.PolicyManifest;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The symbolic analysis of one version: per namespace that has policies, the two sides. A namespace
 * without policies allows everything on both sides ({@link #side} builds that on demand).
 */
public record AnalyzedVersion(NamespaceUniverse universe, Map<String, List<PolicyManifest>> policiesByNamespace,
                              Map<String, Map<Direction, SideAnalysis>> sides) {

    public AnalyzedVersion {
        policiesByNamespace = Map.copyOf(policiesByNamespace);
        sides = Map.copyOf(sides);
    }

    /** Namespaces with at least one policy. */
    public Set<String> namespaces() {
        return sides.keySet();
    }

    public SideAnalysis side(String namespace, Direction direction) {
        Map<Direction, SideAnalysis> s = sides.get(namespace);
        if (s != null) {
            return s.get(direction);
        }
        return new SideBuilder(namespace, direction, universe).build(List.of());
    }
}
