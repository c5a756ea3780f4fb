package io.github.netpol.load;

import io.github.netpol.finding.Finding;
import io.github.netpol.render.RenderedEnvironment;
import io.github.netpol.render.RenderedOrigins;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The sources of one environment: the plain manifests of the build, or one rendered Kustomize directory or chart.
 * Each is validated, analysed and gated on its own.
 *
 * @param name     the environment's name, or {@code null} for the plain manifests
 * @param sources  its files (for a rendered one, the rendered file)
 * @param rendered how it was rendered, or {@code null} for the plain manifests
 */
public record SourceEnvironment(String name, CollectedSources sources, RenderedEnvironment rendered) {

    /** The plain manifests of a build. */
    public static SourceEnvironment plain(CollectedSources sources) {
        return new SourceEnvironment(null, sources, null);
    }

    public List<SourceFile> files() {
        return sources.files();
    }

    /** The key of the environment in maps: its name, or {@code ""} for the plain manifests. */
    public String key() {
        return key(name);
    }

    public static String key(String name) {
        return name == null ? "" : name;
    }

    /** How messages name it: {@code environment prod}, or {@code the plain sources}. */
    public static String describe(String name) {
        return name == null ? "the plain sources" : "environment " + name;
    }

    /** A goal's unit (a file, {@code namespace/direction}, an assertion) in an environment: {@code prod: shop/ingress}. */
    public static String unit(String name, String unit) {
        return name == null ? unit : name + ": " + unit;
    }

    /** What a goal's summary adds: {@code " (environments prod, staging)"}, or nothing for plain manifests only. */
    public static String summaryText(List<SourceEnvironment> environments) {
        List<String> names = environments.stream().map(SourceEnvironment::name).filter(Objects::nonNull).toList();
        if (names.isEmpty()) {
            return "";
        }
        boolean plain = environments.stream().anyMatch(e -> e.name() == null);
        return " (environment" + (names.size() == 1 ? " " : "s ") + String.join(", ", names)
                + (plain ? " and the plain sources" : "") + ")";
    }

    /** Findings of this environment, named with it and with where their objects come from. */
    public List<Finding> annotate(List<Finding> findings) {
        return annotate(name, findings, () -> origins(files()));
    }

    /**
     * Marks findings of an environment: the environment is set, and the message begins with {@code [prod]} and, for
     * a finding at a rendered object, the source the render's comments name ({@code from base/np.yaml:9, patched
     * by ...}). The plain manifests' findings are left as they are, and their files are not read for comments.
     */
    public static List<Finding> annotate(String name, List<Finding> findings, Supplier<RenderedOrigins> originsOf) {
        if (name == null) {
            return findings;
        }
        RenderedOrigins origins = originsOf.get();
        return findings.stream().map(f -> {
            String origin = f.location() == null ? null
                    : origins.at(f.location().file(), f.location().line()).orElse(null);
            return f.inEnvironment(name).prefixed("[" + name + "] " + (origin == null ? "" : origin + ": "));
        }).toList();
    }

    /** The origins the comments of rendered files carry. */
    public static RenderedOrigins origins(Collection<SourceFile> files) {
        RenderedOrigins origins = new RenderedOrigins();
        files.forEach(f -> origins.add(f.path(), new String(f.content(), StandardCharsets.UTF_8)));
        return origins;
    }
}
