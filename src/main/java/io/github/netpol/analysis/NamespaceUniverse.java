package io.github.netpol.analysis;

import io.github.netpol.model.ManifestSet;
import io.github.netpol.model.NamespaceManifest;

import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The world the analysis judges in: the namespaces whose labels are fixed, with those labels (including
 * {@code kubernetes.io/metadata.name}), while every other namespace name may carry any labels; the names the
 * manifests mention ({@code named}), and one name that stands for all the others ({@code representative}:
 * no selector tells them apart, so what holds for it holds for each); and the addresses pods may have
 * ({@code podAddresses}); whether the cluster enforces policies with Cilium ({@code cilium}: a version compared
 * holds Cilium policies), which changes what a NetworkPolicy ipBlock matches. Two versions that are compared must share all of this (see {@link #compared}) so
 * that their regions speak about the same points.
 */
public record NamespaceUniverse(Map<String, Map<String, String>> fixedLabels, NameIndex names, Set<String> named,
                                String representative, IntervalSet podAddresses, boolean cilium) {

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
        named = Set.copyOf(named);
        if (representative == null) {
            Set<String> taken = new HashSet<>(named);
            taken.addAll(fixedLabels.keySet());
            representative = ValueSet.fresh(taken);
        }
    }

    public NamespaceUniverse(Map<String, Map<String, String>> fixedLabels, NameIndex names) {
        this(fixedLabels, names, Set.of(), null, IpAddresses.ALL, false);
    }

    public NamespaceUniverse(Map<String, Map<String, String>> fixedLabels) {
        this(fixedLabels, new NameIndex(fixedLabels.keySet()));
    }

    /** The same world with other fixed namespaces (e.g. a closed world where each workload's namespace is fixed). */
    public NamespaceUniverse withFixed(Map<String, Map<String, String>> fixed) {
        return new NamespaceUniverse(fixed, new NameIndex(fixed.keySet()), named, null, podAddresses, cilium);
    }

    /** No namespace is fixed ({@code namespaceLabels=any}). */
    public static NamespaceUniverse free() {
        return new NamespaceUniverse(Map.of());
    }

    /** The namespaces one version declares, with that version's labels. */
    public static NamespaceUniverse of(ManifestSet version, AnalysisOptions options) {
        Map<String, Map<String, String>> fixed = fixed(version, ManifestSet.empty(), options);
        return new NamespaceUniverse(fixed, new NameIndex(fixed.keySet()), NamedNamespaces.of(version),
                null, options.podAddresses(), !version.ciliumPolicies().isEmpty());
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
        Set<String> named = new HashSet<>(NamedNamespaces.of(old));
        named.addAll(NamedNamespaces.of(current));
        boolean cilium = !old.ciliumPolicies().isEmpty() || !current.ciliumPolicies().isEmpty();
        NamespaceUniverse o = new NamespaceUniverse(oldFixed, shared, named, null, options.podAddresses(), cilium);
        return new Compared(o, new NamespaceUniverse(fixed(current, old, options), shared, named, o.representative(),
                options.podAddresses(), cilium));
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
        return new Region(List.of(matchingCubes(selector)));
    }

    /** The fixed names a selector matches, and the free names with its label constraints. */
    private Cube[] matchingCubes(Map<String, ValueSet> selector) {
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
        return new Cube[] {fixed, free};
    }

    /**
     * The namespaces a selector matches seen from a side of namespace {@code local}: as {@link #matching(Map)},
     * except that when {@code local}'s labels are free, the selector meets the local namespace in its
     * {@link Dim.Kind#LOCAL_NAMESPACE_LABEL} dimensions, which a pod of the side and a peer in its own namespace
     * share, and other free namespaces in {@link Dim.Kind#NAMESPACE_LABEL}.
     */
    public Region matching(Map<String, ValueSet> selector, String local) {
        if (isFixed(local)) {
            return matching(selector);
        }
        Cube[] cubes = matchingCubes(selector);
        Cube fixed = cubes[0];
        Cube others = cubes[1];
        ValueSet otherNames = ((ValueSet) others.get(Dim.NAMESPACE_NAME)).minus(ValueSet.of(local));
        Region here = localMatch(selector, local).intersect(Cube.all().with(Dim.NAMESPACE_NAME, ValueSet.of(local)));
        return new Region(List.of(fixed, others.with(Dim.NAMESPACE_NAME, otherNames))).union(here);
    }

    /**
     * Whether the namespace {@code local} (of a side) matches a selector, as a region over its own labels: everything
     * or nothing when they are fixed, else a constraint on {@link Dim.Kind#LOCAL_NAMESPACE_LABEL}.
     */
    public Region localMatch(Map<String, ValueSet> selector, String local) {
        if (isFixed(local)) {
            return LabelSelectors.matches(selector, labelsOf(local)) ? Region.all() : Region.empty();
        }
        ValueSet name = selector.get(NamespaceManifest.NAME_LABEL);
        if (name != null && !name.containsValue(local)) {
            return Region.empty();
        }
        Cube c = Cube.all();
        for (Map.Entry<String, ValueSet> e : selector.entrySet()) {
            if (!e.getKey().equals(NamespaceManifest.NAME_LABEL)) {
                c = c.with(Dim.localNamespaceLabel(e.getKey()), e.getValue());
            }
        }
        return Region.of(c);
    }

    /**
     * The part of a side's region whose world is possible: a peer pod's IP inside {@link #podAddresses}. Only cubes
     * that depend on a pod's IP are cut (the others hold for every IP, so for some possible one).
     */
    public SideRegion possible(SideRegion r) {
        SideRegion out = consistentNames(r);
        if (podAddresses.equals(IpAddresses.ALL)
                || out.pods().cubes().stream().noneMatch(c -> c.constrains(Dim.PEER_POD_IP))) {
            return out;
        }
        List<Cube> pods = new java.util.ArrayList<>();
        for (Cube c : out.pods().cubes()) {
            pods.add(c.constrains(Dim.PEER_POD_IP) ? c.intersect(Cube.all().with(Dim.PEER_POD_IP, podAddresses)) : c);
        }
        return new SideRegion(out.direction(), new Region(pods), out.ips());
    }

    /**
     * Without the points no DNS name can make: each {@code domainNames} pattern is a dimension of its own, but a
     * peer reached by a name matching {@code api.example.com} is reached by one matching {@code *.example.com}
     * too. Whenever every name one pattern matches also matches another, "the first but not the second" is cut.
     * Those are the only impossible combinations: a name matching a pattern and none it does not imply exists.
     */
    static SideRegion consistentNames(SideRegion r) {
        java.util.Set<String> patterns = new java.util.TreeSet<>();
        for (Region part : List.of(r.pods(), r.ips())) {
            for (Cube c : part.cubes()) {
                for (int i = 0; i < c.size(); i++) {
                    if (c.dimAt(i).kind() == Dim.Kind.DOMAIN) {
                        patterns.add(c.dimAt(i).key());
                    }
                }
            }
        }
        if (patterns.size() < 2) {
            return r;
        }
        List<Cube> impossible = new java.util.ArrayList<>();
        for (String p : patterns) {
            for (String q : patterns) {
                if (!p.equals(q) && implies(p, q)) {
                    impossible.add(Cube.all().with(Dim.domain(p), ValueSet.of(Dim.REACHED))
                            .with(Dim.domain(q), ValueSet.onlyAbsent()));
                }
            }
        }
        if (impossible.isEmpty()) {
            return r;
        }
        Region cut = new Region(impossible);
        return new SideRegion(r.direction(), r.pods().minus(cut), r.ips().minus(cut));
    }

    /** Whether every name {@code p} matches also matches {@code q}. */
    static boolean implies(String p, String q) {
        return DomainKeys.implies(p, q);
    }

    /**
     * A region over the namespace name and namespace labels (as {@link #matching} makes), restricted to the
     * namespace {@code ns} and seen from a side of it: its labels are the local namespace's.
     */
    public Region asLocalNamespace(Region where, String ns) {
        List<Cube> out = new java.util.ArrayList<>();
        for (Cube c : where.intersect(Cube.all().with(Dim.NAMESPACE_NAME, ValueSet.of(ns))).cubes()) {
            Cube local = Cube.all();
            for (int i = 0; i < c.size(); i++) {
                if (c.dimAt(i).kind() == Dim.Kind.NAMESPACE_LABEL) {
                    // a fixed namespace never carries label constraints (matching decides it by name)
                    local = local.with(Dim.localNamespaceLabel(c.dimAt(i).key()), c.setAt(i));
                }
            }
            out.add(local);
        }
        return new Region(out);
    }

    private static void put(Map<String, Map<String, String>> into, ManifestSet version) {
        for (NamespaceManifest ns : version.namespaces()) {
            Map<String, String> labels = new TreeMap<>(ns.labels());
            labels.put(NamespaceManifest.NAME_LABEL, ns.name());
            into.putIfAbsent(ns.name(), Map.copyOf(labels));
        }
    }
}
