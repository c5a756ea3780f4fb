package io.github.netpol.model;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.networking.v1.IPBlock;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicySpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns raw trees that {@link SchemaWalker} found well-typed into the fabric8 objects the model keeps: a
 * NetworkPolicy and an {@link ObjectMeta} by hand, setter by setter, as Jackson's conversion would fill them
 * (fields in the order written, {@code null} set as {@code null}, lists and maps copied); anything else (a field
 * the model does not know, {@code managedFields}, a value the walk calls doubtful) by Jackson, created on first
 * need. Building a few classes by hand instead of Jackson's reflective deserializers is what keeps a cold build
 * from loading and compiling Jackson's databind and most of fabric8 for a handful of manifests.
 *
 * <p>Thread-safe; one per run, shared by its readers and validators (Jackson, once needed, is built once).
 */
public final class KubernetesObjects {

    /** The outcome of a conversion: the object, or Jackson's reason to refuse it. */
    public sealed interface Conversion permits Converted, Refused {
    }

    public record Converted(Object value) implements Conversion {
    }

    /** @param pointer where Jackson failed, relative to the object; {@code message} the finding's text */
    public record Refused(String pointer, String message) implements Conversion {
    }

    private volatile JacksonConversion jackson;

    /** The NetworkPolicy of a raw tree; {@code doubtful} when the walk met a value only Jackson can judge. */
    public Conversion networkPolicy(Map<String, Object> raw, boolean doubtful) {
        if (!doubtful) {
            try {
                return new Converted(policy(raw));
            } catch (NotByHand e) {
                // a field outside what is built by hand: Jackson's turn
            }
        }
        return jackson().convert(raw, NetworkPolicy.class);
    }

    /**
     * Jackson's verdict on an object that is not built here (a Namespace, a workload: the model keeps only a few of
     * their fields, read from the raw tree): asked only when the walk met a doubtful value.
     */
    public Conversion check(Map<String, Object> raw, Class<?> type, boolean doubtful) {
        return doubtful ? jackson().convert(raw, type) : new Converted(null);
    }

    /** The metadata of an object that converted: {@code null} when it has none. */
    public ObjectMeta metadata(Map<String, Object> raw) {
        Object metadata = raw.get("metadata");
        if (metadata == null) {
            return null;
        }
        try {
            return meta(metadata);
        } catch (NotByHand e) {
            Map<String, Object> wrapper = new LinkedHashMap<>();
            wrapper.put("metadata", metadata);
            Conversion c = jackson().convert(wrapper, MetadataHolder.class);
            if (c instanceof Converted converted) {
                return ((MetadataHolder) converted.value()).getMetadata();
            }
            throw new IllegalStateException("metadata that converted before no longer converts: " + c);
        }
    }

    /** A bean with only {@code metadata}, for Jackson to read an {@link ObjectMeta} as part of an object. */
    public static final class MetadataHolder {
        private ObjectMeta metadata;

        public ObjectMeta getMetadata() {
            return metadata;
        }

        public void setMetadata(ObjectMeta metadata) {
            this.metadata = metadata;
        }
    }

    private JacksonConversion jackson() {
        JacksonConversion j = jackson;
        if (j == null) {
            synchronized (this) {
                j = jackson;
                if (j == null) {
                    j = new JacksonConversion();
                    jackson = j;
                }
            }
        }
        return j;
    }

    /** A field (or a value) this class does not build: the whole object goes to Jackson. */
    private static final class NotByHand extends RuntimeException {
        NotByHand() {
            super(null, null, false, false);
        }
    }

    private static final NotByHand NOT_BY_HAND = new NotByHand();

    // ---- by hand; the walk has checked every JSON type, so the casts hold ----

    private static NetworkPolicy policy(Map<String, Object> raw) {
        NetworkPolicy p = new NetworkPolicy();
        for (Map.Entry<String, Object> e : raw.entrySet()) {
            Object v = e.getValue();
            switch (e.getKey()) {
                case "apiVersion" -> p.setApiVersion((String) v);
                case "kind" -> p.setKind((String) v);
                case "metadata" -> p.setMetadata(v == null ? null : meta(v));
                case "spec" -> p.setSpec(v == null ? null : spec(map(v)));
                default -> throw NOT_BY_HAND;
            }
        }
        return p;
    }

    private static NetworkPolicySpec spec(Map<String, Object> raw) {
        NetworkPolicySpec s = new NetworkPolicySpec();
        for (Map.Entry<String, Object> e : raw.entrySet()) {
            Object v = e.getValue();
            switch (e.getKey()) {
                case "podSelector" -> s.setPodSelector(selector(v));
                case "policyTypes" -> s.setPolicyTypes(strings(v));
                case "ingress" -> s.setIngress(list(v, KubernetesObjects::ingress));
                case "egress" -> s.setEgress(list(v, KubernetesObjects::egress));
                default -> throw NOT_BY_HAND;
            }
        }
        return s;
    }

    private static NetworkPolicyIngressRule ingress(Object raw) {
        NetworkPolicyIngressRule r = new NetworkPolicyIngressRule();
        for (Map.Entry<String, Object> e : map(raw).entrySet()) {
            switch (e.getKey()) {
                case "from" -> r.setFrom(list(e.getValue(), KubernetesObjects::peer));
                case "ports" -> r.setPorts(list(e.getValue(), KubernetesObjects::port));
                default -> throw NOT_BY_HAND;
            }
        }
        return r;
    }

    private static NetworkPolicyEgressRule egress(Object raw) {
        NetworkPolicyEgressRule r = new NetworkPolicyEgressRule();
        for (Map.Entry<String, Object> e : map(raw).entrySet()) {
            switch (e.getKey()) {
                case "to" -> r.setTo(list(e.getValue(), KubernetesObjects::peer));
                case "ports" -> r.setPorts(list(e.getValue(), KubernetesObjects::port));
                default -> throw NOT_BY_HAND;
            }
        }
        return r;
    }

    private static NetworkPolicyPeer peer(Object raw) {
        NetworkPolicyPeer p = new NetworkPolicyPeer();
        for (Map.Entry<String, Object> e : map(raw).entrySet()) {
            switch (e.getKey()) {
                case "podSelector" -> p.setPodSelector(selector(e.getValue()));
                case "namespaceSelector" -> p.setNamespaceSelector(selector(e.getValue()));
                case "ipBlock" -> p.setIpBlock(e.getValue() == null ? null : ipBlock(map(e.getValue())));
                default -> throw NOT_BY_HAND;
            }
        }
        return p;
    }

    private static IPBlock ipBlock(Map<String, Object> raw) {
        IPBlock b = new IPBlock();
        for (Map.Entry<String, Object> e : raw.entrySet()) {
            switch (e.getKey()) {
                case "cidr" -> b.setCidr((String) e.getValue());
                case "except" -> b.setExcept(strings(e.getValue()));
                default -> throw NOT_BY_HAND;
            }
        }
        return b;
    }

    private static NetworkPolicyPort port(Object raw) {
        NetworkPolicyPort p = new NetworkPolicyPort();
        for (Map.Entry<String, Object> e : map(raw).entrySet()) {
            Object v = e.getValue();
            switch (e.getKey()) {
                case "protocol" -> p.setProtocol((String) v);
                case "port" -> p.setPort(v == null ? null : new IntOrString(v));
                case "endPort" -> p.setEndPort((Integer) v);
                default -> throw NOT_BY_HAND;
            }
        }
        return p;
    }

    private static LabelSelector selector(Object raw) {
        if (raw == null) {
            return null;
        }
        LabelSelector s = new LabelSelector();
        for (Map.Entry<String, Object> e : map(raw).entrySet()) {
            switch (e.getKey()) {
                case "matchLabels" -> s.setMatchLabels(stringMap(e.getValue()));
                case "matchExpressions" -> s.setMatchExpressions(list(e.getValue(), KubernetesObjects::requirement));
                default -> throw NOT_BY_HAND;
            }
        }
        return s;
    }

    private static LabelSelectorRequirement requirement(Object raw) {
        LabelSelectorRequirement r = new LabelSelectorRequirement();
        for (Map.Entry<String, Object> e : map(raw).entrySet()) {
            switch (e.getKey()) {
                case "key" -> r.setKey((String) e.getValue());
                case "operator" -> r.setOperator((String) e.getValue());
                case "values" -> r.setValues(strings(e.getValue()));
                default -> throw NOT_BY_HAND;
            }
        }
        return r;
    }

    private static ObjectMeta meta(Object raw) {
        ObjectMeta m = new ObjectMeta();
        for (Map.Entry<String, Object> e : map(raw).entrySet()) {
            Object v = e.getValue();
            switch (e.getKey()) {
                case "name" -> m.setName((String) v);
                case "generateName" -> m.setGenerateName((String) v);
                case "namespace" -> m.setNamespace((String) v);
                case "labels" -> m.setLabels(stringMap(v));
                case "annotations" -> m.setAnnotations(stringMap(v));
                case "finalizers" -> m.setFinalizers(strings(v));
                case "uid" -> m.setUid((String) v);
                case "resourceVersion" -> m.setResourceVersion((String) v);
                case "selfLink" -> m.setSelfLink((String) v);
                case "creationTimestamp" -> m.setCreationTimestamp((String) v);
                case "deletionTimestamp" -> m.setDeletionTimestamp((String) v);
                case "generation" -> m.setGeneration(v == null ? null : ((Number) v).longValue());
                case "deletionGracePeriodSeconds" -> m.setDeletionGracePeriodSeconds(v == null ? null : ((Number) v).longValue());
                default -> throw NOT_BY_HAND; // managedFields, ownerReferences, fields the model does not know
            }
        }
        return m;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object raw) {
        if (!(raw instanceof Map<?, ?>)) {
            throw NOT_BY_HAND; // a null item where an object belongs: Jackson's way of keeping it is its own
        }
        return (Map<String, Object>) raw;
    }

    private static <T> List<T> list(Object raw, Function<Object, T> item) {
        if (raw == null) {
            return null;
        }
        List<?> items = (List<?>) raw;
        List<T> out = new ArrayList<>(items.size());
        for (Object i : items) {
            out.add(i == null ? null : item.apply(i));
        }
        return out;
    }

    private static List<String> strings(Object raw) {
        return list(raw, String.class::cast);
    }

    private static Map<String, String> stringMap(Object raw) {
        if (raw == null) {
            return null;
        }
        Map<String, String> out = new LinkedHashMap<>();
        ((Map<?, ?>) raw).forEach((k, v) -> out.put(String.valueOf(k), (String) v));
        return out;
    }
}
