package io.github.netpol.analysis;

import java.util.AbstractSet;
import java.util.Collection;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * An immutable set of names of one {@link NameIndex}, as a bitset. It is an ordinary {@code Set<String>}
 * to everyone else (equal to any set with the same members); operations between two sets of the same
 * index work word by word. Iteration is in name order.
 */
public final class NameSet extends AbstractSet<String> {

    private final NameIndex index;
    private final long[] words;
    private final int size;
    private int hash;

    NameSet(NameIndex index, long[] words) {
        this.index = index;
        this.words = words;
        int n = 0;
        for (long w : words) {
            n += Long.bitCount(w);
        }
        this.size = n;
    }

    NameIndex index() {
        return index;
    }

    /** Whether {@code other} is a set of the same index, so that the word operations below apply. */
    boolean sameIndex(Object other) {
        return other instanceof NameSet s && s.index == index;
    }

    NameSet and(NameSet other) {
        long[] out = new long[words.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = words[i] & other.words[i];
        }
        return new NameSet(index, out);
    }

    NameSet andNot(NameSet other) {
        long[] out = new long[words.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = words[i] & ~other.words[i];
        }
        return new NameSet(index, out);
    }

    NameSet or(NameSet other) {
        long[] out = new long[words.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = words[i] | other.words[i];
        }
        return new NameSet(index, out);
    }

    /** This set without the given names (names outside the index are not members anyway). */
    NameSet without(Collection<?> names) {
        long[] out = words.clone();
        for (Object n : names) {
            int p = index.position(n);
            if (p >= 0) {
                out[p >>> 6] &= ~(1L << p);
            }
        }
        return new NameSet(index, out);
    }

    /** The members that pass the test. */
    NameSet retainOnly(java.util.function.Predicate<String> keep) {
        long[] out = new long[words.length];
        for (int p = nextSetBit(0); p >= 0; p = nextSetBit(p + 1)) {
            if (keep.test(index.name(p))) {
                out[p >>> 6] |= 1L << p;
            }
        }
        return new NameSet(index, out);
    }

    /** This set with the given names, all of which the index holds. */
    NameSet with(Collection<?> names) {
        return or(index.known(names));
    }

    @Override
    public boolean contains(Object o) {
        int p = index.position(o);
        return p >= 0 && (words[p >>> 6] & (1L << p)) != 0;
    }

    @Override
    public boolean containsAll(Collection<?> c) {
        if (sameIndex(c)) {
            long[] other = ((NameSet) c).words;
            for (int i = 0; i < words.length; i++) {
                if ((other[i] & ~words[i]) != 0) {
                    return false;
                }
            }
            return true;
        }
        return super.containsAll(c);
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public boolean isEmpty() {
        return size == 0;
    }

    @Override
    public Iterator<String> iterator() {
        return new Iterator<>() {
            private int next = nextSetBit(0);

            @Override
            public boolean hasNext() {
                return next >= 0;
            }

            @Override
            public String next() {
                if (next < 0) {
                    throw new NoSuchElementException();
                }
                String name = index.name(next);
                next = nextSetBit(next + 1);
                return name;
            }
        };
    }

    private int nextSetBit(int from) {
        int w = from >>> 6;
        if (w >= words.length) {
            return -1;
        }
        long word = words[w] & (-1L << from);
        while (true) {
            if (word != 0) {
                return (w << 6) + Long.numberOfTrailingZeros(word);
            }
            if (++w == words.length) {
                return -1;
            }
            word = words[w];
        }
    }

    @Override
    public boolean equals(Object o) {
        if (o == this) {
            return true;
        }
        if (sameIndex(o)) {
            return java.util.Arrays.equals(words, ((NameSet) o).words);
        }
        return super.equals(o);
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0 && size > 0) {
            h = super.hashCode();
            hash = h; // a benign race: every thread computes the same value
        }
        return h;
    }
}
