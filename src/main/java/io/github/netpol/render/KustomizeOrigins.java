package io.github.netpol.render;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Where each object of a Kustomize render comes from: the resource file (and the document in it) that Kustomize's
 * origin annotation names, or the generator that made it; and the patch entries that target it, which Kustomize
 * does not report. Patches are matched the way Kustomize matches them: an entry's {@code target} by group,
 * version, kind, name and namespace (anchored regular expressions) and label and annotation selectors; a
 * strategic-merge patch without target by its own kind and name; both against the object's original name and
 * its name at that kustomization (before that kustomization's own prefix and namespace), through every
 * kustomization (and component) between the render's root and the file the object comes from.
 */
final class KustomizeOrigins {

    private final KustomizationTree tree;
    private final Path wrapperDir;
    private final LoaderOptions options;
    private final Function<Path, String> show;
    private final Map<Path, List<SourceDocument>> documents = new HashMap<>();
    private final Map<Path, List<Map<?, ?>>> patchDocuments = new HashMap<>();

    /** One document of a resource or patch file: what identifies it, and its first line. */
    private record SourceDocument(String kind, String name, int line) {
    }

    KustomizeOrigins(KustomizationTree tree, Path wrapperDir, LoaderOptions options, Function<Path, String> show) {
        this.tree = tree;
        this.wrapperDir = wrapperDir;
        this.options = options;
        this.show = show;
    }

    /** The lines of the comment that precedes the object in the rendered file: its source, then its patches. */
    List<String> describe(KustomizeOutput.Document doc) {
        List<String> out = new ArrayList<>();
        Map<?, ?> origin = doc.origin();
        Path file = origin.get("path") instanceof String p ? wrapperDir.resolve(p).normalize() : null;
        Path configuredIn = origin.get("configuredIn") instanceof String c ? wrapperDir.resolve(c).normalize() : null;
        String generator = origin.get("configuredBy") instanceof Map<?, ?> by && by.get("kind") instanceof String k ? k : null;
        String originalName = doc.name();
        if (file != null) {
            SourceDocument source = sourceDocument(file, doc);
            if (source != null) {
                originalName = source.name();
            }
            out.add("Source: " + show.apply(file) + (source == null ? "" : ":" + source.line()));
        } else if (configuredIn != null && "PatchTransformer".equals(generator)) {
            // a JSON patch that replaced metadata.annotations took the origin with it
            out.add("Source: unknown (a patch in " + show.apply(configuredIn) + " replaced the object's annotations)");
        } else if (configuredIn != null) {
            out.add("Source: " + (generator == null ? "generated" : generator) + " in " + show.apply(configuredIn));
        }
        Path anchor = file != null ? file : configuredIn;
        if (anchor != null) {
            for (String patch : patches(anchor, doc, originalName)) {
                out.add("Patched by: " + patch);
            }
        }
        return out;
    }

    /** The patch entries that target the object, outermost kustomization first. */
    private Set<String> patches(Path anchor, KustomizeOutput.Document doc, String originalName) {
        Set<String> out = new LinkedHashSet<>();
        List<KustomizationTree.Kustomization> chain = chain(tree.kustomizations().get(tree.root()), anchor, new ArrayList<>());
        if (chain == null) {
            return out;
        }
        for (int level = 0; level < chain.size(); level++) {
            String levelName = originalName;
            String levelNamespace = null;
            for (int below = chain.size() - 1; below > level; below--) {
                KustomizationTree.Kustomization k = chain.get(below);
                levelName = Objects.requireNonNullElse(k.namePrefix(), "") + levelName
                        + Objects.requireNonNullElse(k.nameSuffix(), "");
                if (k.namespace() != null) {
                    levelNamespace = k.namespace();
                }
            }
            Set<String> names = new LinkedHashSet<>(List.of(originalName, levelName, doc.name()));
            Set<String> namespaces = new LinkedHashSet<>();
            if (levelNamespace != null) {
                namespaces.add(levelNamespace);
            }
            if (doc.namespace() != null) {
                namespaces.add(doc.namespace());
            }
            for (KustomizationTree.Kustomization k : withComponents(chain.get(level))) {
                for (KustomizationTree.Patch p : k.patches()) {
                    if (targets(p, doc, names, namespaces)) {
                        out.add(describe(p));
                    }
                }
            }
        }
        return out;
    }

    /** The kustomizations from {@code k} down to the one that reads {@code anchor} (a resource or kustomization file). */
    private List<KustomizationTree.Kustomization> chain(KustomizationTree.Kustomization k, Path anchor,
                                                        List<Path> seen) {
        if (k == null || seen.contains(k.dir())) {
            return null;
        }
        seen.add(k.dir());
        List<KustomizationTree.Kustomization> here = new ArrayList<>(List.of(k));
        if (k.resourceFiles().contains(anchor) || k.file().equals(anchor)) {
            return here;
        }
        for (Path include : k.includes()) {
            List<KustomizationTree.Kustomization> below = chain(tree.kustomizations().get(include), anchor, seen);
            if (below != null) {
                here.addAll(below);
                return here;
            }
        }
        return null;
    }

    /** A kustomization and the components it includes: their patches apply to what it has gathered. */
    private List<KustomizationTree.Kustomization> withComponents(KustomizationTree.Kustomization k) {
        List<KustomizationTree.Kustomization> out = new ArrayList<>(List.of(k));
        for (Path include : k.includes()) {
            KustomizationTree.Kustomization c = tree.kustomizations().get(include);
            if (c != null && c.component()) {
                out.addAll(withComponents(c));
            }
        }
        return out;
    }

    private boolean targets(KustomizationTree.Patch p, KustomizeOutput.Document doc, Set<String> names,
                            Set<String> namespaces) {
        if (p.target() != null) {
            Map<?, ?> t = p.target();
            String[] gv = groupVersion(doc.apiVersion());
            return equalsIfSet(t.get("kind"), doc.kind()) && equalsIfSet(t.get("group"), gv[0])
                    && equalsIfSet(t.get("version"), gv[1]) && anyMatches(t.get("name"), names)
                    && (t.get("namespace") == null || anyMatches(t.get("namespace"), namespaces.isEmpty()
                    ? Set.of("default") : namespaces))
                    && LabelSelectorText.matches(t.get("labelSelector"), doc.labels())
                    && LabelSelectorText.matches(t.get("annotationSelector"), doc.annotations());
        }
        for (Map<?, ?> smp : patchDocuments(p)) {
            Map<?, ?> meta = smp.get("metadata") instanceof Map<?, ?> m ? m : Map.of();
            String[] gv = groupVersion(smp.get("apiVersion") instanceof String a ? a : "");
            if (Objects.equals(smp.get("kind"), doc.kind()) && names.contains(meta.get("name"))
                    && (gv[0].isEmpty() || gv[0].equals(groupVersion(doc.apiVersion())[0]))) {
                return true;
            }
        }
        return false;
    }

    private String describe(KustomizationTree.Patch p) {
        String entry = p.field() + "[" + p.index() + "] of " + show.apply(p.kustomizationFile());
        return p.file() == null ? entry + " (inline)" : show.apply(p.file()) + " (" + entry + ")";
    }

    /** The documents of a strategic-merge patch (a list is a JSON patch, which needs a target). */
    private List<Map<?, ?>> patchDocuments(KustomizationTree.Patch p) {
        if (p.file() == null) {
            return parseAll(p.inline());
        }
        return patchDocuments.computeIfAbsent(p.file(), f -> {
            try {
                return parseAll(Files.readString(f, StandardCharsets.UTF_8));
            } catch (IOException e) {
                return List.of();
            }
        });
    }

    private List<Map<?, ?>> parseAll(String text) {
        List<Map<?, ?>> out = new ArrayList<>();
        try {
            for (Object o : new Yaml(new SafeConstructor(options)).loadAll(text)) {
                if (o instanceof Map<?, ?> m) {
                    out.add(m);
                }
            }
        } catch (YAMLException e) {
            // Kustomize has read it; a patch this reader cannot read is only left out of the attribution
        }
        return out;
    }

    /** The document of the resource file the object came from: same kind, the longest name its name contains. */
    private SourceDocument sourceDocument(Path file, KustomizeOutput.Document doc) {
        SourceDocument best = null;
        for (SourceDocument d : documents.computeIfAbsent(file, this::documentsOf)) {
            if (d.kind().equals(doc.kind()) && doc.name().contains(d.name())
                    && (best == null || d.name().length() > best.name().length())) {
                best = d;
            }
        }
        return best;
    }

    private List<SourceDocument> documentsOf(Path file) {
        List<SourceDocument> out = new ArrayList<>();
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            for (Node node : new Yaml(options).composeAll(new StringReader(text))) {
                String kind = KustomizeOutput.scalar(node, "kind");
                String name = KustomizeOutput.scalar(KustomizeOutput.child(node, "metadata"), "name");
                if (kind != null && name != null) {
                    out.add(new SourceDocument(kind, name, node.getStartMark().getLine() + 1));
                }
            }
        } catch (IOException | YAMLException e) {
            // the render has read it; the object is then named by its file alone
        }
        return out;
    }

    private static String[] groupVersion(String apiVersion) {
        int slash = apiVersion.lastIndexOf('/');
        return slash < 0 ? new String[] {"", apiVersion} : new String[] {apiVersion.substring(0, slash),
                apiVersion.substring(slash + 1)};
    }

    private static boolean equalsIfSet(Object wanted, String actual) {
        return wanted == null || "".equals(wanted) || wanted.equals(actual);
    }

    /** Kustomize anchors name and namespace patterns: {@code allow-.*} matches {@code allow-web}, {@code allow} does not. */
    private static boolean anyMatches(Object pattern, Set<String> values) {
        if (pattern == null || "".equals(pattern)) {
            return true;
        }
        String p = String.valueOf(pattern);
        for (String v : values) {
            if (v == null) {
                continue;
            }
            try {
                if (Pattern.compile("^(?:" + p + ")$").matcher(v).matches()) {
                    return true;
                }
            } catch (PatternSyntaxException e) {
                if (p.equals(v)) {
                    return true;
                }
            }
        }
        return false;
    }
}
