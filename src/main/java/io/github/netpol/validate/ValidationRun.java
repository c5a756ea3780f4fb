package io.github.netpol.validate;

import io.github.netpol.finding.Finding;
import io.github.netpol.finding.FindingCode;
import io.github.netpol.finding.SourcePosition;
import io.github.netpol.load.CollectedSources;
import io.github.netpol.load.ManifestLoader;
import io.github.netpol.load.ParseStore;
import io.github.netpol.load.ParsedFiles;
import io.github.netpol.load.SourceCollector;
import io.github.netpol.model.ManifestReader;
import io.github.netpol.model.ManifestSet;
import io.github.netpol.model.KubernetesObjects;
import io.github.netpol.render.RenderSpec;
import io.github.netpol.validate.apiserver.ApiServerValidator;
import io.github.netpol.validate.apiserver.CrdChannel;
import io.github.netpol.validate.lint.engine.LintEngine;
import io.github.netpol.validate.lint.LintSettings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What the {@code validate} goal does, without Maven: collect the manifest files, read them, apply the
 * API server's validation and the lint rules. One place, so the goal and the corpus test run the same code.
 *
 * @param sources  the files found (and the missing sources and refused files)
 * @param set      the manifests read from them
 * @param findings every finding (collection problems, read problems, API-server errors, lint), ordered by
 *                 file, line, column and rule id
 * @param blockingErrors the read problems and API-server errors alone (see {@link BlockingErrors})
 */
public record ValidationRun(CollectedSources sources, ManifestSet set, List<Finding> findings,
                            List<Finding> blockingErrors) {

    private static final Comparator<Finding> BY_POSITION =
            Comparator.comparing((Finding f) -> f.location() == null ? "" : f.location().file())
                    .thenComparingInt(f -> f.location() == null ? 0 : f.location().line())
                    .thenComparingInt(f -> f.location() == null ? 0 : f.location().column())
                    .thenComparing(Finding::id);

    public ValidationRun {
        findings = List.copyOf(findings);
        blockingErrors = List.copyOf(blockingErrors);
    }

    /** The manifests as read, for a later goal of the same build that analyses them. */
    public ReadVersion readVersion() {
        return new ReadVersion(set, blockingErrors);
    }

    /**
     * Validates and lints every manifest under {@code paths} (relative to {@code baseDir}).
     *
     * @throws IllegalArgumentException when the lint settings name an unknown rule
     */
    public static ValidationRun of(Path baseDir, List<Path> paths, String defaultNamespace, LintSettings settings) {
        return of(new SourceCollector().scan(baseDir, paths), defaultNamespace, settings);
    }

    /** The same, for a channel of the Network Policy API CRDs. */
    public static ValidationRun of(Path baseDir, List<Path> paths, String defaultNamespace, LintSettings settings,
                                   CrdChannel channel) {
        return of(new SourceCollector().scan(baseDir, paths), defaultNamespace, settings, channel);
    }

    /**
     * A kustomization or a Chart.yaml read as a plain manifest: the directory it belongs to was meant to be rendered.
     */
    static Optional<Finding> unrendered(String path) {
        int slash = path.lastIndexOf('/');
        String name = path.substring(slash + 1);
        if (!RenderSpec.isRenderingInput(name)) {
            return Optional.empty();
        }
        String dir = slash < 0 ? "." : path.substring(0, slash);
        boolean chart = name.equals("Chart.yaml");
        String message = (chart ? dir + " is a Helm chart" : dir + " is a Kustomize directory") + " among the plain"
                + " sources, so its files are read one by one as they are, not as " + (chart ? "Helm renders them"
                + " (its templates cannot be read)" : "Kustomize renders them (its patches are read as standalone"
                + " objects, its namespace and name prefix are not applied)") + ": what is checked is not what is"
                + " deployed. Render it: add " + dir + " to netpol.sources, or to <renders> as <render><path>" + dir
                + "</path>" + (chart ? "<valuesFiles>...</valuesFiles>" : "") + "</render>.";
        return Optional.of(Finding.of(FindingCode.UNRENDERED_SOURCE, message).at(SourcePosition.ofFile(path)));
    }

    /** Validates and lints sources already collected (e.g. after deciding from their digest that work is due). */
    public static ValidationRun of(CollectedSources collected, String defaultNamespace, LintSettings settings) {
        return of(collected, defaultNamespace, settings, CrdChannel.STANDARD);
    }

    /** @param channel the channel of the Network Policy API CRDs the cluster runs */
    public static ValidationRun of(CollectedSources collected, String defaultNamespace, LintSettings settings,
                                   CrdChannel channel) {
        return of(collected, defaultNamespace, settings, channel, null);
    }

    /** @param parseStore where parsed files are kept between builds, or null */
    public static ValidationRun of(CollectedSources collected, String defaultNamespace, LintSettings settings,
                                   CrdChannel channel, ParseStore parseStore) {
        KubernetesObjects objects = new KubernetesObjects();
        ManifestSet set = new ManifestReader(objects).read(
                new ManifestLoader(new ParsedFiles(parseStore)).load(collected.files()), defaultNamespace);
        List<Finding> apiServer = new ApiServerValidator(objects, channel).validate(set);
        List<Finding> findings = new ArrayList<>(collected.problems());
        collected.files().forEach(f -> unrendered(f.path()).ifPresent(findings::add));
        findings.addAll(set.problems());
        findings.addAll(apiServer);
        findings.addAll(new LintEngine().run(set, settings));
        findings.sort(BY_POSITION);
        return new ValidationRun(collected, set, findings, BlockingErrors.of(set.problems(), apiServer));
    }
}
