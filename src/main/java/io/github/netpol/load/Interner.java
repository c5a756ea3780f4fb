package io.github.netpol.load;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One copy of each short string and each key or pointer table across the files of a load (files are
 * read in parallel, hence the concurrent maps). The same structure repeats in every manifest and the
 * loaded trees and source maps are kept for the whole build, so sharing is most of their size.
 * One instance per load: nothing is kept between loads.
 *
 * <p>JSON pointers themselves are not interned: a document's pointers live on only in its table, and
 * documents of one shape share the first one's table, so interning them saved no memory. It did cost a
 * map entry per distinct pointer, and a policy with thousands of rules has that many pointers of its own.
 */
final class Interner {

    private static final int MAX_STRING_LENGTH = 128;

    private final Map<String, String> strings = new ConcurrentHashMap<>();
    private final Map<StringTable, StringTable> tables = new ConcurrentHashMap<>();

    String string(String s) {
        if (s.length() > MAX_STRING_LENGTH) {
            return s;
        }
        String known = strings.putIfAbsent(s, s);
        return known == null ? s : known;
    }

    StringTable table(String[] strings) {
        StringTable table = new StringTable(strings);
        StringTable known = tables.putIfAbsent(table, table);
        return known == null ? table : known;
    }
}
