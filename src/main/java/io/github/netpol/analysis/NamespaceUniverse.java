package io.github.netpol.analysis;

import io.github.netpol.model.ManifestSet;
import io.github.netpol.model.NamespaceManifest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The namespaces whose labels are fixed, with those labels (including
 * {@code kubernetes.io/metadata.name}); every other namespace name may carry any labels. Two
 * versions that are compared must fix the same names (see {@link #comparing}) so that their regions
 * speak about the same points.
 */
public record NamespaceUniverse(Map<String, Map<String, String>> fixedLabels) {

    public NamespaceUniverse {
        fixedLabels = Map.copyOf(fixedLabels);
    }

    /** No namespace is fixed ({@code namespaceLabels=any}). */
    public static NamespaceUniverse free() {
        return new NamespaceUniverse(Map.of());
    }

    /** The namespaces one version declares, with that version's labels. */
    public static NamespaceUniverse of(ManifestSet version, AnalysisOptions options) {
        return comparing(version, ManifestSet.empty(), options);
    }

    /**
     * The universe of {@code self} when compared with {@code other}: names that {@code self} declares
     * have its labels; names only {@code other} declares have the other's labels (SPEC: "a namespace
     * declared in only one of the two versions is taken to have that declaration's labels in both").
     */
    public static NamespaceUniverse comparing(ManifestSet self, ManifestSet other, AnalysisOptions options) {
        if (options.namespaceLabels() == AnalysisOptions.NamespaceLabels.ANY) {
            return free();
        }
        Map<String, Map<String, String>> fixed = new HashMap<>();
        put(fixed, other);
        Map<String, Map<String, String>> mine = new HashMap<>();
        put(mine, self);
        fixed.putAll(mine);
        return new NamespaceUniverse(fixed);
    }

    public Set<String> fixedNames() {
        return fixedLabels.keySet();
    }

    public boolean isFixed(String name) {
        return fixedLabels.containsKey(name);
    }

    /** The labels of a fixed namespace, or just its name label for a free one. */
    public Map<String, String> labelsOf(String name) {
        Map<String, String> fixed = fixedLabels.get(name);
        return fixed != null ? fixed : Map.of(NamespaceManifest.NAME_LABEL, name);
    }

    /**
     * The namespaces a selector matches, as a region over {@link Dim#NAMESPACE_NAME} and
     * {@link Dim.Kind#NAMESPACE_LABEL}: fixed namespaces are decided now, by their labels, into a set of
     * names; free names keep the label constraints. The name label constrains the name itself.
     */
    public Region matching(Map<String, ValueSet> selector) {
        List<String> fixedMatches = fixedNames().stream()
                .filter(n -> LabelSelectors.matches(selector, labelsOf(n))).sorted().toList();
        Cube fixed = Cube.all().with(Dim.NAMESPACE_NAME, ValueSet.of(Set.copyOf(fixedMatches)));
        ValueSet names = selector.getOrDefault(NamespaceManifest.NAME_LABEL, ValueSet.all()).withoutAbsent()
                .minus(ValueSet.of(fixedNames()));
        Cube free = Cube.all().with(Dim.NAMESPACE_NAME, names);
        for (Map.Entry<String, ValueSet> e : selector.entrySet()) {
            if (!e.getKey().equals(NamespaceManifest.NAME_LABEL)) {
                free = free.with(Dim.namespaceLabel(e.getKey()), e.getValue());
            }
        }
        return new Region(List.of(fixed, free));
    }

    private static void put(Map<String, Map<String, String>> into, ManifestSet version) {
        for (NamespaceManifest ns : version.namespaces()) {
            Map<String, String> labels = new TreeMap<>(ns.labels());
            labels.put(NamespaceManifest.NAME_LABEL, ns.name());
            into.putIfAbsent(ns.name(), Map.copyOf(labels));
        }
    }
}
