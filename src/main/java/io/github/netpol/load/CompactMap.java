package io.github.netpol.load;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * A YAML mapping after loading: immutable, in document order, values may be null. Its keys are a
 * {@link StringTable} shared with every mapping of the same keys, so a mapping costs one small object
 * and its value array; the loaded trees stay in memory for the whole build (validation walks them),
 * and a {@code LinkedHashMap} per mapping was most of the heap they took.
 */
public final class CompactMap extends AbstractMap<String, Object> {

    private final StringTable keys;
    private final Object[] values;

    CompactMap(StringTable keys, Object[] values) {
        if (keys.size() != values.length) {
            throw new IllegalArgumentException(keys.size() + " keys for " + values.length + " values");
        }
        this.keys = keys;
        this.values = values;
    }

    /** The keys, for {@link LoadResultCodec}. */
    StringTable keys() {
        return keys;
    }

    /** The value at index {@code i} of {@link #keys()}, for {@link LoadResultCodec}. */
    Object valueAt(int i) {
        return values[i];
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public boolean containsKey(Object key) {
        return keys.indexOf(key) >= 0;
    }

    @Override
    public Object get(Object key) {
        int i = keys.indexOf(key);
        return i < 0 ? null : values[i];
    }

    @Override
    public void forEach(BiConsumer<? super String, ? super Object> action) {
        for (int i = 0; i < values.length; i++) {
            action.accept(keys.get(i), values[i]);
        }
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return values.length;
            }

            @Override
            public Iterator<Entry<String, Object>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < values.length;
                    }

                    @Override
                    public Entry<String, Object> next() {
                        if (next >= values.length) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new AbstractMap.SimpleImmutableEntry<>(keys.get(i), values[i]);
                    }
                };
            }
        };
    }
}
