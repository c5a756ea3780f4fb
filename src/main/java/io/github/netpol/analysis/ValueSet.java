package io.github.netpol.analysis;

import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * A set over all strings plus the marker "absent" (a label key the object does not carry, a port
 * without a name). The string part is finite ({@code values}) or cofinite (every string except
 * {@code values}), which is exactly what label selectors can express.
 */
public record ValueSet(boolean cofinite, Set<String> values, boolean absent) implements DimSet {

    private static final ValueSet EMPTY = new ValueSet(false, Set.of(), false);

    public ValueSet {
        // a view, not a copy: sets of names can be large, and every operation below builds a fresh set;
        // a NameSet is immutable already and must stay visible as one for the word-wise operations
        values = values instanceof NameSet ? values : Collections.unmodifiableSet(values);
    }

    /** Every string and absent. */
    public static ValueSet all() {
        return new ValueSet(true, Set.of(), true);
    }

    /** Every string, never absent ({@code Exists}). */
    public static ValueSet anyPresent() {
        return new ValueSet(true, Set.of(), false);
    }

    public static ValueSet onlyAbsent() {
        return new ValueSet(false, Set.of(), true);
    }

    public static ValueSet of(Set<String> values) {
        return new ValueSet(false, values, false);
    }

    public static ValueSet of(String value) {
        return of(Set.of(value));
    }

    /** Every string except these, and absent ({@code NotIn}). */
    public static ValueSet noneOf(Set<String> values) {
        return new ValueSet(true, values, true);
    }

    public ValueSet withoutAbsent() {
        return new ValueSet(cofinite, values, false);
    }

    @Override
    public ValueSet intersect(DimSet other) {
        ValueSet o = (ValueSet) other;
        boolean abs = absent && o.absent;
        if (cofinite == o.cofinite && (values == o.values || values.equals(o.values))) {
            return abs == absent ? this : new ValueSet(cofinite, values, abs);
        }
        if (!cofinite && !o.cofinite) {
            return new ValueSet(false, retain(values, o.values), abs);
        } else if (!cofinite) {
            return new ValueSet(false, remove(values, o.values), abs);
        } else if (!o.cofinite) {
            return new ValueSet(false, remove(o.values, values), abs);
        }
        return new ValueSet(true, union(values, o.values), abs);
    }

    @Override
    public ValueSet minus(DimSet other) {
        ValueSet o = (ValueSet) other;
        boolean abs = absent && !o.absent;
        if (!cofinite && !o.cofinite && (values == o.values || o.values.containsAll(values))) {
            return abs ? onlyAbsent() : EMPTY; // the frequent "is a subset" answer, without copying
        }
        if (!cofinite && !o.cofinite) {
            return new ValueSet(false, remove(values, o.values), abs);
        } else if (!cofinite) {
            return new ValueSet(false, retain(values, o.values), abs);
        } else if (!o.cofinite) {
            return new ValueSet(true, union(values, o.values), abs);
        }
        return new ValueSet(false, remove(o.values, values), abs);
    }

    @Override
    public boolean isEmpty() {
        return !cofinite && values.isEmpty() && !absent;
    }

    public boolean isAll() {
        return cofinite && values.isEmpty() && absent;
    }

    @Override
    public boolean containsValue(Object value) {
        return value == null ? absent : cofinite != values.contains((String) value);
    }

    /**
     * One member, preferring a value a rule spelled out, then absent, then a fresh value that no rule
     * mentions (valid as a label value and as a DNS label). Returns {@code null} for absent.
     */
    public String pick(boolean preferAbsent) {
        if (!cofinite && !values.isEmpty() && !(preferAbsent && absent)) {
            return values instanceof NameSet ? values.iterator().next() : new TreeSet<>(values).first();
        }
        if (absent) {
            return null;
        }
        return fresh(values);
    }

    /** A string that is not in {@code taken}: {@code other}, {@code other-1}, ... */
    public static String fresh(Set<String> taken) {
        String candidate = "other";
        for (int i = 1; taken.contains(candidate); i++) {
            candidate = "other-" + i;
        }
        return candidate;
    }

    // Sets of namespace names can hold every declared namespace: they are NameSets, combined word by
    // word when both sides share an index; other sets iterate the smaller side and copy once.
    private static Set<String> retain(Set<String> a, Set<String> b) {
        if (a instanceof NameSet na && na.sameIndex(b)) {
            return na.and((NameSet) b);
        }
        Set<String> small = a.size() <= b.size() ? a : b;
        Set<String> large = small == a ? b : a;
        if (small instanceof NameSet ns) {
            return ns.retainOnly(large::contains);
        }
        Set<String> r = new HashSet<>();
        for (String v : small) {
            if (large.contains(v)) {
                r.add(v);
            }
        }
        return r;
    }

    private static Set<String> remove(Set<String> a, Set<String> b) {
        if (b.isEmpty()) {
            return a;
        }
        if (a instanceof NameSet na) {
            if (na.sameIndex(b)) {
                return na.andNot((NameSet) b);
            }
            return b.size() <= a.size() ? na.without(b) : na.retainOnly(v -> !b.contains(v));
        }
        Set<String> r = new HashSet<>();
        for (String v : a) {
            if (!b.contains(v)) {
                r.add(v);
            }
        }
        return r;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        if (b.isEmpty() || a.containsAll(b)) {
            return a;
        }
        if (a.isEmpty()) {
            return b;
        }
        if (a instanceof NameSet na) {
            if (na.sameIndex(b)) {
                return na.or((NameSet) b);
            }
            if (na.index().holdsAll(b)) {
                return na.with(b);
            }
        }
        if (b instanceof NameSet nb && nb.index().holdsAll(a)) {
            return nb.with(a);
        }
        Set<String> r = new HashSet<>(a);
        r.addAll(b);
        return r;
    }
}
