package io.github.netpol.validate.lint;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;

import java.util.List;
import java.util.Map;

/** Label-selector matching with Kubernetes semantics (matchLabels AND matchExpressions). */
public final class Selectors {

    private Selectors() {
    }

    /** True for an absent selector or {@code {}}: it selects everything. */
    public static boolean isEmpty(LabelSelector selector) {
        return selector == null
                || (nullToEmpty(selector.getMatchLabels()).isEmpty() && nullToEmpty(selector.getMatchExpressions()).isEmpty());
    }

    public static boolean matches(LabelSelector selector, Map<String, String> labels) {
        if (selector == null) {
            return true;
        }
        for (var e : nullToEmpty(selector.getMatchLabels()).entrySet()) {
            if (!e.getValue().equals(labels.get(e.getKey()))) {
                return false;
            }
        }
        for (LabelSelectorRequirement r : nullToEmpty(selector.getMatchExpressions())) {
            if (!matches(r, labels)) {
                return false;
            }
        }
        return true;
    }

    /** The label keys a selector reads. */
    public static List<String> keys(LabelSelector selector) {
        if (selector == null) {
            return List.of();
        }
        var keys = new java.util.ArrayList<>(nullToEmpty(selector.getMatchLabels()).keySet());
        nullToEmpty(selector.getMatchExpressions()).forEach(r -> keys.add(r.getKey()));
        return keys;
    }

    private static boolean matches(LabelSelectorRequirement r, Map<String, String> labels) {
        String value = labels.get(r.getKey());
        List<String> values = nullToEmpty(r.getValues());
        return switch (r.getOperator() == null ? "" : r.getOperator()) {
            case "In" -> value != null && values.contains(value);
            case "NotIn" -> value == null || !values.contains(value);
            case "Exists" -> value != null;
            case "DoesNotExist" -> value == null;
            default -> false; // invalid operator: validation reports it; it matches nothing here
        };
    }

    private static <K, V> Map<K, V> nullToEmpty(Map<K, V> m) {
        return m == null ? Map.of() : m;
    }

    private static <T> List<T> nullToEmpty(List<T> l) {
        return l == null ? List.of() : l;
    }
}
