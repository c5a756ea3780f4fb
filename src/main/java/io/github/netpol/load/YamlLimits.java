package io.github.netpol.load;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * The one set of limits for every YAML the plugin reads (manifests, the policy bundle, the accepted-changes file,
 * assertion files): no duplicate keys, few aliases, bounded nesting, no recursive keys and no tags that could
 * name a class. Only the size differs: a bundle holds every manifest file of a release in one document.
 */
public final class YamlLimits {

    /** Aliases to lists or maps a document may use: enough for anchors, far too few for a "billion laughs". */
    public static final int MAX_ALIASES = 50;
    /** How deep a document may nest; no manifest comes close. */
    public static final int MAX_NESTING = 64;

    private YamlLimits() {
    }

    /** For one file: at most {@link SourceCollector#MAX_FILE_BYTES} characters. */
    public static LoaderOptions options() {
        return options((int) SourceCollector.MAX_FILE_BYTES);
    }

    /** For a document that holds many files, e.g. the policy bundle. */
    public static LoaderOptions options(int maxCodePoints) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(MAX_NESTING);
        options.setCodePointLimit(maxCodePoints);
        options.setMergeOnCompose(true);
        options.setTagInspector(tag -> false);
        return options;
    }

    /**
     * The node tree of a document read within the limits, for readers that work on nodes (with their positions).
     * Composing alone does not look for duplicate keys, so this does: a key written twice is an error, as it is
     * for manifests and the bundle.
     *
     * @return the root, or {@code null} for an empty document
     * @throws org.yaml.snakeyaml.error.YAMLException for a document that is not valid YAML or breaks a limit
     */
    public static Node compose(String text) {
        Node root = new Yaml(options()).compose(new StringReader(text));
        if (root != null) {
            refuseDuplicateKeys(root);
        }
        return root;
    }

    private static void refuseDuplicateKeys(Node root) {
        // each node once, however many aliases point at it
        Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Node> todo = new ArrayDeque<>();
        todo.push(root);
        while (!todo.isEmpty()) {
            Node node = todo.pop();
            if (!seen.add(node)) {
                continue;
            }
            if (node instanceof MappingNode map) {
                Set<String> keys = new HashSet<>();
                for (NodeTuple t : map.getValue()) {
                    if (t.getKeyNode() instanceof ScalarNode key && !keys.add(key.getValue())) {
                        throw new DuplicateKey(map.getStartMark(), key.getValue(), key.getStartMark());
                    }
                    todo.push(t.getKeyNode());
                    todo.push(t.getValueNode());
                }
            } else if (node instanceof SequenceNode seq) {
                seq.getValue().forEach(todo::push);
            }
        }
    }

    /** A key written twice in one map. */
    private static final class DuplicateKey extends MarkedYAMLException {
        DuplicateKey(Mark map, String key, Mark at) {
            super("while reading a map", map, "found the key '" + key + "' twice; a key may appear only once", at);
        }
    }
}
