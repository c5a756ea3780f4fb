package io.github.netpol.model;

import io.github.netpol.finding.SourcePosition;

import java.util.Map;

/**
 * Positions of every node of one YAML/JSON document, keyed by JSON pointer
 * ({@code ""} for the document, {@code /spec/ingress/0/from/1/podSelector} for a field).
 * A key's position is where its key starts; a list item's, where the item starts.
 */
public record SourceMap(String file, Map<String, SourcePosition> positions) {

    public SourceMap {
        positions = Map.copyOf(positions);
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
                return new SourcePosition(file, 1, 1);
            }
            int slash = p.lastIndexOf('/');
            p = slash <= 0 ? "" : p.substring(0, slash);
        }
    }

    /** True when the document itself had a node at exactly this pointer. */
    public boolean has(String pointer) {
        return positions.containsKey(pointer);
    }
}
