package io.github.netpol.model;

import io.github.netpol.finding.SourcePosition;
import io.github.netpol.load.NodePositions;

import java.util.Map;

/**
 * Positions of every node of one YAML/JSON document, keyed by JSON pointer
 * ({@code ""} for the document, {@code /spec/ingress/0/from/1/podSelector} for a field).
 * A key's position is where its key starts; a list item's, where the item starts.
 * Equal when the file and every pointer's position are; the hash is computed once.
 */
public final class SourceMap {

    private final NodePositions positions;

    public SourceMap(String file, Map<String, SourcePosition> positions) {
        this(NodePositions.of(file, positions));
    }

    /** The positions the loader recorded, kept as they are (compact and shared). */
    public SourceMap(NodePositions positions) {
        this.positions = positions;
    }

    public String file() {
        return positions.file();
    }

    /** Every pointer with its position (a copy: the map itself is kept compactly). */
    public Map<String, SourcePosition> positions() {
        return positions.asMap();
    }

    /**
     * The position of the node at {@code pointer}, or of its nearest ancestor that has one,
     * so a finding about a defaulted or absent field still points at its parent.
     */
    public SourcePosition at(String pointer) {
        String p = pointer;
        while (true) {
            SourcePosition pos = positions.get(p);
            if (pos != null) {
                return pos;
            }
            if (p.isEmpty()) {
                return new SourcePosition(file(), 1, 1);
            }
            int slash = p.lastIndexOf('/');
            p = slash <= 0 ? "" : p.substring(0, slash);
        }
    }

    /** True when the document itself had a node at exactly this pointer. */
    public boolean has(String pointer) {
        return positions.has(pointer);
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof SourceMap other && positions.equals(other.positions);
    }

    @Override
    public int hashCode() {
        return positions.hashCode();
    }

    @Override
    public String toString() {
        return "SourceMap[file=" + file() + ", positions=" + positions.asMap() + "]";
    }
}
