package io.github.netpol.maven;

import io.github.netpol.baseline.Baseline;
import io.github.netpol.load.IoReason;
import io.github.netpol.baseline.GitBaselineReader;
import io.github.netpol.baseline.RenderedFiles;
import io.github.netpol.load.SourceEnvironment;
import io.github.netpol.render.RenderSpec;
import io.github.netpol.load.SourceFile;
import io.github.netpol.baseline.BaselineCache;
import io.github.netpol.baseline.BaselineOutcome;
import io.github.netpol.baseline.BaselineSpec;
import io.github.netpol.gate.AcceptedChanges;
import io.github.netpol.gate.AcceptedChangesReader;
import io.github.netpol.gate.CheckRequest;
import io.github.netpol.gate.FailPolicy;
import io.github.netpol.load.SourceCollector;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Parameter;
import org.eclipse.aether.RepositorySystem;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Parameters and preparation shared by the goals that compare with a baseline: {@code check} and {@code report}. */
public abstract class AbstractCompareMojo extends AbstractAnalysisMojo {

    /**
     * What to compare with: {@code auto}, {@code release}, {@code release:<version>}, {@code git:<ref>},
     * {@code git:tag}, {@code dir:<path>} or {@code none}.
     */
    @Parameter(property = "netpol.baseline", defaultValue = "auto")
    private String baseline;

    /**
     * {@code true}: fail when there is nothing to compare with (a first release) instead of warning. A string
     * so that a word other than {@code true} or {@code false} is refused rather than read as {@code false}.
     */
    @Parameter(property = "netpol.failIfNoBaseline", defaultValue = "false")
    private String failIfNoBaseline;

    /**
     * The accepted-changes file; kept outside the sources so it is never read as a manifest. The default file may
     * be absent (nothing accepted); a file configured elsewhere must exist.
     */
    @Parameter(property = "netpol.accepted", defaultValue = "${project.basedir}/" + DEFAULT_ACCEPTED)
    private File accepted;

    static final String DEFAULT_ACCEPTED = "netpol-accepted.yaml";

    /** What fails the check: {@code widening}, {@code isolation}, or {@code none} to report only. */
    @Parameter(property = "netpol.failOn", defaultValue = "widening,isolation")
    private List<String> failOn;

    private final RepositorySystem repositorySystem;

    protected AbstractCompareMojo(RepositorySystem repositorySystem) {
        this.repositorySystem = repositorySystem;
    }

    /** Every parameter of the goal, parsed: what it works from and what the digest of its inputs is made from. */
    protected CompareSettings settings() throws MojoExecutionException {
        CompareSettings settings = new CompareSettings(commonSettings(),
                Parameters.parse("netpol.baseline", baseline, BaselineSpec::parse),
                Parameters.bool("netpol.failIfNoBaseline", failIfNoBaseline), acceptedPath(),
                Parameters.parse("netpol.failOn", failOn, FailPolicy::parse), analysisOptions());
        requireConfiguredAcceptedFile(settings.accepted());
        return settings;
    }

    /** Collects (and renders) the current sources, obtains the baseline and reads the accepted changes. */
    protected CheckRequest checkRequest(CompareSettings settings) throws MojoExecutionException {
        return checkRequest(settings, acceptedText());
    }

    /** The same, with the accepted-changes file's text already read ({@link #acceptedText()}). */
    protected CheckRequest checkRequest(CompareSettings settings, String acceptedText) throws MojoExecutionException {
        Path base = baseDirectory();
        CommonSettings common = settings.common();
        List<SourceEnvironment> environments = environments(common);
        for (SourceEnvironment env : environments) {
            for (Path missing : env.sources().missing()) {
                getLog().warn("netpol: source " + missing + " does not exist");
            }
        }
        List<Path> plain = common.render().plan().plain();
        SourceCollector collector = sourceCollector();
        List<RenderSpec> renders = common.render().plan().renders();
        BaselineEnvironments baselineEnvironments = renders.isEmpty() ? null : new BaselineEnvironments(renders, base,
                common.outputDirectory(), root -> renderer(common, root));
        BaselineOutcome outcome = new BaselineObtainer(repositorySystem, session, project).obtain(settings.baseline(), base,
                plain, collector, common.outputDirectory().resolve(GitBaselineReader.CACHE_DIRECTORY),
                baselineEnvironments, new BaselineCache(common.outputDirectory().resolve(BaselineCache.DIRECTORY),
                        pluginIdentity()));
        if (outcome instanceof BaselineOutcome.Found found) {
            Baseline b = found.baseline();
            refuseGitBaselineOfGeneratedSources(b, plain);
            List<String> parts = new ArrayList<>();
            if (b.environments().isEmpty() || !b.files().isEmpty()) {
                parts.add(b.files().size() + (b.files().size() == 1 ? " file" : " files")
                        + (b.cached() != null ? ", parsed by an earlier build and kept" : ""));
            }
            if (!b.environments().isEmpty()) {
                parts.add("environment" + (b.environments().size() == 1 ? " " : "s ")
                        + String.join(", ", b.environments().stream().map(RenderedFiles::name).toList()));
            }
            getLog().info("netpol: comparing with " + b.description() + " (" + String.join(", ", parts) + ")");
        }
        return new CheckRequest(environments, outcome, readAccepted(base, acceptedText), settings.failOn(), settings.failIfNoBaseline(),
                settings.analysis(), common.defaultNamespace(), LocalDate.now(), acceptedFile(), Map.of(), common.channel(),
                parseStore());
    }

    /**
     * Git does not hold what the build generates into its build directory (JKube, Quarkus), so the tree at a ref
     * has nothing there: compared with nothing, every policy would look like a narrowing and pass.
     */
    private void refuseGitBaselineOfGeneratedSources(Baseline baseline, List<Path> plain) throws MojoExecutionException {
        if (!baseline.spec().startsWith("git:")) {
            return;
        }
        for (Path source : plain) {
            if (inBuildDirectory(source)) {
                throw new MojoExecutionException("netpol: the baseline " + baseline.description() + " is read from git, but"
                        + " the source " + source + " is generated into the build directory, which git does not hold, so"
                        + " there would be nothing to compare with. Compare with the release's bundle, which holds"
                        + " what was generated: netpol.baseline=release (deploy the bundle goal's attachment).");
            }
        }
    }

    /**
     * The digest of everything a comparison depends on: the parameters, the current files, the
     * baseline and its files, the accepted changes, and the day (accepted changes expire).
     */
    protected String digest(String goal, CompareSettings settings, CheckRequest request) throws MojoExecutionException {
        BaselineOutcome outcome = request.baseline();
        List<SourceFile> both = new ArrayList<>(request.current());
        if (outcome instanceof BaselineOutcome.Found f) {
            both.addAll(f.baseline().allFiles());
        }
        SourceFile.hashOnce(both);
        return inputDigest(goal, settings).files("sources", request.current())
                .text("sourceProblems", request.sourceProblems().toString())
                .text("baseline", outcome instanceof BaselineOutcome.Found f
                        ? f.baseline().spec() + " " + f.baseline().description() : outcome.toString())
                .files("baselineFiles", outcome instanceof BaselineOutcome.Found f ? f.baseline().allFiles() : List.of())
                .files("accepted", acceptedFileContent()).text("today", request.today().toString()).hex();
    }

    /**
     * A configured file that is not there would accept nothing without a word, so it is an error; only the default
     * file may be absent. "Configured" is told by the path, so the POM and {@code -Dnetpol.accepted} are alike.
     */
    private void requireConfiguredAcceptedFile(Path file) throws MojoExecutionException {
        if (!file.equals(baseDirectory().resolve(DEFAULT_ACCEPTED)) && !Files.isRegularFile(file)) {
            throw new MojoExecutionException("netpol: netpol.accepted: '" + file + "' " + (Files.exists(file)
                    ? "is not a file" : "does not exist") + "; use an existing accepted-changes file (accepted: [...]),"
                    + " or leave netpol.accepted unset for " + DEFAULT_ACCEPTED + " next to the pom, which may be absent");
        }
    }

    private Path acceptedPath() {
        return accepted == null ? baseDirectory().resolve(DEFAULT_ACCEPTED) : accepted.toPath().toAbsolutePath().normalize();
    }

    private List<SourceFile> acceptedFileContent() throws MojoExecutionException {
        Path file = acceptedPath();
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            return List.of(new SourceFile(acceptedFile(), Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new MojoExecutionException("netpol: cannot read " + file + ": " + IoReason.of(e), e);
        }
    }

    /** The accepted-changes file as findings and messages name it. */
    protected String acceptedFile() {
        return display(baseDirectory(), acceptedPath());
    }

    private AcceptedChanges readAccepted(Path base, String text) {
        return text == null ? AcceptedChanges.none() : new AcceptedChangesReader().read(display(base, acceptedPath()), text);
    }

    /** The accepted-changes file's text, or null when there is none. */
    protected String acceptedText() throws MojoExecutionException {
        Path file = acceptedPath();
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new MojoExecutionException("netpol: cannot read " + file + ": " + IoReason.of(e), e);
        }
    }

    private static String display(Path base, Path file) {
        Path abs = file.toAbsolutePath().normalize();
        return abs.startsWith(base) ? base.relativize(abs).toString().replace('\\', '/') : abs.toString();
    }
}
