package io.github.netpol.load;

/**
 * One YAML/JSON document as plain Java values ({@code Map<String,Object>}, {@code List<Object>},
 * {@code String}, {@code Integer}/{@code Long}, {@code Double}, {@code Boolean}, {@code null}),
 * with the position of every node keyed by JSON pointer. Maps read from YAML are {@link CompactMap}s:
 * immutable, in document order.
 *
 * @param index     0-based index of the document in its file
 * @param positions JSON pointer to the position where the key (for a map entry) or the item (for a list item) starts
 */
public record RawDocument(String file, int index, Object tree, NodePositions positions) {

    /** The same document read from a file of the same content under another name (the tree is immutable). */
    public RawDocument inFile(String name) {
        return name.equals(file) ? this : new RawDocument(name, index, tree, positions.inFile(name));
    }
}
