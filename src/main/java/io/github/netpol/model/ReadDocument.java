package io.github.netpol.model;

import io.github.netpol.finding.Finding;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What reading one document gave (a {@code kind: List} gives several objects), in document order per kind; the
 * {@link ManifestReader} puts the documents' results together in file order. Filled by one thread, then only read.
 */
final class ReadDocument {

    final List<PolicyManifest> policies = new ArrayList<>();
    final List<TierPolicyManifest> tierPolicies = new ArrayList<>();
    final List<CiliumPolicyManifest> ciliumPolicies = new ArrayList<>();
    final List<NamespaceManifest> namespaces = new ArrayList<>();
    final List<WorkloadManifest> workloads = new ArrayList<>();
    final List<UnsupportedPolicyManifest> unsupported = new ArrayList<>();
    final List<Finding> problems = new ArrayList<>();
    final List<ManifestObject> objects = new ArrayList<>();

    /**
     * The same results for a document of the same content at {@code document} (another file, usually the other
     * version's): each object keeps its place inside the document and takes the file and source map of
     * {@code document}. Only a document read without problems is moved (a finding's text may name its place).
     */
    ReadDocument at(Origin document) {
        if (!problems.isEmpty()) {
            throw new IllegalStateException("a document with problems is read again, never moved");
        }
        Map<String, Origin> places = new HashMap<>();
        Function<Origin, Origin> moved = o -> o.pointerPrefix().isEmpty() ? document
                : places.computeIfAbsent(o.pointerPrefix(),
                        prefix -> new Origin(document.file(), document.documentIndex(), prefix, document.sourceMap()));
        ReadDocument here = new ReadDocument();
        policies.forEach(p -> here.policies.add(p.withOrigin(moved.apply(p.origin()))));
        tierPolicies.forEach(p -> here.tierPolicies.add(p.withOrigin(moved.apply(p.origin()))));
        ciliumPolicies.forEach(p -> here.ciliumPolicies.add(p.withOrigin(moved.apply(p.origin()))));
        namespaces.forEach(n -> here.namespaces.add(n.withOrigin(moved.apply(n.origin()))));
        workloads.forEach(w -> here.workloads.add(w.withOrigin(moved.apply(w.origin()))));
        unsupported.forEach(u -> here.unsupported.add(u.withOrigin(moved.apply(u.origin()))));
        objects.forEach(o -> here.objects.add(o.withOrigin(moved.apply(o.origin()))));
        return here;
    }
}
