package io.github.netpol.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * A product of per-dimension sets; a dimension that is not mentioned is unconstrained. Immutable.
 * A cube built through {@link #with} is empty as soon as one of its sets is.
 * <p>
 * The constrained dimensions are kept as two parallel arrays in {@link Dim} order rather than a sorted map: a
 * comparison builds millions of cubes of a handful of dimensions each, and copying a {@link TreeMap} per cube was
 * both the analysis' largest allocation and, in a fresh JVM, one of the costliest methods for the JIT to compile.
 */
public final class Cube {

    private static final Cube ALL = new Cube(new Dim[0], new DimSet[0]);

    /** The constrained dimensions, ascending, and the set of each at the same index. */
    private final Dim[] dims;
    private final DimSet[] sets;
    // immutable, so both are decided once: regions ask for them of every cube, often many times
    private final boolean empty;
    private int hash;

    private Cube(Dim[] dims, DimSet[] sets) {
        this.dims = dims;
        this.sets = sets;
        this.empty = anyEmpty(sets);
    }

    private static boolean anyEmpty(DimSet[] sets) {
        for (DimSet s : sets) {
            if (s.isEmpty()) {
                return true;
            }
        }
        return false;
    }

    public static Cube all() {
        return ALL;
    }

    /** The constrained dimensions and their sets, in dimension order (a copy). */
    public SortedMap<Dim, DimSet> sets() {
        TreeMap<Dim, DimSet> m = new TreeMap<>();
        for (int i = 0; i < dims.length; i++) {
            m.put(dims[i], sets[i]);
        }
        return Collections.unmodifiableSortedMap(m);
    }

    /** Each constrained dimension with its set, in dimension order. */
    public void forEach(BiConsumer<Dim, DimSet> action) {
        for (int i = 0; i < dims.length; i++) {
            action.accept(dims[i], sets[i]);
        }
    }

    /** How many dimensions the cube constrains. */
    public int size() {
        return dims.length;
    }

    /** The {@code i}-th constrained dimension, in dimension order. */
    public Dim dimAt(int i) {
        return dims[i];
    }

    /** The set of the {@code i}-th constrained dimension. */
    public DimSet setAt(int i) {
        return sets[i];
    }

    /** Whether the cube constrains {@code dim}. */
    public boolean constrains(Dim dim) {
        return indexOf(dim) >= 0;
    }

    /** The set of {@code dim} when the cube constrains it, else null. */
    public DimSet constraint(Dim dim) {
        int i = indexOf(dim);
        return i < 0 ? null : sets[i];
    }

    public DimSet get(Dim dim) {
        DimSet s = constraint(dim);
        return s == null ? dim.full() : s;
    }

    private int indexOf(Dim dim) {
        for (int i = 0; i < dims.length; i++) {
            if (dims[i].equals(dim)) {
                return i;
            }
        }
        return -1;
    }

    public Cube with(Dim dim, DimSet set) {
        int at = 0;
        while (at < dims.length && dims[at].compareTo(dim) < 0) {
            at++;
        }
        if (at < dims.length && dims[at].equals(dim)) {
            DimSet[] s = sets.clone();
            s[at] = set;
            return new Cube(dims, s);
        }
        Dim[] d = new Dim[dims.length + 1];
        DimSet[] s = new DimSet[dims.length + 1];
        System.arraycopy(dims, 0, d, 0, at);
        System.arraycopy(sets, 0, s, 0, at);
        d[at] = dim;
        s[at] = set;
        System.arraycopy(dims, at, d, at + 1, dims.length - at);
        System.arraycopy(sets, at, s, at + 1, dims.length - at);
        return new Cube(d, s);
    }

    public boolean isEmpty() {
        return empty;
    }

    public Cube intersect(Cube other) {
        Dim[] d = new Dim[dims.length + other.dims.length];
        DimSet[] s = new DimSet[d.length];
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < dims.length || j < other.dims.length) {
            int order = i == dims.length ? 1 : j == other.dims.length ? -1 : dims[i].compareTo(other.dims[j]);
            if (order < 0) {
                d[n] = dims[i];
                s[n++] = sets[i++];
            } else if (order > 0) {
                d[n] = other.dims[j];
                s[n++] = other.sets[j++];
            } else {
                d[n] = dims[i];
                s[n++] = sets[i++].intersect(other.sets[j++]);
            }
        }
        return n == d.length ? new Cube(d, s) : new Cube(Arrays.copyOf(d, n), Arrays.copyOf(s, n));
    }

    /** True when no point lies in both; checks dimension by dimension without building the intersection. */
    public boolean isDisjoint(Cube other) {
        for (int j = 0; j < other.dims.length; j++) {
            int i = indexOf(other.dims[j]);
            if (i >= 0 && sets[i].intersect(other.sets[j]).isEmpty()) {
                return true;
            }
        }
        return isEmpty() || other.isEmpty();
    }

    /** Whether every point of this non-empty cube lies in {@code other} (regions hold only non-empty cubes). */
    public boolean isSubsetOf(Cube other) {
        for (int j = 0; j < other.dims.length; j++) {
            if (!get(other.dims[j]).minus(other.sets[j]).isEmpty()) {
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
        for (int j = 0; j < other.dims.length; j++) {
            Dim dim = other.dims[j];
            DimSet mine = rest.get(dim);
            DimSet outside = mine.minus(other.sets[j]);
            if (!outside.isEmpty()) {
                out.add(rest.with(dim, outside));
            }
            rest = rest.with(dim, mine.intersect(other.sets[j]));
        }
        return out;
    }

    /** Membership of one point, given as the value of each dimension this cube constrains. */
    public boolean contains(Function<Dim, Object> point) {
        for (int i = 0; i < dims.length; i++) {
            if (!sets[i].containsValue(point.apply(dims[i]))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof Cube c && Arrays.equals(c.dims, dims) && Arrays.equals(c.sets, sets);
    }

    /** A sorted map's hash of the same entries: the sum of each key's hash XOR its value's. */
    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            // a benign race: every thread computes the same value
            for (int i = 0; i < dims.length; i++) {
                h += dims[i].hashCode() ^ sets[i].hashCode();
            }
            hash = h;
        }
        return h;
    }

    @Override
    public String toString() {
        return sets().toString();
    }
}
