package io.github.netpol.load;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One copy of each short string and each key or pointer table across the files of a load (files are
 * read in parallel, hence the concurrent maps). The same structure repeats in every manifest and the
 * loaded trees and source maps are kept for the whole build, so sharing is most of their size.
 * One instance per load: nothing is kept between loads.
 *
 * <p>A JSON pointer is interned only while it is likely to recur in other documents: the loader builds the
 * pointers of a list's items from index 16 on (and below them) itself. A policy with thousands of rules has
 * that many pointers nothing else shares, and a map entry for each, kept for the whole load, cost more than
 * it saved.
 */
final class Interner {

    private static final int MAX_STRING_LENGTH = 128;

    private final Map<String, String> strings = new ConcurrentHashMap<>();
    private final Map<StringTable, StringTable> tables = new ConcurrentHashMap<>();
    private final Map<Child, String> children = new ConcurrentHashMap<>();

    /** A pointer's child by key or index; parent and key are interned, so hashing them costs nothing. */
    private record Child(String parent, Object token) {
    }

    String string(String s) {
        if (s.length() > MAX_STRING_LENGTH) {
            return s;
        }
        String known = strings.putIfAbsent(s, s);
        return known == null ? s : known;
    }

    /** The interned pointer of {@code parent}'s entry {@code key}; {@code parent} and {@code key} must be interned. */
    String child(String parent, String key) {
        return children.computeIfAbsent(new Child(parent, key), c -> string(JsonPointer.child(parent, key)));
    }

    /** The interned pointer of {@code parent}'s item {@code index}; {@code parent} must be interned. */
    String child(String parent, int index) {
        return children.computeIfAbsent(new Child(parent, index), c -> string(JsonPointer.child(parent, index)));
    }

    /**
     * The pointer of {@code parent}'s entry {@code key}: interned where the pointers are shared (a list's first items
     * and what lies below them, see {@code NodeTreeConverter.SHARED_ITEMS}), else built.
     */
    String child(String parent, String key, boolean shared) {
        return shared ? child(parent, key) : JsonPointer.child(parent, key);
    }

    /** The pointer of {@code parent}'s item {@code index}, interned where shared, else built. */
    String child(String parent, int index, boolean shared) {
        return shared ? child(parent, index) : JsonPointer.child(parent, index);
    }

    StringTable table(String[] strings) {
        StringTable table = new StringTable(strings);
        StringTable known = tables.putIfAbsent(table, table);
        return known == null ? table : known;
    }
}
