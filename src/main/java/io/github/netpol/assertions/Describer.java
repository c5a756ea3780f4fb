package io.github.netpol.assertions;

import io.github.netpol.analysis.AnalyzedVersion;
import io.github.netpol.analysis.Cube;
import io.github.netpol.analysis.Dim;
import io.github.netpol.analysis.IpAddresses;
import io.github.netpol.analysis.NamespaceUniverse;
import io.github.netpol.analysis.Region;
import io.github.netpol.analysis.SideAnalysis;
import io.github.netpol.analysis.SideRegion;
import io.github.netpol.analysis.ValueSet;
import io.github.netpol.finding.Direction;
import io.github.netpol.model.ManifestSet;
import io.github.netpol.model.WorkloadManifest;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Turns endpoints as written into {@link Described} ends. A workload's pods carry exactly its
 * template labels: every label key a policy mentions is pinned to the workload's value or to absent,
 * which is all the regions can tell apart.
 */
final class Describer {

    private final NamespaceUniverse universe;
    private final Map<String, WorkloadManifest> workloads;
    private final Set<String> mentionedKeys;

    Describer(ManifestSet set, AnalyzedVersion version) {
        this.universe = version.universe();
        this.workloads = set.workloads().stream()
                .collect(Collectors.toMap(WorkloadManifest::id, Function.identity(), (a, b) -> a, TreeMap::new));
        this.mentionedKeys = mentionedPodLabelKeys(version);
    }

    Described describe(EndpointSpec spec) {
        if (spec instanceof EndpointSpec.Addresses a) {
            return Described.addresses(IpAddresses.cidr(a.cidr()).orElseThrow());
        }
        if (spec instanceof EndpointSpec.WorkloadRef w) {
            return workload(workloads.get(w.id()));
        }
        return pods((EndpointSpec.Pods) spec);
    }

    Described workload(WorkloadManifest w) {
        Map<String, ValueSet> labels = new TreeMap<>();
        Set<String> keys = new HashSet<>(mentionedKeys);
        keys.addAll(w.podLabels().keySet());
        for (String k : keys) {
            String v = w.podLabels().get(k);
            labels.put(k, v == null ? ValueSet.onlyAbsent() : ValueSet.of(v));
        }
        return new Described(Region.of(Cube.all().with(Dim.NAMESPACE_NAME, ValueSet.of(w.namespace()))), labels,
                w.namedPorts(), null);
    }

    private Described pods(EndpointSpec.Pods p) {
        Region where;
        if (p.namespace() != null) {
            where = Region.of(Cube.all().with(Dim.NAMESPACE_NAME, ValueSet.of(p.namespace())));
        } else if (p.namespaceLabels() != null) {
            where = universe.matching(equalities(p.namespaceLabels()));
        } else {
            where = Region.all();
        }
        return new Described(where, equalities(p.podLabels()), null, null);
    }

    private static Map<String, ValueSet> equalities(Map<String, String> labels) {
        Map<String, ValueSet> out = new TreeMap<>();
        labels.forEach((k, v) -> out.put(k, ValueSet.of(v)));
        return out;
    }

    /** Label keys of pods (local or peer) that some side of the version depends on. */
    private static Set<String> mentionedPodLabelKeys(AnalyzedVersion version) {
        Set<String> keys = new HashSet<>();
        for (String ns : version.namespaces()) {
            for (Direction d : Direction.values()) {
                SideAnalysis side = version.side(ns, d);
                collect(side.isolated(), keys);
                SideRegion allowed = side.allowed();
                collect(allowed.pods(), keys);
                collect(allowed.ips(), keys);
            }
        }
        return keys;
    }

    private static void collect(Region region, Set<String> keys) {
        for (Cube c : region.cubes()) {
            c.forEach((dim, set) -> {
                if (dim.kind() == Dim.Kind.LOCAL_LABEL || dim.kind() == Dim.Kind.PEER_LABEL) {
                    keys.add(dim.key());
                }
            });
        }
    }
}
