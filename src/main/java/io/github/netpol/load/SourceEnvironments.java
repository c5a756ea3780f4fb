package io.github.netpol.load;

import io.github.netpol.render.RenderException;
import io.github.netpol.render.RenderSpec;
import io.github.netpol.render.RenderedEnvironment;
import io.github.netpol.render.Renderer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The environments of a build: the plain manifests of {@code netpol.sources} (read as they are), and every
 * Kustomize directory and chart, those of {@code <renders>} and the sources that are one, each rendered into
 * {@code <output>/rendered/<name>/manifests.yaml}.
 */
public final class SourceEnvironments {

    /** {@code netpol.sources} when it is not set; a build that only renders need not have it. */
    public static final Path DEFAULT_SOURCES = Path.of("src/main/kubernetes");

    /**
     * What a build reads.
     *
     * @param plain   the sources read as they are
     * @param renders the environments rendered: {@code <renders>}, then the sources that are Kustomize
     *                directories or charts (named after their directory)
     */
    public record Plan(List<Path> plain, List<RenderSpec> renders) {

        public Plan {
            plain = List.copyOf(plain);
            renders = List.copyOf(renders);
        }

        /** A build of plain manifests only: everything is as it was before rendering existed. */
        public static Plan plainOnly(List<Path> sources) {
            return new Plan(sources, List.of());
        }
    }

    private final SourceCollector collector;
    private final Renderer renderer;
    private final Path baseDir;
    private final Path outputDir;

    /**
     * @param outputDir where rendered files ({@code rendered/<name>/}) and the renders' work ({@code render/<name>/})
     *                  go: the goal's output directory, or a baseline's directory inside it
     */
    public SourceEnvironments(SourceCollector collector, Renderer renderer, Path baseDir, Path outputDir) {
        this.collector = collector;
        this.renderer = renderer;
        this.baseDir = baseDir.toAbsolutePath().normalize();
        this.outputDir = outputDir.toAbsolutePath().normalize();
    }

    /**
     * Splits the sources into plain ones and renders, and names every render.
     *
     * @param configured the {@code <renders>} of the POM, named
     * @throws IllegalArgumentException for a bad or repeated name, or a directory that is both a chart and a
     *                                  kustomization
     */
    public static Plan plan(Path baseDir, List<Path> sources, List<RenderSpec> configured) {
        List<RenderSpec> renders = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Set<String> paths = new HashSet<>();
        for (RenderSpec r : configured) {
            String problem = RenderSpec.nameProblem(r.name());
            if (problem != null) {
                throw new IllegalArgumentException(problem);
            }
            if (!names.add(r.name())) {
                throw new IllegalArgumentException("two renders are named '" + r.name() + "'; each environment needs a"
                        + " name of its own");
            }
            paths.add(normal(r.path()));
            renders.add(r);
        }
        List<Path> plain = new ArrayList<>();
        for (Path source : sources) {
            RenderSpec.Kind kind = RenderSpec.detect(baseDir.resolve(source).normalize());
            if (kind == null) {
                plain.add(source);
                continue;
            }
            String path = normal(source.toString());
            if (!paths.add(path)) {
                continue; // also in <renders>, with its settings
            }
            String name = RenderSpec.nameFor(path);
            if (!names.add(name)) {
                name = RenderSpec.nameFor(path.replace('/', '-'));
                if (!names.add(name)) {
                    throw new IllegalArgumentException("the source " + path + " would be environment '" + name + "', which"
                            + " another environment is named already; name it in <renders>");
                }
            }
            renders.add(RenderSpec.of(name, kind, path));
        }
        return new Plan(plain, renders);
    }

    /**
     * Reads the plain sources and renders every environment.
     *
     * @throws RenderException when an environment cannot be rendered: the build fails closed
     */
    public List<SourceEnvironment> read(Plan plan) throws RenderException {
        List<SourceEnvironment> out = new ArrayList<>();
        CollectedSources plain = collector.scan(baseDir, plan.plain());
        boolean onlyDefaultMissing = plain.files().isEmpty() && plain.problems().isEmpty()
                && plain.missing().stream().allMatch(DEFAULT_SOURCES::equals);
        if (plan.renders().isEmpty() || !onlyDefaultMissing) {
            out.add(SourceEnvironment.plain(plain));
        }
        for (RenderSpec spec : plan.renders()) {
            out.add(render(spec, baseDir));
        }
        return out;
    }

    /**
     * Renders one environment from a directory that holds the project: the project itself, or a checkout of it.
     */
    public SourceEnvironment render(RenderSpec spec, Path projectDir) throws RenderException {
        Path project = projectDir.toAbsolutePath().normalize();
        Function<Path, String> show = p -> relative(project, p);
        RenderedEnvironment rendered = renderer.render(spec, project, outputDir.resolve("render").resolve(spec.name()),
                outputDir.resolve("rendered").resolve(spec.name()).resolve(Renderer.OUTPUT), show);
        try {
            SourceFile file = new SourceFile(relative(baseDir, rendered.file()), Files.readAllBytes(rendered.file()));
            return new SourceEnvironment(spec.name(), new CollectedSources(List.of(file), List.of(), List.of()), rendered);
        } catch (IOException e) {
            throw new RenderException("cannot read " + rendered.file() + ": " + e.getMessage(), e);
        }
    }

    /** A path as messages show it: relative to {@code base} with forward slashes when inside it. */
    public static String relative(Path base, Path path) {
        Path p = path.toAbsolutePath().normalize();
        String shown = (p.startsWith(base) ? base.relativize(p) : p).toString().replace('\\', '/');
        return shown.isEmpty() ? "." : shown;
    }

    private static String normal(String path) {
        String p = Path.of(path).normalize().toString().replace('\\', '/');
        return p.isEmpty() ? "." : p;
    }
}
