package io.github.netpol.model.semantics;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A label selector as the API server matches it: every requirement must hold ({@code matchLabels} and
 * {@code matchExpressions} are AND-ed; each {@code matchLabels} entry is an {@code In} of one value). An absent
 * selector and {@code {}} have no requirement and select everything. A {@code null} written where a string
 * belongs (a key, a value) reads as the empty string, as Go decodes it.
 */
public record Selector(List<Requirement> requirements) {

    private static final Selector ALL = new Selector(List.of());

    public Selector {
        requirements = List.copyOf(requirements);
    }

    /** Selects everything. */
    public static Selector all() {
        return ALL;
    }

    public static Selector of(LabelSelector selector) {
        if (selector == null) {
            return ALL;
        }
        List<Requirement> out = new ArrayList<>();
        if (selector.getMatchLabels() != null) {
            selector.getMatchLabels().forEach((k, v) -> out.add(new Requirement(text(k), Operator.IN, Set.of(text(v)))));
        }
        if (selector.getMatchExpressions() != null) {
            for (LabelSelectorRequirement r : selector.getMatchExpressions()) {
                if (r != null) {
                    out.add(new Requirement(text(r.getKey()), Operator.of(r.getOperator()), values(r.getValues())));
                }
            }
        }
        return out.isEmpty() ? ALL : new Selector(out);
    }

    /** True for an absent selector or {@code {}}: it selects everything. */
    public boolean selectsAll() {
        return requirements.isEmpty();
    }

    public boolean matches(Map<String, String> labels) {
        // a plain loop: lint asks this for every pair of policies and workloads
        for (Requirement r : requirements) {
            if (!r.admits(labels.get(r.key()))) {
                return false;
            }
        }
        return true;
    }

    /** The label keys the selector reads, in the order written ({@code matchLabels} first). */
    public List<String> keys() {
        return requirements.stream().map(Requirement::key).toList();
    }

    /** The operator of a {@code matchExpressions} item; {@code INVALID} for any other word, which matches nothing. */
    public enum Operator {
        IN, NOT_IN, EXISTS, DOES_NOT_EXIST, INVALID;

        static Operator of(String written) {
            return switch (written == null ? "" : written) {
                case "In" -> IN;
                case "NotIn" -> NOT_IN;
                case "Exists" -> EXISTS;
                case "DoesNotExist" -> DOES_NOT_EXIST;
                default -> INVALID; // the API server rejects it, so no such selector exists
            };
        }
    }

    /** One condition on one label key; {@code values} is empty for {@code Exists} and {@code DoesNotExist}. */
    public record Requirement(String key, Operator operator, Set<String> values) {

        public Requirement {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(operator, "operator");
            values = Set.copyOf(values);
        }

        /** Whether a label value ({@code null}: the object lacks the key) satisfies the requirement. */
        public boolean admits(String value) {
            return switch (operator) {
                case IN -> value != null && values.contains(value);
                case NOT_IN -> value == null || !values.contains(value);
                case EXISTS -> value != null;
                case DOES_NOT_EXIST -> value == null;
                case INVALID -> false;
            };
        }
    }

    private static Set<String> values(List<String> written) {
        if (written == null) {
            return Set.of();
        }
        Set<String> out = new HashSet<>();
        written.forEach(v -> out.add(text(v)));
        return out;
    }

    private static String text(String written) {
        return written == null ? "" : written;
    }
}
