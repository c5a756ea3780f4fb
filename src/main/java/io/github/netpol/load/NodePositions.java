package io.github.netpol.load;

import io.github.netpol.finding.SourcePosition;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where every node of one document starts, by JSON pointer: for a map entry where its key starts, for a
 * list item where the item starts. The pointers are a {@link StringTable} shared by the documents of the
 * same shape and the positions two ints per node, instead of a map entry, a pointer string and a
 * {@link SourcePosition} per node: source maps live as long as the build.
 */
public final class NodePositions {

    private final String file;
    private final StringTable pointers;
    /** line and column (1-based) of pointer {@code i} at {@code 2i} and {@code 2i + 1}. */
    private final int[] lineColumns;
    private int hash;

    NodePositions(String file, StringTable pointers, int[] lineColumns) {
        if (lineColumns.length != 2 * pointers.size()) {
            throw new IllegalArgumentException(pointers.size() + " pointers for " + lineColumns.length / 2 + " positions");
        }
        this.file = Objects.requireNonNull(file);
        this.pointers = pointers;
        this.lineColumns = lineColumns;
    }

    /**
     * Positions given as a map (tests, documents built by hand). Every position must be in {@code file}:
     * a source map describes one file.
     */
    public static NodePositions of(String file, Map<String, SourcePosition> positions) {
        String[] pointers = new String[positions.size()];
        int[] lineColumns = new int[2 * positions.size()];
        int i = 0;
        for (Map.Entry<String, SourcePosition> e : positions.entrySet()) {
            if (!file.equals(e.getValue().file())) {
                throw new IllegalArgumentException("position " + e.getValue() + " of " + e.getKey() + " is not in " + file);
            }
            pointers[i] = e.getKey();
            lineColumns[2 * i] = e.getValue().line();
            lineColumns[2 * i + 1] = e.getValue().column();
            i++;
        }
        return new NodePositions(file, new StringTable(pointers), lineColumns);
    }

    /** The pointers, for {@link LoadResultCodec}. */
    StringTable pointers() {
        return pointers;
    }

    /** Line and column of pointer {@code i} at {@code 2i} and {@code 2i + 1}, for {@link LoadResultCodec}. */
    int lineColumn(int i) {
        return lineColumns[i];
    }

    public String file() {
        return file;
    }

    /** The same positions in a file of the same content under another name. */
    NodePositions inFile(String name) {
        return new NodePositions(name, pointers, lineColumns);
    }

    /** The position of the node at exactly {@code pointer}, or null. */
    public SourcePosition get(String pointer) {
        int i = pointers.indexOf(pointer);
        return i < 0 ? null : new SourcePosition(file, lineColumns[2 * i], lineColumns[2 * i + 1]);
    }

    public boolean has(String pointer) {
        return pointers.indexOf(pointer) >= 0;
    }

    public int size() {
        return pointers.size();
    }

    /** Every pointer with its position, in document order. */
    public Map<String, SourcePosition> asMap() {
        Map<String, SourcePosition> map = new LinkedHashMap<>();
        for (int i = 0; i < pointers.size(); i++) {
            map.putIfAbsent(pointers.get(i), new SourcePosition(file, lineColumns[2 * i], lineColumns[2 * i + 1]));
        }
        return Collections.unmodifiableMap(map);
    }

    /** Equal when they map the same pointers to the same positions, in whatever order they were recorded. */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof NodePositions other) || !file.equals(other.file) || hashCode() != other.hashCode()) {
            return false;
        }
        if (pointers.equals(other.pointers) && Arrays.equals(lineColumns, other.lineColumns)) {
            return true;
        }
        return asMap().equals(other.asMap());
    }

    /** Like a map's hash: the sum over the entries, so the order of the pointers does not matter. */
    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = file.hashCode();
            for (int i = 0; i < pointers.size(); i++) {
                if (pointers.indexOf(pointers.get(i)) == i) {
                    h += pointers.get(i).hashCode() ^ (31 * lineColumns[2 * i] + lineColumns[2 * i + 1]);
                }
            }
            hash = h;
        }
        return h;
    }

    @Override
    public String toString() {
        return file + asMap();
    }
}
