package io.github.netpol.validate.lint;

import io.github.netpol.finding.Direction;
import io.github.netpol.model.ManifestSet;
import io.github.netpol.model.NamespaceManifest;
import io.github.netpol.model.WorkloadManifest;
import io.github.netpol.model.semantics.NamespaceNameIndex;
import io.github.netpol.model.semantics.Peer;
import io.github.netpol.model.semantics.Selector;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** What every rule reads: the loaded repository with lookups, and the settings. Built once per run. */
public final class LintContext {
    private final ManifestSet manifests;
    private final LintSettings settings;
    private final List<PolicyView> policies;
    private final List<TierPolicyView> tierPolicies;
    private final List<CiliumPolicyView> ciliumPolicies;
    private final NamespaceNameIndex<CiliumPolicyView.SelectingRule> ciliumRules;
    /** The known namespaces by the value of their name label, each list in name order. */
    private final Map<String, List<String>> namespacesByNameLabel = new HashMap<>();
    private final Map<String, NamespaceManifest> declaredNamespaces = new LinkedHashMap<>();
    private final TreeSet<String> knownNamespaces = new TreeSet<>();
    // indexes, so that rules asking per policy or per peer do not scan the whole repository each time
    private final Map<String, List<PolicyView>> policiesByNamespace = new HashMap<>();
    private final Map<String, List<WorkloadManifest>> workloadsByNamespace = new LinkedHashMap<>();
    private final Map<WorkloadManifest, Integer> workloadOrder = new IdentityHashMap<>();
    private final Map<Peer.Pods, List<WorkloadManifest>> crossNamespacePeers = new HashMap<>();
    // listed once: most rules walk every rule or peer of the repository
    private final List<PolicyRuleView> allRules;
    private final List<PeerView> allPeers;
    // several rules ask for the workloads of every policy
    private final Map<PolicyView, List<WorkloadManifest>> selectedWorkloads = new IdentityHashMap<>();

    public LintContext(ManifestSet manifests, LintSettings settings) {
        this.manifests = manifests;
        this.settings = settings;
        this.policies = manifests.policies().stream().map(PolicyView::new).toList();
        this.tierPolicies = manifests.tierPolicies().stream().map(TierPolicyView::of).toList();
        this.ciliumPolicies = manifests.ciliumPolicies().stream().map(CiliumPolicyView::of).toList();
        this.ciliumRules = new NamespaceNameIndex<>(ciliumPolicies.stream().flatMap(v -> v.selectingRules().stream())
                .toList(), r -> r.subject().namespaces());
        this.allRules = policies.stream()
                .flatMap(p -> java.util.stream.Stream.concat(p.rules(Direction.INGRESS).stream(), p.rules(Direction.EGRESS).stream()))
                .toList();
        this.allPeers = allRules.stream().flatMap(r -> r.peerViews().stream()).toList();
        for (NamespaceManifest n : manifests.namespaces()) {
            declaredNamespaces.putIfAbsent(n.name(), n);
            knownNamespaces.add(n.name());
        }
        policies.forEach(p -> knownNamespaces.add(p.namespace()));
        manifests.workloads().forEach(w -> knownNamespaces.add(w.namespace()));
        policies.forEach(p -> policiesByNamespace.computeIfAbsent(p.namespace(), k -> new ArrayList<>()).add(p));
        for (WorkloadManifest w : manifests.workloads()) {
            workloadsByNamespace.computeIfAbsent(w.namespace(), k -> new ArrayList<>()).add(w);
            workloadOrder.putIfAbsent(w, workloadOrder.size());
        }
        for (String ns : knownNamespaces) {
            String label = namespaceLabels(ns).get(NamespaceManifest.NAME_LABEL);
            if (label != null) {
                namespacesByNameLabel.computeIfAbsent(label, k -> new ArrayList<>()).add(ns);
            }
        }
        // immutable from here on, so that lookups hand out the lists themselves instead of copies
        policiesByNamespace.replaceAll((ns, list) -> List.copyOf(list));
        workloadsByNamespace.replaceAll((ns, list) -> List.copyOf(list));
    }

    public ManifestSet manifests() {
        return manifests;
    }

    public LintSettings settings() {
        return settings;
    }

    public List<PolicyView> policies() {
        return policies;
    }

    /** The ClusterNetworkPolicies, AdminNetworkPolicies and BaselineAdminNetworkPolicies, in source order. */
    public List<TierPolicyView> tierPolicies() {
        return tierPolicies;
    }

    /** The CiliumNetworkPolicies and CiliumClusterwideNetworkPolicies, in source order. */
    public List<CiliumPolicyView> ciliumPolicies() {
        return ciliumPolicies;
    }

    /**
     * The rules of the Cilium policies that may select pods of the namespace, in source order: the others' namespace
     * selectors do not match its labels ({@link #namespaceLabels}).
     */
    public List<CiliumPolicyView.SelectingRule> ciliumRulesSelectingIn(String namespace) {
        return ciliumRules.admitting(namespaceLabels(namespace).get(NamespaceManifest.NAME_LABEL));
    }

    /** Every written ingress and egress rule of every policy, whether or not its direction takes effect. */
    public List<PolicyRuleView> allRules() {
        return allRules;
    }

    /** Every peer of every written rule. */
    public List<PeerView> allPeers() {
        return allPeers;
    }

    public List<PolicyView> policiesIn(String namespace) {
        return policiesByNamespace.getOrDefault(namespace, List.of());
    }

    public List<WorkloadManifest> workloads() {
        return manifests.workloads();
    }

    /** Rules about declared workloads stay quiet when this is false. */
    public boolean hasWorkloads() {
        return !manifests.workloads().isEmpty();
    }

    public List<WorkloadManifest> workloadsIn(String namespace) {
        return workloadsByNamespace.getOrDefault(namespace, List.of());
    }

    /** Namespaces that are declared or have a policy or a workload, sorted. */
    public List<String> knownNamespaces() {
        return List.copyOf(knownNamespaces);
    }

    /**
     * The known namespaces a selector over namespace labels may match, in name order: when it requires the name
     * label to be one of some names ({@code In}), those of the namespaces whose name label is one of them, else every
     * known namespace. A selector per namespace (a CiliumNetworkPolicy's subject) tested against every namespace cost
     * N² matches for N namespaces.
     */
    public List<String> namespacesPossiblyMatching(Selector namespaces) {
        Set<String> listed = NamespaceNameIndex.listedNames(namespaces);
        if (listed == null) {
            return knownNamespaces();
        }
        TreeSet<String> out = new TreeSet<>();
        listed.forEach(v -> out.addAll(namespacesByNameLabel.getOrDefault(v, List.of())));
        return List.copyOf(out);
    }

    public Optional<NamespaceManifest> declaredNamespace(String name) {
        return Optional.ofNullable(declaredNamespaces.get(name));
    }

    public boolean hasDeclaredNamespaces() {
        return !declaredNamespaces.isEmpty();
    }

    /** Declared labels, or for an undeclared namespace only the name label the control plane sets. */
    public Map<String, String> namespaceLabels(String name) {
        NamespaceManifest n = declaredNamespaces.get(name);
        return n != null ? n.labels() : Map.of(NamespaceManifest.NAME_LABEL, name);
    }

    /**
     * The subject for a finding about a namespace: its Namespace manifest, or when it is not
     * declared the first policy or workload in it (pointing at its namespace field).
     */
    public Subject namespaceSubject(String name) {
        NamespaceManifest n = declaredNamespaces.get(name);
        if (n != null) {
            return Subject.of(n);
        }
        var origin = policiesIn(name).stream().map(p -> p.manifest().origin()).findFirst()
                .or(() -> workloadsIn(name).stream().map(WorkloadManifest::origin).findFirst())
                .orElse(null);
        return new Subject("Namespace", name, name, Map.of(), origin);
    }

    /** Declared workloads of the policy's namespace that its {@code spec.podSelector} selects. */
    public List<WorkloadManifest> selectedWorkloads(PolicyView policy) {
        return selectedWorkloads.computeIfAbsent(policy, p -> workloadsIn(p.namespace()).stream()
                .filter(w -> p.selector().matches(w.podLabels())).toList());
    }

    /** True when some policy of the workload's namespace selects it and isolates {@code direction}. */
    public boolean isolated(WorkloadManifest workload, Direction direction) {
        return policiesIn(workload.namespace()).stream()
                .anyMatch(p -> p.isolates(direction) && p.selector().matches(workload.podLabels()));
    }

    /** Declared workloads a pod peer matches; none for an ipBlock peer. */
    public List<WorkloadManifest> peerWorkloads(PolicyView policy, Peer peer) {
        if (!(peer instanceof Peer.Pods pods)) {
            return List.of();
        }
        if (pods.namespaces() == null) {
            return workloadsIn(policy.namespace()).stream().filter(w -> pods.pods().matches(w.podLabels())).toList();
        }
        return workloadsMatching(pods);
    }

    /**
     * Declared workloads of the namespaces {@code pods.namespaces()} selects (not null) whose pod labels
     * {@code pods.pods()} selects, in source order.
     */
    public List<WorkloadManifest> workloadsMatching(Peer.Pods pods) {
        // the answer does not depend on any policy's namespace, and such selectors recur in every namespace
        List<WorkloadManifest> cached = crossNamespacePeers.get(pods);
        if (cached == null) {
            List<WorkloadManifest> out = new ArrayList<>();
            for (String ns : namespacesPossiblyMatching(pods.namespaces())) {
                if (pods.namespaces().matches(namespaceLabels(ns))) {
                    workloadsIn(ns).stream().filter(w -> pods.pods().matches(w.podLabels())).forEach(out::add);
                }
            }
            out.sort(Comparator.comparing(workloadOrder::get));
            cached = List.copyOf(out);
            crossNamespacePeers.put(pods, cached);
        }
        return cached;
    }
}
