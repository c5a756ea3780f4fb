package io.github.netpol.load;

import io.github.netpol.finding.Finding;
import io.github.netpol.finding.Severity;
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
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
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

    private static final int MAX_CANONICAL_LENGTH = 128;

    private final String file;
    private final ScalarConstructor scalars;
    private final Map<String, SourcePosition> positions = new LinkedHashMap<>();
    private final List<Finding> problems = new ArrayList<>();
    private final Set<Node> inProgress = Collections.newSetFromMap(new IdentityHashMap<>());
    private int nodes;

    // one copy of each pointer, key and short text across the documents of a load: the same
    // structure repeats in every manifest, and the source maps keep their pointers for the whole run
    private final Map<String, String> canonical;

    NodeTreeConverter(String file, LoaderOptions options) {
        this(file, options, new HashMap<>());
    }

    NodeTreeConverter(String file, LoaderOptions options, Map<String, String> canonical) {
        this.file = file;
        this.scalars = new ScalarConstructor(options);
        this.canonical = canonical;
    }

    private String canonical(String s) {
        return s.length() > MAX_CANONICAL_LENGTH ? s : canonical.computeIfAbsent(s, k -> k);
    }

    Map<String, SourcePosition> positions() {
        return positions;
    }

    List<Finding> problems() {
        return problems;
    }

    /** Converts the document; returns null after recording a problem when the tree cannot be used. */
    Object convert(Node root) {
        try {
            return value(root, "");
        } catch (Refused e) {
            problems.add(e.finding);
            return null;
        }
    }

    private Object value(Node node, String pointer) {
        if (++nodes > MAX_NODES) {
            throw new Refused(error("too-many-aliases", node.getStartMark(),
                    "The document expands to more than " + MAX_NODES + " values through aliases; "
                            + "write the values out or remove the anchors."));
        }
        positions.putIfAbsent(pointer, position(node.getStartMark()));
        if (!inProgress.add(node)) {
            throw new Refused(error("recursive-alias", node.getStartMark(),
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
                    list.add(value(item, canonical(JsonPointer.child(pointer, list.size()))));
                }
                return list;
            }
            MappingNode map = (MappingNode) node;
            checkTag(node, Tag.MAP);
            Map<String, Object> result = new LinkedHashMap<>();
            for (NodeTuple tuple : map.getValue()) {
                Node keyNode = tuple.getKeyNode();
                if (!(keyNode instanceof ScalarNode keyScalar)) {
                    throw new Refused(error("yaml-syntax", keyNode.getStartMark(),
                            "A map key must be a plain value, not a list or map."));
                }
                String key = canonical(keyScalar.getValue());
                if (result.containsKey(key)) {
                    problems.add(error("duplicate-key", keyNode.getStartMark(),
                            "Duplicate key '" + key + "': a key may appear only once in a map; "
                                    + "the API server would silently keep only one of them. Remove or merge the duplicate."));
                    continue;
                }
                String child = canonical(JsonPointer.child(pointer, key));
                positions.put(child, position(keyNode.getStartMark()));
                result.put(key, value(tuple.getValueNode(), child));
            }
            return result;
        } finally {
            inProgress.remove(node);
        }
    }

    private Object scalar(ScalarNode node) {
        Tag tag = node.getTag();
        if (tag.equals(Tag.STR) || tag.equals(Tag.TIMESTAMP) || tag.equals(Tag.BINARY)) {
            // timestamps stay text as they do when Kubernetes turns YAML into JSON
            return canonical(node.getValue());
        }
        if (tag.equals(Tag.INT)) {
            Object n = scalars.construct(node);
            if (n instanceof BigInteger big && big.bitLength() < 64) {
                return big.longValue();
            }
            return n;
        }
        if (tag.equals(Tag.FLOAT) || tag.equals(Tag.BOOL) || tag.equals(Tag.NULL)) {
            return scalars.construct(node);
        }
        throw new Refused(unsupportedTag(node));
    }

    private void checkTag(Node node, Tag expected) {
        if (!node.getTag().equals(expected)) {
            throw new Refused(unsupportedTag(node));
        }
    }

    private Finding unsupportedTag(Node node) {
        return error("unsupported-yaml-tag", node.getStartMark(),
                "The YAML tag " + node.getTag().getValue() + " is not allowed in a manifest; remove it.");
    }

    private Finding error(String id, Mark mark, String message) {
        return Finding.of(id, Severity.ERROR, message, position(mark));
    }

    private SourcePosition position(Mark mark) {
        return new SourcePosition(file, mark.getLine() + 1, mark.getColumn() + 1);
    }

    /** Gives access to SnakeYAML's scalar rules (YAML 1.1 ints, floats, booleans) without constructing objects. */
    private static final class ScalarConstructor extends SafeConstructor {
        ScalarConstructor(LoaderOptions options) {
            super(options);
        }

        Object construct(ScalarNode node) {
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
