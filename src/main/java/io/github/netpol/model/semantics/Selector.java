package io.github.netpol.model.semantics;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.github.netpol.finding.LabelWords;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

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

    /**
     * Whether this selector matches every label set {@code narrower} matches. Exact: requirements on different
     * keys are independent, and on one key only the values the two selectors name, one value neither names, and
     * the key's absence behave differently, so those are all the values tried (by {@link Requirement#admits}).
     */
    public boolean covers(Selector narrower) {
        if (!narrower.satisfiable()) {
            return true;
        }
        for (Requirement r : requirements) {
            List<Requirement> onKey = narrower.on(r.key());
            for (String value : candidates(r.key(), this, narrower)) {
                if (admitsAll(onKey, value) && !r.admits(value)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Whether some label set matches both selectors (exact, as {@link #covers}). */
    public boolean intersects(Selector other) {
        Set<String> keys = new java.util.LinkedHashSet<>(keys());
        keys.addAll(other.keys());
        for (String key : keys) {
            List<Requirement> onKey = new ArrayList<>(on(key));
            onKey.addAll(other.on(key));
            if (candidates(key, this, other).stream().noneMatch(v -> admitsAll(onKey, v))) {
                return false;
            }
        }
        return true;
    }

    /** Whether any label set matches (an {@code In} and a {@code DoesNotExist} on one key match none). */
    public boolean satisfiable() {
        return intersects(ALL);
    }

    private List<Requirement> on(String key) {
        return requirements.stream().filter(r -> r.key().equals(key)).toList();
    }

    private static boolean admitsAll(List<Requirement> requirements, String value) {
        return requirements.stream().allMatch(r -> r.admits(value));
    }

    /** Absence, every value either selector names on the key, and one value neither names. */
    private static List<String> candidates(String key, Selector a, Selector b) {
        Set<String> named = new HashSet<>();
        Stream.concat(a.on(key).stream(), b.on(key).stream()).forEach(r -> named.addAll(r.values()));
        String fresh = "~";
        while (named.contains(fresh)) {
            fresh += "~";
        }
        List<String> out = new ArrayList<>();
        out.add(null);
        out.addAll(named);
        out.add(fresh);
        return out;
    }

    /**
     * The selector in words, e.g. {@code pods with app=api} or {@code namespace tenant-a} (for a namespace
     * selector naming one namespace by {@code kubernetes.io/metadata.name}); {@code any} when it selects everything.
     */
    public String describe(String noun, String any) {
        if (noun.equals("namespaces") && requirements.size() == 1 && requirements.get(0).operator() == Operator.IN
                && requirements.get(0).values().size() == 1 && requirements.get(0).key().equals("kubernetes.io/metadata.name")) {
            return "namespace " + requirements.get(0).values().iterator().next();
        }
        List<LabelWords.Condition> conditions = new ArrayList<>();
        for (Requirement r : requirements) {
            java.util.TreeSet<String> values = new java.util.TreeSet<>(r.values());
            conditions.add(switch (r.operator()) {
                case IN -> new LabelWords.Condition(r.key(), values, false, false);
                case NOT_IN -> new LabelWords.Condition(r.key(), values, true, true);
                case EXISTS -> new LabelWords.Condition(r.key(), new java.util.TreeSet<>(), true, false);
                case DOES_NOT_EXIST, INVALID -> new LabelWords.Condition(r.key(), new java.util.TreeSet<>(), false, true);
            });
        }
        return LabelWords.describe(noun, any, conditions);
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
