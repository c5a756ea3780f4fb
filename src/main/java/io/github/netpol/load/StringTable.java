package io.github.netpol.load;

import java.util.Arrays;

/**
 * A fixed list of strings with the index of each. It is immutable and compared by content, so one
 * instance serves every map with the same keys and every document with the same JSON pointers:
 * manifests repeat the same shapes, and a load keeps one table per shape (see {@link Interner}).
 * When a string occurs twice, its first index is the one found.
 */
final class StringTable {

    /** Up to this many strings a linear scan is as fast as hashing and needs no slots. */
    private static final int LINEAR_UP_TO = 8;

    private final String[] strings;
    /** Open addressing: index + 1 of the string whose hash lands here, 0 for an empty slot; null when small. */
    private final int[] slots;
    private final int hash;

    StringTable(String[] strings) {
        this.strings = strings;
        this.hash = Arrays.hashCode(strings);
        this.slots = strings.length <= LINEAR_UP_TO ? null : slots(strings);
    }

    private static int[] slots(String[] strings) {
        int[] slots = new int[Integer.highestOneBit(strings.length * 2 - 1) << 1];
        int mask = slots.length - 1;
        for (int i = 0; i < strings.length; i++) {
            int at = spread(strings[i].hashCode()) & mask;
            while (true) {
                int taken = slots[at];
                if (taken == 0) {
                    slots[at] = i + 1;
                    break;
                }
                if (strings[taken - 1].equals(strings[i])) {
                    break; // a repeated string keeps its first index
                }
                at = (at + 1) & mask;
            }
        }
        return slots;
    }

    private static int spread(int h) {
        return h ^ (h >>> 16);
    }

    /** The first index of {@code s}, or -1. */
    int indexOf(Object s) {
        if (!(s instanceof String key)) {
            return -1;
        }
        if (slots == null) {
            for (int i = 0; i < strings.length; i++) {
                if (strings[i].equals(key)) {
                    return i;
                }
            }
            return -1;
        }
        int mask = slots.length - 1;
        for (int at = spread(key.hashCode()) & mask; ; at = (at + 1) & mask) {
            int taken = slots[at];
            if (taken == 0) {
                return -1;
            }
            if (strings[taken - 1].equals(key)) {
                return taken - 1;
            }
        }
    }

    int size() {
        return strings.length;
    }

    String get(int index) {
        return strings[index];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StringTable other && hash == other.hash && Arrays.equals(strings, other.strings);
    }

    @Override
    public int hashCode() {
        return hash;
    }
}
