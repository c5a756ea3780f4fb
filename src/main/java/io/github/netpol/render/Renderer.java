package io.github.netpol.render;

import org.yaml.snakeyaml.LoaderOptions;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Renders environments: a Kustomize directory with the real Kustomize, a local chart with Helm's own engine. The
 * output is written to one file per environment, every object preceded by where it comes from, so that findings
 * have a real file and line to point at. A render whose inputs (every file it reads, its settings and the tool)
 * are those of the output already there is not run again.
 */
public final class Renderer {

    /** The file each environment's manifests are written to, inside its directory. */
    public static final String OUTPUT = "manifests.yaml";

    /**
     * How to render.
     *
     * @param kustomize        {@code netpol.kustomize}, or {@code null} to find kustomize or kubectl on the PATH
     * @param timeout          how long one render may take
     * @param projectRoot      where every input must lie
     * @param yaml             the limits for reading YAML (kustomizations, charts, the output)
     * @param policyKinds      kinds that bear on what the policies allow: a Helm hook making one is refused
     * @param env              the environment (the PATH)
     * @param defaultNamespace a chart's release namespace when its render names none
     */
    public record Options(String kustomize, Duration timeout, Path projectRoot, Supplier<LoaderOptions> yaml,
                          Set<String> policyKinds, UnaryOperator<String> env, String defaultNamespace) {
    }

    private final Options options;

    public Renderer(Options options) {
        this.options = options;
    }

    /**
     * @param projectDir where the spec's paths are resolved: the project, or a checkout of it at a git ref
     * @param workDir    the environment's directory for the tool's files and the record of the last render
     * @param output     where the manifests go
     * @param show       how messages and origin comments name a path
     */
    public RenderedEnvironment render(RenderSpec spec, Path projectDir, Path workDir, Path output,
                                      Function<Path, String> show) throws RenderException {
        String where = "render " + spec.name();
        Path dir = projectDir.resolve(spec.path()).normalize();
        if (!Files.isDirectory(dir)) {
            throw new RenderException(where + ": " + show.apply(dir) + " is not a directory; point it at a Kustomize"
                    + " directory (with kustomization.yaml) or a chart (with Chart.yaml)");
        }
        RenderSpec.Kind found;
        try {
            found = RenderSpec.detect(dir);
        } catch (IllegalArgumentException e) {
            throw new RenderException(where + ": " + e.getMessage(), e);
        }
        if (found != spec.kind()) {
            throw new RenderException(where + ": " + show.apply(dir) + (found == null ? " holds neither a kustomization"
                    + " file nor a Chart.yaml" : " is a " + found.text() + ", not a " + spec.kind().text()));
        }
        return spec.kind() == RenderSpec.Kind.KUSTOMIZE ? kustomize(spec, dir, projectDir, workDir, output, show)
                : helm(spec, dir, projectDir, workDir, output, show);
    }

    private RenderedEnvironment kustomize(RenderSpec spec, Path dir, Path projectDir, Path workDir, Path output,
                                          Function<Path, String> show) throws RenderException {
        String where = "render " + spec.name();
        if (!spec.valuesFiles().isEmpty() || !spec.set().isEmpty() || spec.releaseName() != null
                || spec.namespace() != null) {
            throw new RenderException(where + ": valuesFiles, set, releaseName and namespace are settings of a Helm"
                    + " chart; " + show.apply(dir) + " is a Kustomize directory (set its namespace in kustomization.yaml)");
        }
        // remote and outside entries are refused first, whether or not a Kustomize is installed
        KustomizationTree tree = KustomizationTree.walk(dir, options.projectRoot(), options.yaml().get(), show);
        KustomizeCommand command = KustomizeCommand.resolve(options.kustomize(), options.env());
        String digest = digest(spec, command.identity(), tree.inputs(), projectDir);
        RenderRecord previous = RenderRecord.read(workDir);
        if (previous.reusable(digest, output)) {
            return new RenderedEnvironment(spec, output, command.describe(), digest, true, previous.notes());
        }
        String text = new KustomizeRenderer(command, options.timeout(), options.yaml())
                .render(tree, spec.loadRestrictor(), workDir, show);
        return write(spec, output, workDir, command.describe(), digest, show.apply(dir), text, List.of());
    }

    private RenderedEnvironment helm(RenderSpec spec, Path dir, Path projectDir, Path workDir, Path output,
                                     Function<Path, String> show) throws RenderException {
        String where = "render " + spec.name();
        if (spec.loadRestrictor() != null) {
            throw new RenderException(where + ": loadRestrictor is a Kustomize setting; " + show.apply(dir)
                    + " is a Helm chart");
        }
        List<Path> values = new ArrayList<>();
        for (String v : spec.valuesFiles()) {
            Path file = projectDir.resolve(v).normalize();
            if (!Files.isRegularFile(file)) {
                throw new RenderException(where + ": the values file " + show.apply(file) + " does not exist");
            }
            if (!real(file).startsWith(real(options.projectRoot()))) {
                throw new RenderException(where + ": the values file " + show.apply(file) + " lies outside the"
                        + " project's root (" + options.projectRoot() + ")");
            }
            if (file.toString().contains(",")) {
                throw new RenderException(where + ": the values file path " + show.apply(file) + " has a comma, which"
                        + " Helm's engine takes for a separator; rename it");
            }
            values.add(file);
        }
        Map<String, String> set = HelmSetValues.parse(spec.set(), where);
        String release = spec.releaseName() != null ? spec.releaseName() : dir.getFileName().toString();
        String namespace = spec.namespace() != null ? spec.namespace() : options.defaultNamespace();
        HelmChart chart = HelmChart.read(dir, options.projectRoot(), options.yaml().get(), options.policyKinds(), show);
        List<Path> inputs = new ArrayList<>(chart.files());
        inputs.addAll(values);
        String tool = "Helm (helm-java " + helmJavaVersion() + ")";
        String digest = digest(spec, tool + " release=" + release + " namespace=" + namespace, inputs, projectDir);
        RenderRecord previous = RenderRecord.read(workDir);
        if (previous.reusable(digest, output)) {
            return new RenderedEnvironment(spec, output, tool, digest, true, previous.notes());
        }
        String text = new HelmRenderer(options.timeout()).render(chart, release, namespace, values, set, show);
        List<String> notes = chart.hooks().isEmpty() ? List.of() : List.of("Helm hooks are not rendered and not"
                + " analysed (they make no policy or Namespace): " + String.join("; ", chart.hooks()));
        return write(spec, output, workDir, tool, digest, show.apply(dir), text, notes);
    }

    private static RenderedEnvironment write(RenderSpec spec, Path output, Path workDir, String tool, String digest,
                                             String source, String text, List<String> notes) throws RenderException {
        String content = "# environment " + spec.name() + ": " + source + " rendered by " + tool
                + " (netpol); each object is preceded by where it comes from\n" + text;
        try {
            Files.createDirectories(output.getParent());
            Files.writeString(output, content, StandardCharsets.UTF_8);
            new RenderRecord(digest, sha256(content.getBytes(StandardCharsets.UTF_8)), notes).write(workDir);
        } catch (IOException e) {
            throw new RenderException("cannot write " + output + ": " + e.getMessage(), e);
        }
        return new RenderedEnvironment(spec, output, tool, digest, false, notes);
    }

    /** The version of helm-java on the class path, read without loading any of its classes. */
    static String helmJavaVersion() {
        try (var in = Renderer.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/com.marcnuri.helm-java/helm-java/pom.properties")) {
            if (in != null) {
                java.util.Properties p = new java.util.Properties();
                p.load(in);
                return p.getProperty("version", "unknown");
            }
        } catch (IOException e) {
            // only a label
        }
        return "unknown";
    }

    /** SHA-256 of the settings, the tool and every input file (its path in the project and its bytes). */
    static String digest(RenderSpec spec, String tool, Collection<Path> inputs, Path projectDir) throws RenderException {
        MessageDigest sha = sha();
        part(sha, spec.kind() + "|" + spec.path() + "|" + spec.valuesFiles() + "|" + spec.set() + "|" + spec.releaseName()
                + "|" + spec.namespace() + "|" + spec.loadRestrictor());
        part(sha, tool);
        for (Path file : inputs.stream().sorted().toList()) {
            part(sha, projectDir.relativize(file).toString().replace('\\', '/'));
            try {
                byte[] bytes = Files.readAllBytes(file);
                sha.update(ByteBuffer.allocate(Long.BYTES).putLong(bytes.length).array());
                sha.update(bytes);
            } catch (IOException e) {
                throw new RenderException("cannot read " + file + ": " + e.getMessage(), e);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    static String sha256(byte[] bytes) {
        MessageDigest sha = sha();
        sha.update(bytes);
        return HexFormat.of().formatHex(sha.digest());
    }

    private static void part(MessageDigest sha, String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        sha.update(ByteBuffer.allocate(Integer.BYTES).putInt(b.length).array());
        sha.update(b);
    }

    private static MessageDigest sha() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static Path real(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }
}
