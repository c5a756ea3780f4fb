package io.github.netpol.load;

import io.github.netpol.finding.SourcePosition;

import java.util.Map;

/**
 * One YAML/JSON document as plain Java values ({@code Map<String,Object>}, {@code List<Object>},
 * {@code String}, {@code Integer}/{@code Long}, {@code Double}, {@code Boolean}, {@code null}),
 * with the position of every node keyed by JSON pointer.
 *
 * @param index     0-based index of the document in its file
 * @param positions JSON pointer to the position where the key (for a map entry) or the item (for a list item) starts
 */
public record RawDocument(String file, int index, Object tree, Map<String, SourcePosition> positions) {

    public RawDocument {
        positions = Map.copyOf(positions);
    }
}
