package io.github.netpol.analysis.oracle.cilium;

import io.github.netpol.analysis.oracle.cilium.CiliumWorld.AddressKind;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cilium label sets and endpoint selectors, read literally: a selector key {@code src:k} has source {@code src},
 * {@code $k} source {@code reserved}, a key without a source {@code any}; {@code any} matches a label of every
 * source, any other source only labels of that source. Pods carry {@code k8s} labels only (their own, filtered
 * by the default identity label filter, plus namespace, namespace labels, service account and cluster);
 * addresses carry {@code reserved} labels only.
 */
final class CiliumLabels {

    static final String NS = "io.kubernetes.pod.namespace";
    static final String NS_LABELS = "io.cilium.k8s.namespace.labels.";
    static final String SERVICE_ACCOUNT = "io.cilium.k8s.policy.serviceaccount";
    static final String CLUSTER = "io.cilium.k8s.policy.cluster";
    static final String CLUSTER_NAME = "default";

    private CiliumLabels() {
    }

    /** One requirement of a selector, on an extended key. */
    record Req(String source, String key, String op, List<String> values) {
        boolean nsName() {
            return key.equals(NS) && (source.equals("k8s") || source.equals("any"));
        }

        boolean nsLabels() {
            return key.startsWith(NS_LABELS) && (source.equals("k8s") || source.equals("any"));
        }
    }

    /** A label set: source → key → value. */
    record LabelSet(Map<String, Map<String, String>> bySource) {
        boolean has(Req r, String value) {
            for (Map.Entry<String, Map<String, String>> e : bySource.entrySet()) {
                if (r.source().equals("any") || r.source().equals(e.getKey())) {
                    String v = e.getValue().get(r.key());
                    if (v != null && (value == null || value.equals(v))) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    /** The default identity label filter: pod label keys Cilium leaves out of identities. */
    static Map<String, String> identityLabels(Map<String, String> podLabels) {
        Map<String, String> out = new LinkedHashMap<>();
        podLabels.forEach((k, v) -> {
            if (!dropped(k)) {
                out.put(k, v);
            }
        });
        return out;
    }

    static boolean dropped(String key) {
        return key.startsWith("io.kubernetes") || key.startsWith("kubernetes.io") || key.startsWith("k8s.io")
                || key.matches(".*beta\\.kubernetes\\.io.*") || key.equals("pod-template-hash")
                || key.equals("pod-template-generation") || key.equals("controller-revision-hash")
                || key.equals("statefulset.kubernetes.io/pod-name") || key.equals("apps.kubernetes.io/pod-index")
                || key.startsWith("batch.kubernetes.io/") || key.startsWith("annotation.") || key.equals("etcd_node");
    }

    static LabelSet of(CiliumPeer.Pod pod) {
        Map<String, String> k8s = new LinkedHashMap<>(identityLabels(pod.podLabels()));
        k8s.put(NS, pod.namespace());
        pod.namespaceLabels().forEach((k, v) -> k8s.put(NS_LABELS + k, v));
        k8s.put(SERVICE_ACCOUNT, pod.serviceAccount());
        k8s.put(CLUSTER, CLUSTER_NAME);
        return new LabelSet(Map.of("k8s", k8s));
    }

    /** The reserved labels of an address of the world's kind. */
    static LabelSet of(CiliumWorld w) {
        Map<String, String> r = new LinkedHashMap<>();
        String node = w.sameNode() ? "host" : "remote-node";
        switch (w.addressKind()) {
            case WORLD -> r.put("world", "");
            case NODE -> r.put(node, "");
            case APISERVER_NODE -> {
                r.put("kube-apiserver", "");
                r.put(node, "");
            }
            case APISERVER_EXT -> {
                r.put("kube-apiserver", "");
                if (w.worldHasApiserver()) {
                    r.put("world", "");
                }
            }
            default -> r.put(w.addressKind().name().toLowerCase(java.util.Locale.ROOT), "");
        }
        return new LabelSet(Map.of("reserved", r));
    }

    static boolean isNode(AddressKind k) {
        return k == AddressKind.NODE || k == AddressKind.APISERVER_NODE;
    }

    /** {@code src:k}, {@code $k} or {@code k} → [source, key]. */
    static String[] extended(String key) {
        if (key.startsWith("$")) {
            return new String[] {"reserved", key.substring(1)};
        }
        int colon = key.indexOf(':');
        return colon > 0 ? new String[] {key.substring(0, colon), key.substring(colon + 1)}
                : new String[] {"any", key};
    }

    /** The requirements of a selector as written (matchLabels first, in order, then matchExpressions). */
    static List<Req> requirements(Map<String, Object> selector) {
        List<Req> out = new ArrayList<>();
        if (selector == null) {
            return out;
        }
        Map<String, Object> ml = CiliumOracle.map(selector.get("matchLabels"));
        if (ml != null) {
            ml.forEach((k, v) -> {
                String[] e = extended(k);
                out.add(new Req(e[0], e[1], "In", List.of(String.valueOf(v == null ? "" : v))));
            });
        }
        for (Map<String, Object> x : CiliumOracle.maps(selector.get("matchExpressions"))) {
            String[] e = extended((String) x.get("key"));
            List<String> vals = new ArrayList<>();
            for (Object v : CiliumOracle.list(x.get("values"))) {
                vals.add(String.valueOf(v));
            }
            out.add(new Req(e[0], e[1], (String) x.get("operator"), vals));
        }
        return out;
    }

    static boolean matches(List<Req> reqs, LabelSet labels) {
        for (Req r : reqs) {
            boolean ok = switch (r.op()) {
                case "In" -> r.values().stream().anyMatch(v -> labels.has(r, v));
                case "NotIn" -> r.values().stream().noneMatch(v -> labels.has(r, v));
                case "Exists" -> labels.has(r, null);
                case "DoesNotExist" -> !labels.has(r, null);
                default -> throw new CiliumOracle.Refused("unknown selector operator " + r.op());
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
