package io.github.netpol.analysis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A product of per-dimension sets; a dimension that is not mentioned is unconstrained. Immutable.
 * A cube built through {@link #with} is empty as soon as one of its sets is.
 */
public final class Cube {

    private static final Cube ALL = new Cube(new TreeMap<>());

    private final SortedMap<Dim, DimSet> sets;
    // immutable, so both are decided once: regions ask for them of every cube, often many times
    private final boolean empty;
    private int hash;

    private Cube(SortedMap<Dim, DimSet> sets) {
        this.sets = Collections.unmodifiableSortedMap(sets);
        this.empty = anyEmpty(sets);
    }

    private static boolean anyEmpty(SortedMap<Dim, DimSet> sets) {
        for (DimSet s : sets.values()) {
            if (s.isEmpty()) {
                return true;
            }
        }
        return false;
    }

    public static Cube all() {
        return ALL;
    }

    public SortedMap<Dim, DimSet> sets() {
        return sets;
    }

    public DimSet get(Dim dim) {
        DimSet s = sets.get(dim);
        return s == null ? dim.full() : s;
    }

    public Cube with(Dim dim, DimSet set) {
        TreeMap<Dim, DimSet> m = new TreeMap<>(sets);
        m.put(dim, set);
        return new Cube(m);
    }

    public boolean isEmpty() {
        return empty;
    }

    public Cube intersect(Cube other) {
        TreeMap<Dim, DimSet> m = new TreeMap<>(sets);
        for (Map.Entry<Dim, DimSet> e : other.sets.entrySet()) {
            DimSet mine = m.get(e.getKey());
            m.put(e.getKey(), mine == null ? e.getValue() : mine.intersect(e.getValue()));
        }
        return new Cube(m);
    }

    /** True when no point lies in both; checks dimension by dimension without building the intersection. */
    public boolean isDisjoint(Cube other) {
        for (Map.Entry<Dim, DimSet> e : other.sets.entrySet()) {
            DimSet mine = sets.get(e.getKey());
            if (mine != null && mine.intersect(e.getValue()).isEmpty()) {
                return true;
            }
        }
        return isEmpty() || other.isEmpty();
    }

    /** Whether every point of this non-empty cube lies in {@code other} (regions hold only non-empty cubes). */
    public boolean isSubsetOf(Cube other) {
        for (Map.Entry<Dim, DimSet> e : other.sets.entrySet()) {
            if (!get(e.getKey()).minus(e.getValue()).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** This cube without {@code other}, as disjoint cubes (none if this lies inside other). */
    public List<Cube> minus(Cube other) {
        if (isDisjoint(other)) {
            return List.of(this);
        }
        if (isSubsetOf(other)) {
            return List.of();
        }
        List<Cube> out = new ArrayList<>();
        Cube rest = this;
        for (Map.Entry<Dim, DimSet> e : other.sets.entrySet()) {
            DimSet mine = rest.get(e.getKey());
            DimSet outside = mine.minus(e.getValue());
            if (!outside.isEmpty()) {
                out.add(rest.with(e.getKey(), outside));
            }
            rest = rest.with(e.getKey(), mine.intersect(e.getValue()));
        }
        return out;
    }

    /** Membership of one point, given as the value of each dimension this cube constrains. */
    public boolean contains(Function<Dim, Object> point) {
        return sets.entrySet().stream().allMatch(e -> e.getValue().containsValue(point.apply(e.getKey())));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cube c && c.sets.equals(sets);
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            // a benign race: every thread computes the same value
            h = sets.hashCode();
            hash = h;
        }
        return h;
    }

    @Override
    public String toString() {
        return sets.toString();
    }
}
