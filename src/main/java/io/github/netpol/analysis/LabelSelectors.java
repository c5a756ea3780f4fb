package io.github.netpol.analysis;

import io.github.netpol.model.semantics.Selector;

import java.util.Map;
import java.util.TreeMap;

/** Label selectors as one constraint (a {@link ValueSet} of values) per label key: the set form of {@link Selector}. */
public final class LabelSelectors {

    private LabelSelectors() {
    }

    /**
     * The per-key constraints of a selector; one that selects everything gives none. An operator the API
     * server would reject matches nothing, since such a policy cannot exist.
     */
    public static Map<String, ValueSet> constraints(Selector selector) {
        Map<String, ValueSet> out = new TreeMap<>();
        for (Selector.Requirement r : selector.requirements()) {
            out.merge(r.key(), values(r), ValueSet::intersect);
        }
        return out;
    }

    /** Whether concrete labels satisfy the constraints. */
    public static boolean matches(Map<String, ValueSet> constraints, Map<String, String> labels) {
        // a plain loop: this runs for every pair of workloads and namespaces that connectivity examines
        for (Map.Entry<String, ValueSet> e : constraints.entrySet()) {
            if (!e.getValue().containsValue(labels.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /** The values (and absence) a requirement admits. */
    private static ValueSet values(Selector.Requirement r) {
        return switch (r.operator()) {
            case IN -> ValueSet.of(r.values());
            case NOT_IN -> ValueSet.noneOf(r.values());
            case EXISTS -> ValueSet.anyPresent();
            case DOES_NOT_EXIST -> ValueSet.onlyAbsent();
            case INVALID -> ValueSet.of(java.util.Set.of());
        };
    }
}
