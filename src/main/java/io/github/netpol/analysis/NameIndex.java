package io.github.netpol.analysis;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * The namespace names a universe fixes, each at a position, so that sets of them can be bitsets
 * ({@link NameSet}). Selectors resolved against thousands of declared namespaces yield sets of
 * thousands of names, and region arithmetic combines them constantly: as bitsets each operation
 * costs a few machine words per 64 names instead of a hash lookup per name. Immutable.
 */
public final class NameIndex {

    private final String[] names;
    private final Map<String, Integer> positions;
    private final NameSet all;

    public NameIndex(Collection<String> names) {
        this.names = new TreeSet<>(names).toArray(String[]::new);
        this.positions = new HashMap<>(this.names.length * 2);
        for (int i = 0; i < this.names.length; i++) {
            positions.put(this.names[i], i);
        }
        long[] words = new long[wordCount()];
        for (int i = 0; i < this.names.length; i++) {
            words[i >>> 6] |= 1L << i;
        }
        this.all = new NameSet(this, words);
    }

    /** Every name of the index. */
    public NameSet all() {
        return all;
    }

    /** The position of a name, or -1 when the index does not hold it. */
    int position(Object name) {
        Integer p = positions.get(name);
        return p == null ? -1 : p;
    }

    String name(int position) {
        return names[position];
    }

    int size() {
        return names.length;
    }

    int wordCount() {
        return (names.length + 63) >>> 6;
    }

    /** Whether every name is in the index. */
    boolean holdsAll(Collection<?> values) {
        for (Object v : values) {
            if (position(v) < 0) {
                return false;
            }
        }
        return true;
    }

    /** The set of those of these names the index holds. */
    NameSet known(Collection<?> values) {
        long[] words = new long[wordCount()];
        for (Object v : values) {
            int p = position(v);
            if (p >= 0) {
                words[p >>> 6] |= 1L << p;
            }
        }
        return new NameSet(this, words);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NameIndex other && Arrays.equals(names, other.names);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(names);
    }

    @Override
    public String toString() {
        return "NameIndex" + Arrays.toString(names);
    }
}
