package io.github.netpol.finding;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Label conditions in the words people use for them: "pods with app=api", "pods whose app is not db",
 * "namespaces whose env is prod or staging", "pods without a tier label". Both the rules as written
 * (selectors) and the sets the analysis computes are described through it, so they read alike.
 */
public final class LabelWords {

    private LabelWords() {
    }

    /**
     * The values one label key may take.
     *
     * @param key        the label key
     * @param values     the values listed
     * @param complement true when the label may take every value but the listed ones
     * @param absent     true when the label may also be missing
     */
    public record Condition(String key, SortedSet<String> values, boolean complement, boolean absent) {
        public Condition {
            values = new TreeSet<>(values);
        }

        /** {@code key=value}: one value, the label present. */
        public static Condition equal(String key, String value) {
            return new Condition(key, new TreeSet<>(List.of(value)), false, false);
        }

        /** No constraint at all: every value, or none. */
        public boolean unconstrained() {
            return complement && values.isEmpty() && absent;
        }

        boolean isEquality() {
            return !complement && !absent && values.size() == 1;
        }

        /** E.g. {@code app is not db}, {@code app is api or web}, {@code app is api}. */
        public String words() {
            return words(false);
        }

        /** E.g. {@code app is not db}, {@code app is api or web}, {@code app=api} (when {@code terse}). */
        String words(boolean terse) {
            if (isEquality()) {
                return terse ? key + "=" + values.first() : key + " is " + values.first();
            }
            if (!complement) {
                String listed = either(values, "or");
                if (values.isEmpty()) {
                    return "no " + key + " label";
                }
                return key + " is " + listed + (absent ? " or unset" : "");
            }
            if (values.isEmpty()) {
                return absent ? "" : "a " + key + " label";
            }
            String not = values.size() == 1 ? "not " + values.first() : "none of " + String.join(", ", values);
            return absent ? key + " is " + not : key + " is set and " + not;
        }
    }

    /**
     * A noun with its conditions: {@code pods with app=api}, {@code pods whose app is not db},
     * {@code pods with app=api whose tier is not db}, or {@code any pod} without conditions.
     *
     * @param noun   the plural noun, e.g. {@code pods}
     * @param any    what to say when nothing is required, e.g. {@code any pod}
     */
    public static String describe(String noun, String any, List<Condition> conditions) {
        List<String> with = new ArrayList<>();
        List<String> whose = new ArrayList<>();
        for (Condition c : conditions) {
            if (c.unconstrained()) {
                continue;
            }
            // key=value, "a key label" and "no key label" follow "with"; the rest reads "whose key is ..."
            (c.isEquality() || c.values.isEmpty() ? with : whose).add(c.words(true));
        }
        if (with.isEmpty() && whose.isEmpty()) {
            return any;
        }
        return noun + (with.isEmpty() ? "" : " with " + and(with)) + (whose.isEmpty() ? "" : " whose " + and(whose));
    }

    private static String and(List<String> parts) {
        return parts.size() == 1 ? parts.get(0)
                : String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }

    /** {@code a}, {@code a or b}, {@code a, b or c}. */
    static String either(SortedSet<String> values, String word) {
        List<String> v = new ArrayList<>(values);
        if (v.size() <= 1) {
            return String.join("", v);
        }
        return String.join(", ", v.subList(0, v.size() - 1)) + " " + word + " " + v.get(v.size() - 1);
    }
}
