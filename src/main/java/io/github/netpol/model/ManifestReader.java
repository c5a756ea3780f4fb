package io.github.netpol.model;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.github.netpol.finding.Finding;
import io.github.netpol.finding.FindingCode;
import io.github.netpol.load.JsonPointer;
import io.github.netpol.load.LoadResult;
import io.github.netpol.load.ManifestLoader;
import io.github.netpol.load.RawDocument;
import io.github.netpol.load.SourceFile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the {@link ManifestSet} of a set of files: loads them, unpacks lists, checks apiVersion and
 * JSON types, converts recognized kinds to fabric8 objects and defaults namespaces.
 */
public final class ManifestReader {

    private final SchemaWalker schema = new SchemaWalker();
    private final KubernetesObjects converter;

    public ManifestReader() {
        this(new KubernetesObjects());
    }

    /** @param objects shared with the other readers and validators of the same run (Jackson, if needed, is built once) */
    public ManifestReader(KubernetesObjects objects) {
        this.converter = objects;
    }

    public ManifestSet read(List<SourceFile> files, String defaultNamespace) {
        return read(new ManifestLoader().load(files), defaultNamespace);
    }

    public ManifestSet read(LoadResult loaded, String defaultNamespace) {
        return read(loaded, defaultNamespace, SharedReading.Side.parsesOnly(null));
    }

    /**
     * Reads the documents, taking those the other side of {@code shared} has read already; the set is the same as
     * {@link #read(LoadResult, String)} gives, with every object at its place in these files.
     */
    public ManifestSet read(LoadResult loaded, String defaultNamespace, SharedReading.Side shared) {
        List<ReadDocument> reads = shared.inOrder(loaded.documents(), doc -> document(doc, defaultNamespace, shared));
        List<PolicyManifest> policies = new ArrayList<>();
        List<TierPolicyManifest> tierPolicies = new ArrayList<>();
        List<CiliumPolicyManifest> ciliumPolicies = new ArrayList<>();
        List<NamespaceManifest> namespaces = new ArrayList<>();
        List<WorkloadManifest> workloads = new ArrayList<>();
        List<UnsupportedPolicyManifest> unsupported = new ArrayList<>();
        List<Finding> problems = new ArrayList<>(loaded.problems());
        List<ManifestObject> objects = new ArrayList<>();
        for (ReadDocument read : reads) {
            policies.addAll(read.policies);
            tierPolicies.addAll(read.tierPolicies);
            ciliumPolicies.addAll(read.ciliumPolicies);
            namespaces.addAll(read.namespaces);
            workloads.addAll(read.workloads);
            unsupported.addAll(read.unsupported);
            problems.addAll(read.problems);
            objects.addAll(read.objects);
        }
        return new ManifestSet(policies, namespaces, workloads, unsupported, problems, objects, tierPolicies,
                ciliumPolicies);
    }

    private ReadDocument document(RawDocument doc, String defaultNamespace, SharedReading.Side shared) {
        Origin origin = new Origin(doc.file(), doc.index(), "", new SourceMap(doc.positions()));
        ReadDocument taken = shared.take(doc.tree(), defaultNamespace);
        if (taken != null) {
            return taken.at(origin);
        }
        ReadDocument read = new ReadDocument();
        new Builder(defaultNamespace, read).object(doc.tree(), origin);
        shared.keep(doc.tree(), defaultNamespace, read);
        return read;
    }

    /** Reads one document into its {@link ReadDocument}. */
    private final class Builder {
        private final String defaultNamespace;
        private final ReadDocument into;

        Builder(String defaultNamespace, ReadDocument into) {
            this.defaultNamespace = defaultNamespace;
            this.into = into;
        }

        @SuppressWarnings("unchecked")
        void object(Object tree, Origin origin) {
            if (!(tree instanceof Map<?, ?>)) {
                // the document is not a manifest: say what it is, never what it says
                error(FindingCode.NOT_AN_OBJECT, origin, "", "A manifest document must be a map with apiVersion and kind, found "
                        + SchemaWalker.typeOf(tree) + ".");
                return;
            }
            Map<String, Object> raw = (Map<String, Object>) tree;
            if (!(raw.get("apiVersion") instanceof String apiVersion) || apiVersion.isEmpty()
                    || !(raw.get("kind") instanceof String kind) || kind.isEmpty()) {
                error(FindingCode.MISSING_TYPE_INFO, origin, "", "Every object needs a string apiVersion and kind; add them.");
                return;
            }
            if (kind.endsWith("List") && raw.containsKey("items")) {
                list(raw, apiVersion, kind, origin);
                return;
            }
            into.objects.add(new ManifestObject(apiVersion, kind, raw, origin));
            if (KubernetesKinds.tierKind(apiVersion, kind).isPresent()) {
                // validated against the kind's CRD schema by the API-server checks
                into.tierPolicies.add(new TierPolicyManifest(apiVersion, kind, nameOf(raw), raw, origin, ObjectDigest.of(raw)));
                return;
            }
            if (CiliumPolicyManifest.isCiliumPolicy(apiVersion, kind)) {
                String namespace = CiliumPolicyManifest.CLUSTERWIDE.equals(kind) ? null
                        : Optional.ofNullable(namespaceOf(raw)).orElse(defaultNamespace);
                into.ciliumPolicies.add(new CiliumPolicyManifest(apiVersion, kind, namespace, nameOf(raw), raw, origin,
                        ObjectDigest.of(raw)));
                // analysed; the analysis lists the policies it does not read itself, so the check fails closed on them
                return;
            }
            Optional<KubernetesKinds.Kind> notAnalysed = KubernetesKinds.notAnalysed(apiVersion, kind);
            if (notAnalysed.isPresent()) {
                KubernetesKinds.Kind k = notAnalysed.get();
                String namespace = k.clusterScoped() ? null
                        : Optional.ofNullable(namespaceOf(raw)).orElse(defaultNamespace);
                into.unsupported.add(new UnsupportedPolicyManifest(apiVersion, kind, namespace, nameOf(raw), origin,
                        ObjectDigest.of(raw), k.treatment(), k.product()));
                return;
            }
            KubernetesKinds.known(kind).ifPresent(known -> {
                if (!known.apiVersion().equals(apiVersion)) {
                    error(FindingCode.UNKNOWN_API_VERSION, origin, "/apiVersion", kind + " is not served as apiVersion '"
                            + apiVersion + "'; use apiVersion: " + known.apiVersion() + ".");
                } else {
                    typed(known, raw, origin);
                }
            });
        }

        private void list(Map<String, Object> raw, String apiVersion, String kind, Origin origin) {
            if (!(raw.get("items") instanceof List<?> items)) {
                error(FindingCode.WRONG_TYPE, origin, "/items", "Field 'items' must be a list, found "
                        + SchemaWalker.describe(raw.get("items")) + ".");
                return;
            }
            for (int i = 0; i < items.size(); i++) {
                Origin item = new Origin(origin.file(), origin.documentIndex(),
                        JsonPointer.child(origin.pointerPrefix() + "/items", i), origin.sourceMap());
                object(typedItem(items.get(i), apiVersion, kind), item);
            }
        }

        /**
         * The API server leaves apiVersion and kind out of the items of a typed list ({@code PodList}); like
         * the Kubernetes decoder, an item without both takes the list's apiVersion and the kind without "List".
         */
        @SuppressWarnings("unchecked")
        private static Object typedItem(Object item, String apiVersion, String listKind) {
            String kind = listKind.substring(0, listKind.length() - "List".length());
            if (kind.isEmpty() || !(item instanceof Map<?, ?> map) || map.containsKey("apiVersion") || map.containsKey("kind")) {
                return item;
            }
            Map<String, Object> typed = new LinkedHashMap<>();
            typed.put("apiVersion", apiVersion);
            typed.put("kind", kind);
            typed.putAll((Map<String, Object>) map);
            return typed;
        }

        private void typed(KubernetesKinds.Known known, Map<String, Object> raw, Origin origin) {
            int before = into.problems.size();
            boolean[] doubtful = {false};
            schema.walk(known.type(), raw, "", new SchemaWalker.Visitor() {
                @Override
                public void wrongType(String pointer, String expected, Object actual) {
                    error(FindingCode.WRONG_TYPE, origin, pointer, "Field '" + JsonPointer.display(pointer) + "' must be "
                            + expected + ", found " + SchemaWalker.describe(actual) + ".");
                }

                @Override
                public void doubtful(String pointer) {
                    doubtful[0] = true;
                }
            });
            if (into.problems.size() > before) {
                return;
            }
            KubernetesObjects.Conversion conversion = known.type() == NetworkPolicy.class
                    ? converter.networkPolicy(raw, doubtful[0]) : converter.check(raw, known.type(), doubtful[0]);
            if (conversion instanceof KubernetesObjects.Refused refused) {
                error(FindingCode.WRONG_TYPE, origin, refused.pointer(), refused.message());
                return;
            }
            String namespace = namespaceOf(raw);
            boolean defaulted = namespace == null;
            String effective = defaulted ? defaultNamespace : namespace;
            if (known.type() == NetworkPolicy.class) {
                NetworkPolicy policy = (NetworkPolicy) ((KubernetesObjects.Converted) conversion).value();
                into.policies.add(new PolicyManifest(policy, effective, defaulted, origin));
            } else if (known.kind().equals("Namespace")) {
                String name = nameOf(raw);
                ObjectMeta meta = converter.metadata(raw);
                Map<String, String> labels = new LinkedHashMap<>();
                if (meta != null && meta.getLabels() != null) {
                    labels.putAll(meta.getLabels());
                }
                if (name != null) {
                    labels.put(NamespaceManifest.NAME_LABEL, name);
                }
                Map<String, String> annotations = meta == null || meta.getAnnotations() == null
                        ? Map.of() : meta.getAnnotations();
                into.namespaces.add(new NamespaceManifest(name, labels, annotations, origin));
            } else if (known.workload()) {
                WorkloadManifest workload = WorkloadExtractor.extract(known.kind(), raw, effective, defaulted, origin,
                        pointer -> error(FindingCode.WRONG_TYPE, origin, pointer, "Field '" + JsonPointer.display(pointer)
                                + "' must be an object, found null: the API server rejects it (a container needs a name"
                                + " and an image, a port its containerPort); remove the empty item."));
                into.workloads.add(workload);
            }
        }

        private void error(FindingCode code, Origin origin, String pointer, String message) {
            into.problems.add(Finding.of(code, message).at(origin.at(pointer)));
        }
    }

    private static Map<?, ?> metadata(Map<String, Object> raw) {
        return raw.get("metadata") instanceof Map<?, ?> m ? m : Map.of();
    }

    static String nameOf(Map<String, Object> raw) {
        return metadata(raw).get("name") instanceof String s ? s : null;
    }

    static String namespaceOf(Map<String, Object> raw) {
        return metadata(raw).get("namespace") instanceof String s && !s.isEmpty() ? s : null;
    }
}
