package io.github.netpol.load;

import io.github.netpol.finding.Finding;
import io.github.netpol.finding.FindingCode;
import io.github.netpol.finding.SourcePosition;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Arrays;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a composed SnakeYAML node tree into plain Java values and a JSON-pointer source map,
 * rejecting duplicate keys, non-scalar keys, foreign tags, recursive aliases and alias expansion
 * beyond a node budget (a second guard against billion laughs after the parser's alias limit).
 */
final class NodeTreeConverter {

    /** Upper bound on the number of values one document may expand to. */
    static final int MAX_NODES = 1_000_000;

    /**
     * The pointers of a list's items from this index on, and of everything below them, are built, not interned:
     * the items of a long list (a policy's thousands of rules) seldom recur in other documents.
     */
    static final int SHARED_ITEMS = 16;

    /** Up to this many keys, duplicates are found by scanning the keys read so far. */
    static final int SCAN_KEYS_UP_TO = 16;

    private final String file;
    private final ScalarConstructor scalars;
    private final List<Finding> problems = new ArrayList<>();
    private final Set<Node> inProgress = Collections.newSetFromMap(new IdentityHashMap<>());
    private int nodes;

    private final PositionRecorder positions = new PositionRecorder();

    // one copy of each pointer, key, key list and short text across the documents of a load: the same
    // structure repeats in every manifest, and the trees and source maps are kept for the whole run
    private final Interner interner;

    /** One converter per document; {@code scalars} may serve every document of a file (it keeps no state). */
    NodeTreeConverter(String file, ScalarConstructor scalars, Interner interner) {
        this.file = file;
        this.scalars = scalars;
        this.interner = interner;
    }

    /** Where each node starts; call after {@link #convert} returned a tree. */
    NodePositions positions() {
        return positions.positions(file, interner);
    }

    List<Finding> problems() {
        return problems;
    }

    /** Converts the document; returns null after recording a problem when the tree cannot be used. */
    Object convert(Node root) {
        try {
            positions.record("", root.getStartMark());
            return value(root, "", true);
        } catch (Refused e) {
            problems.add(e.finding);
            return null;
        }
    }

    /** @param shared whether the pointers below {@code pointer} are interned (see {@link #SHARED_ITEMS}) */
    private Object value(Node node, String pointer, boolean shared) {
        if (++nodes > MAX_NODES) {
            throw new Refused(error(FindingCode.TOO_MANY_ALIASES, node.getStartMark(),
                    "The document expands to more than " + MAX_NODES + " values through aliases; "
                            + "write the values out or remove the anchors."));
        }
        if (!inProgress.add(node)) {
            throw new Refused(error(FindingCode.RECURSIVE_ALIAS, node.getStartMark(),
                    "An alias refers to a node that contains it; remove the recursive anchor."));
        }
        try {
            if (node instanceof ScalarNode scalar) {
                return scalar(scalar);
            }
            if (node instanceof SequenceNode seq) {
                checkTag(node, Tag.SEQ);
                List<Object> list = new ArrayList<>(seq.getValue().size());
                for (Node item : seq.getValue()) {
                    boolean itemShared = shared && list.size() < SHARED_ITEMS;
                    String child = interner.child(pointer, list.size(), itemShared);
                    positions.record(child, item.getStartMark());
                    list.add(value(item, child, itemShared));
                }
                return list;
            }
            return mapping((MappingNode) node, pointer, shared);
        } finally {
            inProgress.remove(node);
        }
    }

    private Map<String, Object> mapping(MappingNode map, String pointer, boolean shared) {
        checkTag(map, Tag.MAP);
        List<NodeTuple> tuples = map.getValue();
        String[] keys = new String[tuples.size()];
        Object[] values = new Object[tuples.size()];
        Set<String> seen = tuples.size() > SCAN_KEYS_UP_TO ? new HashSet<>() : null;
        int size = 0;
        for (NodeTuple tuple : tuples) {
            Node keyNode = tuple.getKeyNode();
            if (!(keyNode instanceof ScalarNode keyScalar)) {
                throw new Refused(error(FindingCode.YAML_SYNTAX, keyNode.getStartMark(),
                        "A map key must be a plain value, not a list or map."));
            }
            String key = interner.string(keyScalar.getValue());
            if (seen != null ? !seen.add(key) : indexOf(keys, size, key) >= 0) {
                problems.add(error(FindingCode.DUPLICATE_KEY, keyNode.getStartMark(),
                        "Duplicate key '" + key + "': a key may appear only once in a map; "
                                + "the API server would silently keep only one of them. Remove or merge the duplicate."));
                continue;
            }
            String child = interner.child(pointer, key, shared);
            positions.record(child, keyNode.getStartMark());
            keys[size] = key;
            values[size] = value(tuple.getValueNode(), child, shared);
            size++;
        }
        if (size < keys.length) {
            keys = Arrays.copyOf(keys, size);
            values = Arrays.copyOf(values, size);
        }
        return new CompactMap(interner.table(keys), values);
    }

    static int indexOf(String[] keys, int size, String key) {
        for (int i = 0; i < size; i++) {
            if (keys[i].equals(key)) {
                return i;
            }
        }
        return -1;
    }

    private Object scalar(ScalarNode node) {
        Object value = scalars.value(node, interner);
        if (value == ScalarConstructor.REFUSED) {
            throw new Refused(unsupportedTag(node));
        }
        return value;
    }

    private void checkTag(Node node, Tag expected) {
        if (!node.getTag().equals(expected)) {
            throw new Refused(unsupportedTag(node));
        }
    }

    private Finding unsupportedTag(Node node) {
        return error(FindingCode.UNSUPPORTED_YAML_TAG, node.getStartMark(),
                "The YAML tag " + node.getTag().getValue() + " is not allowed in a manifest; remove it.");
    }

    private Finding error(FindingCode code, Mark mark, String message) {
        return Finding.of(code, message).at(position(mark));
    }

    private SourcePosition position(Mark mark) {
        return new SourcePosition(file, mark.getLine() + 1, mark.getColumn() + 1);
    }

    /**
     * Gives access to SnakeYAML's scalar rules (YAML 1.1 ints, floats, booleans) without constructing objects.
     * Creating one fills SnakeYAML's tables of constructors, so a file's documents share one.
     */
    static final class ScalarConstructor extends SafeConstructor {
        /** What {@link #value} returns for a tag a manifest may not use. */
        static final Object REFUSED = new Object();

        ScalarConstructor(LoaderOptions options) {
            super(options);
        }

        /**
         * The value of a scalar of the tags a manifest may use, or {@link #REFUSED} for any other tag. Timestamps stay
         * text as they do when Kubernetes turns YAML into JSON.
         */
        Object value(ScalarNode node, Interner interner) {
            Tag tag = node.getTag();
            if (tag.equals(Tag.STR) || tag.equals(Tag.TIMESTAMP) || tag.equals(Tag.BINARY)) {
                return interner.string(node.getValue());
            }
            if (tag.equals(Tag.INT)) {
                Object n = construct(node);
                return n instanceof BigInteger big && big.bitLength() < 64 ? big.longValue() : n;
            }
            if (tag.equals(Tag.FLOAT) || tag.equals(Tag.BOOL) || tag.equals(Tag.NULL)) {
                return construct(node);
            }
            return REFUSED;
        }

        private Object construct(ScalarNode node) {
            return yamlConstructors.get(node.getTag()).construct(node);
        }
    }

    private static final class Refused extends RuntimeException {
        private final transient Finding finding;

        Refused(Finding finding) {
            super(finding.message(), null, false, false);
            this.finding = finding;
        }
    }
}
