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

    /** The pointers, and the line and column (1-based) of pointer {@code i} at {@code 2i} and {@code 2i + 1}. */
    record Table(StringTable pointers, int[] lineColumns) implements Source {
        Table {
            if (lineColumns.length != 2 * pointers.size()) {
                throw new IllegalArgumentException(pointers.size() + " pointers for " + lineColumns.length / 2
                        + " positions");
            }
        }

        @Override
        public Table table(String file) {
            return this;
        }
    }

    /**
     * Where the table comes from: a load records it, a kept entry decodes it on first use (in a build that reads a
     * file from the parse cache, only the nodes a finding names need a position).
     */
    interface Source {
        /** @param file the file the positions are read for, named by a failure */
        Table table(String file);
    }

    private final String file;
    private final Source source;

    NodePositions(String file, StringTable pointers, int[] lineColumns) {
        this(file, new Table(pointers, lineColumns));
    }

    NodePositions(String file, Source source) {
        this.file = Objects.requireNonNull(file);
        this.source = Objects.requireNonNull(source);
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

    /** The pointers and their positions, for {@link LoadResultCodec}. */
    Table table() {
        return source.table(file);
    }

    public String file() {
        return file;
    }

    /** The same positions in a file of the same content under another name. */
    NodePositions inFile(String name) {
        return new NodePositions(name, source);
    }

    /** The position of the node at exactly {@code pointer}, or null. */
    public SourcePosition get(String pointer) {
        Table t = table();
        int i = t.pointers().indexOf(pointer);
        return i < 0 ? null : new SourcePosition(file, t.lineColumns()[2 * i], t.lineColumns()[2 * i + 1]);
    }

    public boolean has(String pointer) {
        return table().pointers().indexOf(pointer) >= 0;
    }

    public int size() {
        return table().pointers().size();
    }

    /** Every pointer with its position, in document order. */
    public Map<String, SourcePosition> asMap() {
        Table t = table();
        Map<String, SourcePosition> map = new LinkedHashMap<>();
        for (int i = 0; i < t.pointers().size(); i++) {
            map.putIfAbsent(t.pointers().get(i),
                    new SourcePosition(file, t.lineColumns()[2 * i], t.lineColumns()[2 * i + 1]));
        }
        return Collections.unmodifiableMap(map);
    }

    /** Equal when they map the same pointers to the same positions, in whatever order they were recorded. */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof NodePositions other) || !file.equals(other.file)) {
            return false;
        }
        if (source == other.source) {
            return true;
        }
        Table mine = table();
        Table theirs = other.table();
        if (mine.pointers().equals(theirs.pointers()) && Arrays.equals(mine.lineColumns(), theirs.lineColumns())) {
            return true;
        }
        return asMap().equals(other.asMap());
    }

    /**
     * The file's hash only: hashing the positions would decode every kept entry's positions when a manifest whose
     * origin holds them is hashed, and positions are compared where everything else about two documents is equal.
     */
    @Override
    public int hashCode() {
        return file.hashCode();
    }

    @Override
    public String toString() {
        return file + asMap();
    }
}
