package io.github.netpol.analysis;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Label selectors as one constraint (a {@link ValueSet} of values) per label key. */
public final class LabelSelectors {

    private LabelSelectors() {
    }

    /**
     * The per-key constraints of a selector; {@code null} or {@code {}} give none (select all). An
     * operator the API server would reject matches nothing, since such a policy cannot exist.
     */
    public static Map<String, ValueSet> constraints(LabelSelector selector) {
        Map<String, ValueSet> out = new TreeMap<>();
        if (selector == null) {
            return out;
        }
        if (selector.getMatchLabels() != null) {
            selector.getMatchLabels().forEach((k, v) -> restrict(out, k, ValueSet.of(v == null ? "" : v)));
        }
        if (selector.getMatchExpressions() != null) {
            for (LabelSelectorRequirement r : selector.getMatchExpressions()) {
                restrict(out, r.getKey(), requirement(r));
            }
        }
        return out;
    }

    /** Whether concrete labels satisfy the constraints. */
    public static boolean matches(Map<String, ValueSet> constraints, Map<String, String> labels) {
        // a plain loop: this runs for every pair of workloads and namespaces that connectivity and lint examine
        for (Map.Entry<String, ValueSet> e : constraints.entrySet()) {
            if (!e.getValue().containsValue(labels.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    private static ValueSet requirement(LabelSelectorRequirement r) {
        List<String> raw = r.getValues() == null ? List.of() : r.getValues();
        Set<String> values = new HashSet<>(raw);
        values.remove(null);
        String op = r.getOperator() == null ? "" : r.getOperator();
        return switch (op) {
            case "In" -> ValueSet.of(values);
            case "NotIn" -> ValueSet.noneOf(values);
            case "Exists" -> ValueSet.anyPresent();
            case "DoesNotExist" -> ValueSet.onlyAbsent();
            default -> ValueSet.of(Set.of());
        };
    }

    private static void restrict(Map<String, ValueSet> out, String key, ValueSet set) {
        String k = key == null ? "" : key;
        out.merge(k, set, ValueSet::intersect);
    }
}
