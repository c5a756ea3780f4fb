package io.github.netpol.analysis;

import io.github.netpol.model.ManifestSet;
import io.github.netpol.model.NamespaceManifest;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The namespaces whose labels are fixed, with those labels (including
 * {@code kubernetes.io/metadata.name}); every other namespace name may carry any labels. Two
 * versions that are compared must fix the same names (see {@link #compared}) so that their regions
 * speak about the same points.
 */
public record NamespaceUniverse(Map<String, Map<String, String>> fixedLabels, NameIndex names) {

    /** The two universes of a comparison ({@link #compared}). */
    public record Compared(NamespaceUniverse old, NamespaceUniverse current) {
    }

    /** @param names an index of exactly the fixed names; two universes sharing one combine their name sets fastest */
    public NamespaceUniverse {
        // a HashMap, not Map.copyOf: the immutable map probes linearly, and names like app-0001, app-0002
        // have consecutive hash codes that cluster (a lookup per workload pair made that the top cost)
        fixedLabels = Collections.unmodifiableMap(new HashMap<>(fixedLabels));
        if (names.size() != fixedLabels.size() || !names.holdsAll(fixedLabels.keySet())) {
            throw new IllegalArgumentException("the name index must hold exactly the fixed names");
        }
    }

    public NamespaceUniverse(Map<String, Map<String, String>> fixedLabels) {
        this(fixedLabels, new NameIndex(fixedLabels.keySet()));
    }

    /** No namespace is fixed ({@code namespaceLabels=any}). */
    public static NamespaceUniverse free() {
        return new NamespaceUniverse(Map.of());
    }

    /** The namespaces one version declares, with that version's labels. */
    public static NamespaceUniverse of(ManifestSet version, AnalysisOptions options) {
        return new NamespaceUniverse(fixed(version, ManifestSet.empty(), options));
    }

    /**
     * Both universes of comparing {@code old} with {@code current}, sharing one name index: they fix the
     * same names. Names a version declares have its labels in its universe; names only the other declares
     * have the other's labels (SPEC: "a namespace declared in only one of the two versions is taken to have
     * that declaration's labels in both").
     */
    public static Compared compared(ManifestSet old, ManifestSet current, AnalysisOptions options) {
        Map<String, Map<String, String>> oldFixed = fixed(old, current, options);
        NameIndex shared = new NameIndex(oldFixed.keySet());
        return new Compared(new NamespaceUniverse(oldFixed, shared),
                new NamespaceUniverse(fixed(current, old, options), shared));
    }

    private static Map<String, Map<String, String>> fixed(ManifestSet self, ManifestSet other, AnalysisOptions options) {
        if (options.namespaceLabels() == AnalysisOptions.NamespaceLabels.ANY) {
            return Map.of();
        }
        Map<String, Map<String, String>> fixed = new HashMap<>();
        put(fixed, other);
        Map<String, Map<String, String>> mine = new HashMap<>();
        put(mine, self);
        fixed.putAll(mine);
        return fixed;
    }

    /** The fixed names, as a set of {@link #names()}. */
    public Set<String> fixedNames() {
        return names.all();
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
        ValueSet nameConstraint = selector.get(NamespaceManifest.NAME_LABEL);
        // a selector by name (In) decides at most its own names: no need to test every namespace's labels
        NameSet candidates = nameConstraint != null && !nameConstraint.cofinite()
                ? names.known(nameConstraint.values()) : names.all();
        NameSet fixedMatches = candidates.retainOnly(n -> LabelSelectors.matches(selector, labelsOf(n)));
        Cube fixed = Cube.all().with(Dim.NAMESPACE_NAME, ValueSet.of(fixedMatches));
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
