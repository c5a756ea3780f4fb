package io.github.netpol.validate.lint;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.github.netpol.finding.Finding;
import io.github.netpol.finding.FindingCode;
import io.github.netpol.finding.SourcePosition;
import io.github.netpol.model.CiliumPolicyManifest;
import io.github.netpol.model.ContainerPort;
import io.github.netpol.model.ManifestSet;
import io.github.netpol.model.NamespaceManifest;
import io.github.netpol.model.Origin;
import io.github.netpol.model.PolicyManifest;
import io.github.netpol.model.SourceMap;
import io.github.netpol.model.TierPolicyManifest;
import io.github.netpol.model.semantics.TierPolicy;
import io.github.netpol.model.WorkloadManifest;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * TEST FIXTURE, not the real loader: turns YAML text into a {@link ManifestSet} with real line/column
 * positions, just enough for lint tests (NetworkPolicy, the tier policies, the Cilium policies, Namespace, the
 * workload kinds, {@code kind: List}).
 * Documents it cannot convert become {@code problems}.
 */
final class ManifestFixture {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> TEMPLATED = Set.of("Deployment", "ReplicaSet", "StatefulSet", "DaemonSet", "Job",
            "ReplicationController");

    private final List<PolicyManifest> policies = new ArrayList<>();
    private final List<NamespaceManifest> namespaces = new ArrayList<>();
    private final List<WorkloadManifest> workloads = new ArrayList<>();
    private final List<Finding> problems = new ArrayList<>();
    private final List<TierPolicyManifest> tierPolicies = new ArrayList<>();
    private final List<CiliumPolicyManifest> ciliumPolicies = new ArrayList<>();

    private ManifestFixture() {
    }

    /** One file {@code test.yaml}. */
    static ManifestSet load(String yaml) {
        return load(Map.of("test.yaml", yaml));
    }

    /** Files by name; read in name order. */
    static ManifestSet load(Map<String, String> files) {
        ManifestFixture f = new ManifestFixture();
        new java.util.TreeMap<>(files).forEach(f::readFile);
        return new ManifestSet(f.policies, f.namespaces, f.workloads, List.of(), f.problems, List.of(), f.tierPolicies,
                f.ciliumPolicies);
    }

    private void readFile(String file, String text) {
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        int index = 0;
        try {
            for (Node root : yaml.composeAll(new StringReader(text))) {
                Map<String, SourcePosition> positions = new HashMap<>();
                Object value = walk(file, root, "", positions);
                SourceMap map = new SourceMap(file, positions);
                if (value instanceof Map<?, ?> doc) {
                    readObject(doc, new Origin(file, index, "", map));
                }
                index++;
            }
        } catch (RuntimeException e) {
            problems.add(Finding.of(FindingCode.YAML_SYNTAX, e.getMessage()).at(SourcePosition.ofFile(file)));
        }
    }

    @SuppressWarnings("unchecked")
    private void readObject(Map<?, ?> doc, Origin origin) {
        String kind = String.valueOf(doc.get("kind"));
        Map<String, Object> meta = doc.get("metadata") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        String ns = meta.get("namespace") == null ? null : String.valueOf(meta.get("namespace"));
        String name = String.valueOf(meta.get("name"));
        Map<String, String> annotations = strings(meta.get("annotations"));
        try {
            switch (kind) {
                case "List" -> {
                    List<Object> items = doc.get("items") instanceof List<?> l ? (List<Object>) l : List.of();
                    for (int i = 0; i < items.size(); i++) {
                        if (items.get(i) instanceof Map<?, ?> item) {
                            readObject(item, new Origin(origin.file(), origin.documentIndex(),
                                    origin.pointerPrefix() + "/items/" + i, origin.sourceMap()));
                        }
                    }
                }
                case "NetworkPolicy" -> {
                    if (String.valueOf(doc.get("apiVersion")).startsWith("networking.k8s.io/")) {
                        policies.add(new PolicyManifest(JSON.convertValue(doc, NetworkPolicy.class),
                                ns == null ? "default" : ns, ns == null, origin));
                    }
                }
                case "ClusterNetworkPolicy", "AdminNetworkPolicy", "BaselineAdminNetworkPolicy" -> {
                    String apiVersion = String.valueOf(doc.get("apiVersion"));
                    if (TierPolicy.Kind.of(apiVersion, kind).isPresent()) {
                        tierPolicies.add(new TierPolicyManifest(apiVersion, kind, name, (Map<String, Object>) doc, origin,
                                String.valueOf(doc.hashCode())));
                    }
                }
                case CiliumPolicyManifest.NAMESPACED, CiliumPolicyManifest.CLUSTERWIDE -> {
                    String apiVersion = String.valueOf(doc.get("apiVersion"));
                    if (CiliumPolicyManifest.isCiliumPolicy(apiVersion, kind)) {
                        boolean clusterwide = CiliumPolicyManifest.CLUSTERWIDE.equals(kind);
                        ciliumPolicies.add(new CiliumPolicyManifest(apiVersion, kind,
                                clusterwide ? null : ns == null ? "default" : ns, name, (Map<String, Object>) doc,
                                origin, String.valueOf(doc.hashCode())));
                    }
                }
                case "Namespace" -> {
                    Map<String, String> labels = new LinkedHashMap<>(strings(meta.get("labels")));
                    labels.put(NamespaceManifest.NAME_LABEL, name);
                    namespaces.add(new NamespaceManifest(name, labels, annotations, origin));
                }
                case "Pod" -> workload(kind, ns, name, annotations, map(doc, "metadata"), map(doc, "spec"), origin);
                case "CronJob" -> {
                    Map<String, Object> tpl = map(map(map(map(doc, "spec"), "jobTemplate"), "spec"), "template");
                    workload(kind, ns, name, annotations, map(tpl, "metadata"), map(tpl, "spec"), origin);
                }
                default -> {
                    if (TEMPLATED.contains(kind)) {
                        Map<String, Object> tpl = map(map(doc, "spec"), "template");
                        workload(kind, ns, name, annotations, map(tpl, "metadata"), map(tpl, "spec"), origin);
                    }
                }
            }
        } catch (IllegalArgumentException | ClassCastException e) {
            problems.add(Finding.of(FindingCode.WRONG_TYPE, kind + " " + name + ": " + e.getMessage()).at(origin.start()));
        }
    }

    @SuppressWarnings("unchecked")
    private void workload(String kind, String ns, String name, Map<String, String> annotations,
                          Map<String, Object> podMeta, Map<String, Object> podSpec, Origin origin) {
        List<ContainerPort> ports = new ArrayList<>();
        for (String list : List.of("containers", "initContainers")) {
            if (podSpec.get(list) instanceof List<?> containers) {
                for (Object c : containers) {
                    if (c instanceof Map<?, ?> container && container.get("ports") instanceof List<?> ps) {
                        for (Object p : ps) {
                            Map<String, Object> port = (Map<String, Object>) p;
                            Object number = port.get("containerPort");
                            ports.add(new ContainerPort(port.get("name") == null ? null : String.valueOf(port.get("name")),
                                    port.get("protocol") == null ? "TCP" : String.valueOf(port.get("protocol")),
                                    number instanceof Number n ? n.intValue() : Integer.parseInt(String.valueOf(number))));
                        }
                    }
                }
            }
        }
        workloads.add(new WorkloadManifest(kind, ns == null ? "default" : ns, name, ns == null,
                strings(podMeta.get("labels")), ports, Boolean.TRUE.equals(podSpec.get("hostNetwork")), annotations, origin));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<?, ?> parent, String key) {
        return parent.get(key) instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private static Map<String, String> strings(Object value) {
        Map<String, String> out = new LinkedHashMap<>();
        if (value instanceof Map<?, ?> m) {
            m.forEach((k, v) -> out.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
        }
        return out;
    }

    /** Converts a node to plain Java values and records the position of it and every node below it. */
    private static Object walk(String file, Node node, String pointer, Map<String, SourcePosition> positions) {
        positions.putIfAbsent(pointer, position(file, node));
        if (node instanceof MappingNode mapping) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (NodeTuple t : mapping.getValue()) {
                String key = String.valueOf(walk(file, t.getKeyNode(), pointer + "/#key", new HashMap<>()));
                String child = pointer + "/" + key.replace("~", "~0").replace("/", "~1");
                positions.put(child, position(file, t.getKeyNode()));
                out.put(key, walk(file, t.getValueNode(), child, positions));
            }
            return out;
        }
        if (node instanceof SequenceNode sequence) {
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < sequence.getValue().size(); i++) {
                out.add(walk(file, sequence.getValue().get(i), pointer + "/" + i, positions));
            }
            return out;
        }
        ScalarNode scalar = (ScalarNode) node;
        String text = scalar.getValue();
        Tag tag = scalar.getTag();
        if (Tag.NULL.equals(tag)) {
            return null;
        }
        if (Tag.BOOL.equals(tag)) {
            return Boolean.parseBoolean(text.toLowerCase(java.util.Locale.ROOT));
        }
        if (Tag.INT.equals(tag)) {
            try {
                return Integer.parseInt(text);
            } catch (NumberFormatException e) {
                return text;
            }
        }
        return text;
    }

    private static SourcePosition position(String file, Node node) {
        return new SourcePosition(file, node.getStartMark().getLine() + 1, node.getStartMark().getColumn() + 1);
    }
}
