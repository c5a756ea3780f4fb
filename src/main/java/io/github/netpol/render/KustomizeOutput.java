package io.github.netpol.render;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Kustomize's output, document by document, with the origin annotation the wrapper kustomization asked for
 * taken out again: it was added only to learn where each object comes from, and is not part of what
 * {@code kubectl apply -k} applies. Everything else stays byte for byte as Kustomize wrote it.
 */
final class KustomizeOutput {

    static final String ORIGIN = "config.kubernetes.io/origin";

    /**
     * One object of the output.
     *
     * @param text   the document as applied (without the added annotation), ending with a line break
     * @param object the document read as plain values
     * @param origin the origin annotation read as plain values ({@code path}, or {@code configuredIn} and
     *               {@code configuredBy}); empty when it has none
     */
    record Document(String text, Map<?, ?> object, Map<?, ?> origin) {

        String kind() {
            return object.get("kind") instanceof String s ? s : "";
        }

        String apiVersion() {
            return object.get("apiVersion") instanceof String s ? s : "";
        }

        Map<?, ?> metadata() {
            return object.get("metadata") instanceof Map<?, ?> m ? m : Map.of();
        }

        String name() {
            return metadata().get("name") instanceof String s ? s : "";
        }

        String namespace() {
            return metadata().get("namespace") instanceof String s ? s : null;
        }

        Map<?, ?> labels() {
            return metadata().get("labels") instanceof Map<?, ?> m ? m : Map.of();
        }

        Map<?, ?> annotations() {
            return metadata().get("annotations") instanceof Map<?, ?> m ? m : Map.of();
        }
    }

    private KustomizeOutput() {
    }

    /**
     * @param keepOrigin the user's kustomization asks for origin annotations itself: they are applied, so they stay
     */
    static List<Document> read(String output, LoaderOptions options, boolean keepOrigin) throws RenderException {
        List<Document> out = new ArrayList<>();
        for (String text : split(output)) {
            if (text.isBlank()) {
                continue;
            }
            try {
                Node root = new Yaml(options).compose(new StringReader(text));
                Object object = new Yaml(new SafeConstructor(options)).load(text);
                if (!(root instanceof MappingNode map) || !(object instanceof Map<?, ?> values)) {
                    throw new RenderException("Kustomize printed a document that is not an object:\n" + text);
                }
                Map<?, ?> origin = Map.of();
                if (values.get("metadata") instanceof Map<?, ?> meta && meta.get("annotations") instanceof Map<?, ?> a
                        && a.get(ORIGIN) instanceof String annotation) {
                    Object parsed = new Yaml(new SafeConstructor(options)).load(annotation);
                    origin = parsed instanceof Map<?, ?> m ? m : Map.of();
                    if (!keepOrigin) {
                        text = withoutOrigin(text, map);
                        object = new Yaml(new SafeConstructor(options)).load(text);
                    }
                }
                out.add(new Document(text.endsWith("\n") ? text : text + "\n", (Map<?, ?>) object, origin));
            } catch (YAMLException e) {
                throw new RenderException("Kustomize printed YAML that does not read back: " + e.getMessage(), e);
            }
        }
        return out;
    }

    /** Kustomize separates documents with a line {@code ---}; indented block text can never be such a line. */
    static List<String> split(String output) {
        List<String> docs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : output.split("\n", -1)) {
            if (line.equals("---") || line.startsWith("--- ")) {
                docs.add(current.toString());
                current.setLength(0);
            } else {
                current.append(line).append('\n');
            }
        }
        docs.add(current.toString().replaceAll("\n+$", "\n"));
        return docs;
    }

    /** The document without the lines of the origin annotation (and of {@code annotations:} when it held only that). */
    private static String withoutOrigin(String text, MappingNode root) {
        MappingNode annotations = mapping(mapping(root, "metadata"), "annotations");
        NodeTuple origin = tuple(annotations, ORIGIN);
        if (annotations == null || origin == null || annotations.getFlowStyle() == DumperOptions.FlowStyle.FLOW) {
            return text; // not the block layout Kustomize writes: leave it rather than cut blindly
        }
        NodeTuple cut = annotations.getValue().size() == 1 ? tuple(mapping(root, "metadata"), "annotations") : origin;
        int first = cut.getKeyNode().getStartMark().getLine();
        int indent = cut.getKeyNode().getStartMark().getColumn();
        String[] lines = text.split("\n", -1);
        // the entry ends before the next line that is not indented deeper than its key (block values always are)
        int next = first + 1;
        while (next < lines.length && (lines[next].isBlank() || indentation(lines[next]) > indent)) {
            next++;
        }
        List<String> kept = new ArrayList<>(Arrays.asList(lines).subList(0, first));
        kept.addAll(Arrays.asList(lines).subList(next, lines.length));
        return String.join("\n", kept);
    }

    private static int indentation(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    /** The value node under a key of a map node, or {@code null}. */
    static Node child(Node node, String key) {
        NodeTuple t = node instanceof MappingNode map ? tuple(map, key) : null;
        return t == null ? null : t.getValueNode();
    }

    /** The scalar text under a key of a map node, or {@code null}. */
    static String scalar(Node node, String key) {
        return child(node, key) instanceof ScalarNode s ? s.getValue() : null;
    }

    private static MappingNode mapping(MappingNode map, String key) {
        NodeTuple t = tuple(map, key);
        return t != null && t.getValueNode() instanceof MappingNode m ? m : null;
    }

    private static NodeTuple tuple(MappingNode map, String key) {
        if (map == null) {
            return null;
        }
        for (NodeTuple t : map.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode s && s.getValue().equals(key)) {
                return t;
            }
        }
        return null;
    }
}
