package io.github.netpol.render;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A local chart directory as the build reads it before Helm runs: its name, every file it consists of (their
 * digest decides whether a render can be reused), its dependencies (which must already be in {@code charts/}:
 * the build never downloads one) and its hooks. Helm's template rendering leaves out templates annotated
 * {@code helm.sh/hook}, although {@code helm install} creates them; a hook that makes a policy or a Namespace
 * would be missed by the gate, so such a chart is refused, and other hooks are only reported.
 */
final class HelmChart {

    private static final Pattern KIND = Pattern.compile("(?m)^\\s*kind:\\s*[\"']?([^\"'\\s#]+)");
    static final String HOOK = "helm.sh/hook";

    private final Path dir;
    private final String name;
    private final Set<Path> files;
    private final List<String> hooks;

    private HelmChart(Path dir, String name, Set<Path> files, List<String> hooks) {
        this.dir = dir;
        this.name = name;
        this.files = files;
        this.hooks = hooks;
    }

    Path dir() {
        return dir;
    }

    /** The name in {@code Chart.yaml}, which Helm's {@code # Source:} lines begin with. */
    String name() {
        return name;
    }

    /** Every file of the chart, sorted. */
    Set<Path> files() {
        return files;
    }

    /** The hook templates left out of the render, as messages name them. */
    List<String> hooks() {
        return hooks;
    }

    /**
     * @param policyKinds kinds whose objects bear on what the policies allow: a hook making one is refused
     * @throws RenderException when the chart is malformed, reaches outside the project, lacks a dependency or has
     *                         a hook that makes a policy or a Namespace
     */
    static HelmChart read(Path dir, Path projectRoot, LoaderOptions options, Set<String> policyKinds,
                          Function<Path, String> show) throws RenderException {
        Path chartFile = dir.resolve("Chart.yaml");
        if (!Files.isRegularFile(chartFile)) {
            throw new RenderException(show.apply(dir) + " holds no Chart.yaml, so it is not a Helm chart");
        }
        Map<?, ?> chart = map(chartFile, options, show);
        if (!(chart.get("name") instanceof String name) || name.isBlank()) {
            throw new RenderException(show.apply(chartFile) + " has no name");
        }
        Set<Path> files = new TreeSet<>();
        Path realRoot = real(projectRoot);
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (Files.isSymbolicLink(p) && !real(p).startsWith(realRoot)) {
                    throw new RenderException(show.apply(p) + " is a symbolic link that resolves outside the project's"
                            + " root (" + realRoot + "); it is not read. Keep the chart's files inside the project");
                }
                if (Files.isRegularFile(p)) {
                    files.add(p.toAbsolutePath().normalize());
                }
            }
        } catch (IOException e) {
            throw new RenderException("cannot read the chart " + show.apply(dir) + ": " + e.getMessage(), e);
        }
        dependencies(dir, chart, show);
        List<String> hooks = new ArrayList<>();
        hooks(dir, policyKinds, show, hooks);
        return new HelmChart(dir, name, files, List.copyOf(hooks));
    }

    /** Every dependency of {@code Chart.yaml} must be in {@code charts/}, unpacked or packaged. */
    private static void dependencies(Path dir, Map<?, ?> chart, Function<Path, String> show) throws RenderException {
        if (!(chart.get("dependencies") instanceof List<?> deps)) {
            return;
        }
        Path charts = dir.resolve("charts");
        for (Object d : deps) {
            if (!(d instanceof Map<?, ?> dep) || !(dep.get("name") instanceof String depName)) {
                continue;
            }
            if (!present(charts, depName)) {
                throw new RenderException(show.apply(dir) + ": the dependency '" + depName + "'"
                        + (dep.get("repository") instanceof String r ? " (" + r + ")" : "") + " is not in "
                        + show.apply(charts) + ", and the build never downloads charts: run 'helm dependency build "
                        + show.apply(dir) + "' once and commit " + show.apply(charts));
            }
        }
    }

    private static boolean present(Path charts, String depName) throws RenderException {
        if (!Files.isDirectory(charts)) {
            return false;
        }
        try (Stream<Path> list = Files.list(charts)) {
            return list.anyMatch(p -> {
                String file = p.getFileName().toString();
                return Files.isDirectory(p) ? file.equals(depName) || nameOf(p.resolve("Chart.yaml")).equals(depName)
                        : file.startsWith(depName + "-") && file.endsWith(".tgz");
            });
        } catch (IOException e) {
            return false;
        }
    }

    private static String nameOf(Path chartFile) {
        try {
            Matcher m = Pattern.compile("(?m)^name:\\s*[\"']?([^\"'\\s#]+)").matcher(Files.readString(chartFile));
            return m.find() ? m.group(1) : "";
        } catch (IOException e) {
            return "";
        }
    }

    /** The templates of the chart and of its subcharts, unpacked or packaged, checked for hooks. */
    private static void hooks(Path dir, Set<String> policyKinds, Function<Path, String> show, List<String> out)
            throws RenderException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                String rel = dir.relativize(p).toString().replace('\\', '/');
                if (Files.isRegularFile(p) && isTemplate(rel)) {
                    hook(show.apply(p), Files.readString(p, StandardCharsets.UTF_8), policyKinds, out);
                } else if (Files.isRegularFile(p) && rel.startsWith("charts/") && rel.endsWith(".tgz")) {
                    for (var entry : TarGzEntries.read(p).entrySet()) {
                        if (isTemplate(entry.getKey())) {
                            hook(show.apply(p) + "!" + entry.getKey(), new String(entry.getValue(), StandardCharsets.UTF_8),
                                    policyKinds, out);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new RenderException("cannot read the chart " + show.apply(dir) + ": " + e.getMessage(), e);
        }
    }

    /** A file under a {@code templates/} directory of the chart or of a subchart. */
    private static boolean isTemplate(String relative) {
        return relative.startsWith("templates/") || relative.contains("/templates/");
    }

    private static void hook(String shown, String text, Set<String> policyKinds, List<String> out) throws RenderException {
        if (!text.contains(HOOK)) {
            return;
        }
        Matcher m = KIND.matcher(text);
        List<String> kinds = new ArrayList<>();
        while (m.find()) {
            kinds.add(m.group(1));
        }
        for (String kind : kinds) {
            if (kind.contains("{{") || policyKinds.contains(kind)) {
                throw new RenderException(shown + " is a Helm hook (" + HOOK + ") that makes "
                        + (kind.contains("{{") ? "an object of a templated kind" : "a " + kind) + ": helm install creates"
                        + " it, but Helm's template rendering leaves hooks out, so the gate could not see it. Make it a"
                        + " regular template (remove the " + HOOK + " annotation), or keep it out of the chart");
            }
        }
        out.add(shown + (kinds.isEmpty() ? "" : " (" + String.join(", ", kinds) + ")"));
    }

    private static Map<?, ?> map(Path file, LoaderOptions options, Function<Path, String> show) throws RenderException {
        try {
            Object loaded = new Yaml(new SafeConstructor(options)).load(Files.readString(file, StandardCharsets.UTF_8));
            if (loaded instanceof Map<?, ?> m) {
                return m;
            }
            throw new RenderException(show.apply(file) + " is not a YAML map");
        } catch (IOException e) {
            throw new RenderException("cannot read " + show.apply(file) + ": " + e.getMessage(), e);
        } catch (YAMLException e) {
            throw new RenderException(show.apply(file) + " is not valid YAML: " + e.getMessage().lines().findFirst()
                    .orElse(""), e);
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
