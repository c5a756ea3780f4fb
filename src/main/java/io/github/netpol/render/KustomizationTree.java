package io.github.netpol.render;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The Kustomize directories one build reads, walked before Kustomize runs: every path a kustomization names
 * (resources, components, bases, patches, generators' files, replacements, openapi, ...) must be a local file or
 * directory inside the project, so that nothing is fetched from the network (Kustomize fetches any URL or git
 * reference it is given, even a patch path) and nothing outside the project is read. Kustomize tries a local
 * path first, so requiring every entry to exist locally refuses every remote form, whatever its spelling.
 * The walk also gives the rendering inputs (their digest decides whether a render can be reused) and each
 * kustomization's patches and name transformations, which Kustomize's origin annotations do not report.
 */
final class KustomizationTree {

    /** The names Kustomize looks for in a directory, in its order. */
    static final List<String> FILE_NAMES = List.of("kustomization.yaml", "kustomization.yml", "Kustomization");

    /** Fields whose entries are paths of files or kustomization directories (or inline YAML, for generators). */
    private static final List<String> PATH_LISTS = List.of("resources", "components", "bases", "crds", "configurations",
            "generators", "transformers", "validators");
    /** Of those, the fields whose directory entries are kustomizations to read. */
    private static final Set<String> DIRECTORY_FIELDS = Set.of("resources", "components", "bases", "generators",
            "transformers", "validators");

    /**
     * One kustomization file.
     *
     * @param resourceFiles the files its {@code resources} (and {@code bases}) name directly
     * @param component     a {@code kind: Component}: its patches apply to what the including kustomization gathered
     * @param includes      the kustomization directories it reads: resources, bases and components
     */
    record Kustomization(Path dir, Path file, boolean component, String namePrefix, String nameSuffix,
                         String namespace, List<Patch> patches, List<Path> resourceFiles, List<Path> includes) {
    }

    /**
     * One patch entry of a kustomization.
     *
     * @param field  {@code patches}, {@code patchesStrategicMerge} or {@code patchesJson6902}
     * @param file   the patch file, or {@code null} for an inline patch
     * @param inline the inline patch text, or {@code null}
     * @param target the entry's {@code target}, or {@code null} (a strategic-merge patch names its own target)
     */
    record Patch(Path kustomizationFile, String field, int index, Path file, String inline, Map<?, ?> target) {
    }

    private final Path root;
    private final Map<Path, Kustomization> byDir;
    private final Set<Path> inputs;
    private final boolean originAnnotations;

    private KustomizationTree(Path root, Map<Path, Kustomization> byDir, Set<Path> inputs, boolean originAnnotations) {
        this.root = root;
        this.byDir = byDir;
        this.inputs = inputs;
        this.originAnnotations = originAnnotations;
    }

    /** The kustomization directory that was rendered. */
    Path root() {
        return root;
    }

    /** Every kustomization read, by its directory (normalised, absolute), the root first. */
    Map<Path, Kustomization> kustomizations() {
        return byDir;
    }

    /** Every file the render reads, sorted. */
    Set<Path> inputs() {
        return inputs;
    }

    /** Whether the root kustomization itself asks for origin annotations: then they are part of what is applied. */
    boolean ownOriginAnnotations() {
        return originAnnotations;
    }

    /**
     * @param dir         the kustomization directory to render (absolute)
     * @param projectRoot where every input must lie (the top of the git work tree or of the build)
     * @param show        how messages name a path (relative to the project)
     * @throws RenderException for a remote, missing or outside entry, a malformed kustomization, or Helm inflation
     */
    static KustomizationTree walk(Path dir, Path projectRoot, LoaderOptions options, Function<Path, String> show)
            throws RenderException {
        Walk walk = new Walk(real(projectRoot), options, show);
        Path root = dir.toAbsolutePath().normalize();
        walk.visit(root, null);
        Kustomization top = walk.byDir.get(root);
        Object metadata = walk.contents.get(root).get("buildMetadata");
        boolean origins = metadata instanceof List<?> list && list.contains("originAnnotations");
        return new KustomizationTree(top.dir(), walk.byDir, new TreeSet<>(walk.inputs), origins);
    }

    /** The kustomization file of a directory, if it has one. */
    static Path fileOf(Path dir) {
        for (String name : FILE_NAMES) {
            Path file = dir.resolve(name);
            if (Files.isRegularFile(file)) {
                return file;
            }
        }
        return null;
    }

    private static final class Walk {
        private final Path projectRoot;
        private final LoaderOptions options;
        private final Function<Path, String> show;
        private final Map<Path, Kustomization> byDir = new LinkedHashMap<>();
        private final Map<Path, Map<?, ?>> contents = new HashMap<>();
        private final Set<Path> inputs = new LinkedHashSet<>();
        private final Set<Path> visiting = new LinkedHashSet<>();

        Walk(Path projectRoot, LoaderOptions options, Function<Path, String> show) {
            this.projectRoot = projectRoot;
            this.options = options;
            this.show = show;
        }

        void visit(Path dir, Path from) throws RenderException {
            if (byDir.containsKey(dir) || !visiting.add(dir)) {
                return; // read once; a cycle is Kustomize's error to report
            }
            Path file = fileOf(dir);
            if (file == null) {
                throw new RenderException((from == null ? "" : show.apply(from) + ": ") + show.apply(dir)
                        + " holds no kustomization file (" + String.join(", ", FILE_NAMES) + ")");
            }
            inside(file, file, "the kustomization file");
            inputs.add(file);
            Map<?, ?> k = read(file);
            contents.put(dir, k);
            for (String helm : List.of("helmCharts", "helmChartInflationGenerator", "helmGlobals")) {
                if (k.containsKey(helm)) {
                    throw new RenderException(show.apply(file) + ": " + helm + " asks Kustomize to run helm (and maybe"
                            + " download a chart), which the build does not do; render the chart itself as a Helm render"
                            + " (<renders><render><path>chart-dir</path>...) and keep the Kustomize part separate");
                }
            }
            List<Path> resourceFiles = new ArrayList<>();
            List<Path> includes = new ArrayList<>();
            for (String field : PATH_LISTS) {
                int i = 0;
                for (Object entry : list(k, field, file)) {
                    String where = field + "[" + i++ + "]";
                    if (!(entry instanceof String s) || s.contains("\n")) {
                        continue; // an inline generator or transformer configuration
                    }
                    Path p = local(dir, s, file, where);
                    if (Files.isDirectory(p)) {
                        if (DIRECTORY_FIELDS.contains(field)) {
                            visit(p, file);
                            includes.add(p);
                        }
                    } else {
                        inputs.add(p);
                        if (field.equals("resources") || field.equals("bases")) {
                            resourceFiles.add(p);
                        }
                    }
                }
            }
            List<Patch> patches = new ArrayList<>();
            patches(k, "patches", dir, file, patches);
            patches(k, "patchesJson6902", dir, file, patches);
            int i = 0;
            for (Object entry : list(k, "patchesStrategicMerge", file)) {
                String where = "patchesStrategicMerge[" + i + "]";
                if (entry instanceof String s && !s.contains("\n")) {
                    Path p = local(dir, s, file, where);
                    inputs.add(p);
                    patches.add(new Patch(file, "patchesStrategicMerge", i, p, null, null));
                } else {
                    patches.add(new Patch(file, "patchesStrategicMerge", i, null, String.valueOf(entry), null));
                }
                i++;
            }
            i = 0;
            for (Object entry : list(k, "replacements", file)) {
                if (entry instanceof Map<?, ?> m && m.get("path") instanceof String s) {
                    inputs.add(local(dir, s, file, "replacements[" + i + "].path"));
                }
                i++;
            }
            if (k.get("openapi") instanceof Map<?, ?> openapi && openapi.get("path") instanceof String s) {
                inputs.add(local(dir, s, file, "openapi.path"));
            }
            for (String generator : List.of("configMapGenerator", "secretGenerator")) {
                i = 0;
                for (Object entry : list(k, generator, file)) {
                    generatorFiles(dir, file, generator + "[" + i++ + "]", entry);
                }
            }
            visiting.remove(dir);
            byDir.put(dir, new Kustomization(dir, file, "Component".equals(k.get("kind")), text(k, "namePrefix"), text(k, "nameSuffix"), text(k, "namespace"),
                    List.copyOf(patches), List.copyOf(resourceFiles), List.copyOf(includes)));
        }

        private void patches(Map<?, ?> k, String field, Path dir, Path file, List<Patch> out) throws RenderException {
            int i = 0;
            for (Object entry : list(k, field, file)) {
                if (!(entry instanceof Map<?, ?> m)) {
                    throw new RenderException(show.apply(file) + ": " + field + "[" + i + "] is not a map with path or patch");
                }
                Map<?, ?> target = m.get("target") instanceof Map<?, ?> t ? t : null;
                if (m.get("path") instanceof String s) {
                    Path p = local(dir, s, file, field + "[" + i + "].path");
                    inputs.add(p);
                    out.add(new Patch(file, field, i, p, null, target));
                } else {
                    out.add(new Patch(file, field, i, null, m.get("patch") == null ? "" : String.valueOf(m.get("patch")),
                            target));
                }
                i++;
            }
        }

        private void generatorFiles(Path dir, Path file, String where, Object entry) throws RenderException {
            if (!(entry instanceof Map<?, ?> m)) {
                return;
            }
            int i = 0;
            for (Object f : m.get("files") instanceof List<?> l ? l : List.of()) {
                if (f instanceof String s) {
                    // key=path or path
                    int eq = s.indexOf('=');
                    inputs.add(local(dir, eq < 0 ? s : s.substring(eq + 1), file, where + ".files[" + i + "]"));
                }
                i++;
            }
            i = 0;
            for (Object f : m.get("envs") instanceof List<?> l ? l : List.of()) {
                if (f instanceof String s) {
                    inputs.add(local(dir, s, file, where + ".envs[" + i + "]"));
                }
                i++;
            }
            if (m.get("env") instanceof String s) {
                inputs.add(local(dir, s, file, where + ".env"));
            }
        }

        /** A path a kustomization names: local, existing, inside the project; anything else is refused. */
        private Path local(Path dir, String entry, Path file, String where) throws RenderException {
            String e = entry.trim();
            Path p = null;
            try {
                p = dir.resolve(e).normalize();
            } catch (InvalidPathException ignored) {
                // not a path of this file system: a URL with characters it refuses, say
            }
            if (p == null || !Files.exists(p)) {
                if (remote(e)) {
                    throw new RenderException(show.apply(file) + ": " + where + " '" + e + "' is a remote resource (a URL"
                            + " or git reference), and the build never fetches from the network: vendor it into the"
                            + " repository and name it by its relative path");
                }
                throw new RenderException(show.apply(file) + ": " + where + " '" + e + "' does not exist (looked for "
                        + (p == null ? e : show.apply(p)) + ")");
            }
            inside(p, file, where + " '" + e + "'");
            return p;
        }

        private void inside(Path p, Path file, String what) throws RenderException {
            Path real = real(p);
            if (!real.startsWith(projectRoot)) {
                throw new RenderException(show.apply(file) + ": " + what + " resolves to " + real + ", outside the"
                        + " project's root (" + projectRoot + "); it is not read. Keep every input of the render inside"
                        + " the project");
            }
        }

        private Map<?, ?> read(Path file) throws RenderException {
            Object loaded;
            try {
                loaded = new Yaml(new SafeConstructor(options)).load(Files.readString(file, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new RenderException("cannot read " + show.apply(file) + ": " + e.getMessage(), e);
            } catch (YAMLException e) {
                throw new RenderException(show.apply(file) + " is not valid YAML: " + firstLine(e.getMessage()), e);
            }
            if (loaded == null) {
                return Map.of();
            }
            if (!(loaded instanceof Map<?, ?> map)) {
                throw new RenderException(show.apply(file) + " is not a kustomization (a YAML map)");
            }
            return map;
        }

        private List<?> list(Map<?, ?> k, String field, Path file) throws RenderException {
            Object value = k.get(field);
            if (value == null) {
                return List.of();
            }
            if (!(value instanceof List<?> l)) {
                throw new RenderException(show.apply(file) + ": " + field + " is not a list");
            }
            return l;
        }
    }

    /** The spellings Kustomize fetches: URLs, scp-like and go-getter git references, hosts of known forges. */
    static boolean remote(String entry) {
        String e = entry.toLowerCase(java.util.Locale.ROOT);
        return e.contains("://") || e.startsWith("git@") || e.startsWith("git::") || e.contains("?ref=")
                || e.contains("?version=") || e.contains("?timeout=") || e.contains("//") && !e.startsWith("/")
                || e.startsWith("github.com/") || e.startsWith("gitlab.com/") || e.startsWith("bitbucket.org/");
    }

    private static String text(Map<?, ?> k, String field) {
        return k.get(field) instanceof String s && !s.isEmpty() ? s : null;
    }

    private static Path real(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
