package io.github.netpol.maven;

import io.github.netpol.baseline.BaselineException;
import io.github.netpol.baseline.EnvironmentRenderer;
import io.github.netpol.baseline.RenderedFiles;
import io.github.netpol.load.SourceCollector;
import io.github.netpol.load.SourceEnvironment;
import io.github.netpol.load.SourceEnvironments;
import io.github.netpol.render.RenderException;
import io.github.netpol.render.RenderSpec;
import io.github.netpol.render.Renderer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Renders the build's environments from a baseline's copy of the project (a git checkout, a {@code dir:} baseline)
 * with the same settings as the current ones, into {@code <output>/baseline/<label>/rendered/<name>/}.
 */
final class BaselineEnvironments implements EnvironmentRenderer {

    private final List<RenderSpec> renders;
    private final Path baseDir;
    private final Path outputDirectory;
    private final Function<Path, Renderer> renderers;

    /** @param renderers a renderer whose inputs must lie inside the given root */
    BaselineEnvironments(List<RenderSpec> renders, Path baseDir, Path outputDirectory, Function<Path, Renderer> renderers) {
        this.renders = List.copyOf(renders);
        this.baseDir = baseDir;
        this.outputDirectory = outputDirectory;
        this.renderers = renderers;
    }

    @Override
    public List<RenderedFiles> render(Path projectDir, Path root, String label) throws BaselineException {
        SourceEnvironments reader = reader(root, label);
        List<RenderedFiles> out = new ArrayList<>();
        for (RenderSpec spec : renders) {
            if (!Files.isDirectory(projectDir.resolve(spec.path()))) {
                continue; // the environment is newer than the baseline
            }
            out.add(render(reader, spec, projectDir, label));
        }
        return out;
    }

    @Override
    public RenderedFiles renderAsTheEnvironment(Path dir, String label) throws BaselineException {
        if (renders.size() != 1) {
            throw new BaselineException("dir:" + SourceEnvironments.relative(baseDir, dir) + " is itself a Kustomize"
                    + " directory or a chart, but the build renders " + renders.size() + " environments; point the"
                    + " baseline at a copy of the project instead (the environments at the same places in it)");
        }
        RenderSpec spec = renders.get(0);
        Path current = baseDir.resolve(spec.path()).normalize();
        List<String> values = new ArrayList<>();
        for (String v : spec.valuesFiles()) {
            Path file = baseDir.resolve(v).normalize();
            if (!file.startsWith(current)) {
                throw new BaselineException("dir:" + SourceEnvironments.relative(baseDir, dir) + " stands for the chart "
                        + spec.path() + ", but its values file " + v + " lies outside the chart; point the baseline at a"
                        + " copy of the project instead (the chart and its values files at the same places in it)");
            }
            values.add(current.relativize(file).toString().replace('\\', '/'));
        }
        RenderSpec here = new RenderSpec(spec.name(), spec.kind(), ".", values, spec.set(), spec.releaseName() != null
                ? spec.releaseName() : current.getFileName().toString(), spec.namespace(), spec.loadRestrictor());
        return render(reader(dir, label), here, dir, label);
    }

    private SourceEnvironments reader(Path root, String label) {
        return new SourceEnvironments(new SourceCollector(root), renderers.apply(root), baseDir,
                outputDirectory.resolve("baseline").resolve(label));
    }

    private static RenderedFiles render(SourceEnvironments reader, RenderSpec spec, Path projectDir, String label)
            throws BaselineException {
        try {
            SourceEnvironment env = reader.render(spec, projectDir);
            return new RenderedFiles(spec.name(), spec.path(), env.rendered().tool(), env.rendered().inputsDigest(),
                    env.files());
        } catch (RenderException e) {
            throw new BaselineException("cannot render environment " + spec.name() + " of the baseline (" + label + "): "
                    + e.getMessage(), e);
        }
    }
}
