package io.github.netpol.model.semantics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How Cilium reads the label keys of an endpoint selector ({@code labels.GetExtendedKeyFrom}): a key names its
 * source before the first {@code :} ({@code k8s:app}), a {@code $} key is {@code reserved}, a key without a source
 * is {@code any}; the selector then holds the extended key {@code source.key}. Pod labels have the source
 * {@code k8s}, which {@code any} also matches.
 */
public final class CiliumLabels {

    public static final String ANY = "any";
    public static final String K8S = "k8s";
    public static final String RESERVED = "reserved";
    /** The label Cilium gives every pod for its namespace, and adds to a CiliumNetworkPolicy's selectors. */
    public static final String POD_NAMESPACE = "io.kubernetes.pod.namespace";
    /** The prefix of the labels Cilium gives a pod for each label of its namespace. */
    public static final String NAMESPACE_LABELS = "io.cilium.k8s.namespace.labels.";
    public static final String SERVICE_ACCOUNT = "io.cilium.k8s.policy.serviceaccount";
    public static final String CLUSTER = "io.cilium.k8s.policy.cluster";

    private CiliumLabels() {
    }

    /** A label key read Cilium's way: its source and the key proper. */
    public record Key(String source, String key) {

        /** {@code source.key}, the form the selector matches. */
        public String extended() {
            return source + "." + key;
        }

        /** Whether a label of a pod (source {@code k8s}) can satisfy it. */
        public boolean readsPodLabels() {
            return source.equals(ANY) || source.equals(K8S);
        }
    }

    /** {@code GetExtendedKeyFrom}: the source and key of a selector key as written; a {@code =value} tail is cut. */
    public static Key key(String written) {
        String s = written == null ? "" : written;
        String source;
        String next;
        if (s.isEmpty()) {
            source = "";
            next = "";
        } else if (s.charAt(0) == '$') {
            source = RESERVED;
            next = s.substring(1);
        } else {
            int colon = s.indexOf(':');
            source = colon < 0 ? "" : s.substring(0, colon);
            next = colon < 0 ? s : s.substring(colon + 1);
        }
        int eq = next.indexOf('=');
        return new Key(source.isEmpty() ? ANY : source, eq >= 0 ? next.substring(0, eq) : next);
    }

    /**
     * An endpoint selector as written ({@code matchLabels}, {@code matchExpressions}) with its keys read Cilium's way,
     * as a {@link Selector} over extended keys; {@code null} or {@code {}} has no requirement.
     */
    public static Selector selector(Object raw) {
        return selector(raw, Map.of());
    }

    /**
     * As {@link #selector(Object)}, with {@code matchLabels} entries added the way the agent's {@code AddMatch}
     * adds them: one the selector wrote under the same extended key is replaced (a CiliumNetworkPolicy's subject
     * gets {@code k8s:io.kubernetes.pod.namespace} so).
     */
    public static Selector selector(Object raw, Map<String, String> addMatch) {
        Map<?, ?> map = raw instanceof Map<?, ?> m ? m : Map.of();
        Map<String, String> matchLabels = new java.util.LinkedHashMap<>();
        if (map.get("matchLabels") instanceof Map<?, ?> labels) {
            labels.forEach((k, v) -> matchLabels.put(key(String.valueOf(k)).extended(), v == null ? "" : String.valueOf(v)));
        }
        addMatch.forEach((k, v) -> matchLabels.put(key(k).extended(), v));
        List<Selector.Requirement> out = new ArrayList<>();
        matchLabels.forEach((k, v) -> out.add(new Selector.Requirement(k, Selector.Operator.IN, Set.of(v))));
        if (map.get("matchExpressions") instanceof List<?> expressions) {
            for (Object e : expressions) {
                if (e instanceof Map<?, ?> r) {
                    List<String> values = new ArrayList<>();
                    if (r.get("values") instanceof List<?> vs) {
                        vs.forEach(v -> values.add(v == null ? "" : String.valueOf(v)));
                    }
                    out.add(new Selector.Requirement(key(r.get("key") == null ? "" : String.valueOf(r.get("key")))
                            .extended(), Selector.Operator.of(r.get("operator") instanceof String o ? o : null),
                            Set.copyOf(values)));
                }
            }
        }
        return out.isEmpty() ? Selector.all() : new Selector(out);
    }

    /** The source of an extended key ({@code k8s.app} → {@code k8s}). */
    public static String sourceOf(String extended) {
        int dot = extended.indexOf('.');
        return dot < 0 ? extended : extended.substring(0, dot);
    }

    /** The key proper of an extended key ({@code k8s.app} → {@code app}). */
    public static String keyOf(String extended) {
        int dot = extended.indexOf('.');
        return dot < 0 ? "" : extended.substring(dot + 1);
    }
}
