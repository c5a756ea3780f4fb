package io.github.netpol.maven;

import io.github.netpol.analysis.AnalysisOptions;
import io.github.netpol.baseline.BaselineException;
import io.github.netpol.baseline.BaselineOutcome;
import io.github.netpol.baseline.BaselineProvider;
import io.github.netpol.baseline.BaselineSpec;
import io.github.netpol.baseline.GitBaselineReader;
import io.github.netpol.gate.AcceptedChanges;
import io.github.netpol.gate.AcceptedChangesReader;
import io.github.netpol.gate.Check;
import io.github.netpol.gate.CheckRequest;
import io.github.netpol.gate.CheckResult;
import io.github.netpol.gate.FailPolicy;
import io.github.netpol.load.CollectedSources;
import io.github.netpol.load.SourceCollector;
import io.github.netpol.load.SourceFile;
import io.github.netpol.report.ReportInput;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;

import javax.inject.Inject;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/**
 * Compares what the policies allow with the baseline (the previous release, a git ref or a directory)
 * and fails the build on widening or dropped isolation that is not accepted.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends AbstractNetpolMojo {

    static final String GOAL = "check";

    /**
     * What to compare with: {@code auto}, {@code release}, {@code release:<version>}, {@code git:<ref>},
     * {@code git:tag}, {@code dir:<path>} or {@code none}.
     */
    @Parameter(property = "netpol.baseline", defaultValue = "auto")
    private String baseline;

    /** Fail when there is no baseline at all (instead of warning, as suits a first release). */
    @Parameter(property = "netpol.failIfNoBaseline", defaultValue = "false")
    private boolean failIfNoBaseline;

    /** The accepted-changes file; kept outside the sources so it is never read as a manifest. */
    @Parameter(property = "netpol.accepted", defaultValue = "${project.basedir}/netpol-accepted.yaml")
    private File accepted;

    /** What fails the check: {@code widening}, {@code isolation}, or {@code none} to report only. */
    @Parameter(property = "netpol.failOn", defaultValue = "widening,isolation")
    private List<String> failOn;

    /**
     * {@code declared}: a Namespace manifest fixes that namespace's labels; {@code any}: every namespace may
     * carry any labels.
     */
    @Parameter(property = "netpol.namespaceLabels", defaultValue = "declared")
    private String namespaceLabels;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    private final RepositorySystem repositorySystem;

    @Inject
    public CheckMojo(RepositorySystem repositorySystem) {
        this.repositorySystem = repositorySystem;
    }

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        BaselineSpec spec;
        FailPolicy policy;
        AnalysisOptions analysis;
        try {
            spec = BaselineSpec.parse(baseline);
            policy = FailPolicy.parse(failOn);
            analysis = analysisOptions(namespaceLabels);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
        Path base = baseDirectory();
        List<Path> paths = sourcePaths();
        SourceCollector collector = new SourceCollector();
        CollectedSources collected = collector.scan(base, paths);
        for (Path missing : collected.missing()) {
            getLog().warn("netpol: source " + missing + " does not exist");
        }

        BaselineOutcome outcome = obtainBaseline(spec, base, paths, collector);
        if (outcome instanceof BaselineOutcome.Found found) {
            getLog().info("netpol: comparing with " + found.baseline().description() + " (" + found.baseline().files().size()
                    + " files)");
        }
        // accepted changes expire, so the same inputs may be judged differently tomorrow
        LocalDate today = LocalDate.now();
        String digest = inputDigest(GOAL).settings(settings()).files("sources", collected.files())
                .text("sourceProblems", collected.problems().toString())
                .text("baseline", outcome instanceof BaselineOutcome.Found f ? f.baseline().spec() + " "
                        + f.baseline().description() : outcome.toString())
                .files("baselineFiles", outcome instanceof BaselineOutcome.Found f ? f.baseline().files() : List.of())
                .files("accepted", acceptedFile(base)).text("today", today.toString()).hex();
        if (upToDate(GOAL, digest)) {
            return;
        }
        CheckResult result = new Check().run(new CheckRequest(collected.files(), collected.problems(), outcome,
                readAccepted(base), policy, failIfNoBaseline, analysis, defaultNamespace, today,
                display(base, accepted.toPath())));
        report(new ReportInput(GOAL, result.passed(), result.findings(), result.baseline(), result.summary(),
                repositoryPrefix(), result.units()));
        if (!result.passed()) {
            throw new MojoFailureException(result.summary() + ". Each finding above names the rule, an example"
                    + " connection and the line to add to " + display(base, accepted.toPath()) + " to accept it.");
        }
        succeeded(GOAL, digest);
    }

    /** Every parameter of this goal, as the digest of its inputs sees them. */
    private Map<String, Object> settings() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("baseline", baseline);
        s.put("failIfNoBaseline", failIfNoBaseline);
        s.put("accepted", accepted.getAbsolutePath());
        s.put("failOn", failOn);
        s.put("namespaceLabels", namespaceLabels);
        return s;
    }

    private List<SourceFile> acceptedFile(Path base) throws MojoExecutionException {
        Path file = accepted.toPath();
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            return List.of(new SourceFile(display(base, file), Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new MojoExecutionException("netpol: cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private BaselineOutcome obtainBaseline(BaselineSpec spec, Path base, List<Path> paths, SourceCollector collector)
            throws MojoExecutionException {
        List<String> relativeSources = paths.stream().filter(p -> !p.isAbsolute())
                .map(p -> p.toString().replace('\\', '/')).toList();
        // a directory baseline needs no Maven repository
        MavenReleaseRepository releases = spec instanceof BaselineSpec.Dir || spec instanceof BaselineSpec.None ? null
                : new MavenReleaseRepository(repositorySystem, session.getRepositorySession(),
                project.getRemoteProjectRepositories(), project.getGroupId(), project.getArtifactId(), project.getVersion());
        GitBaselineReader git = new GitBaselineReader(base, outputDirectory.toPath().resolve(GitBaselineReader.CACHE_DIRECTORY));
        BaselineProvider provider = new BaselineProvider(base, relativeSources, releases, git,
                dir -> collector.collect(base, List.of(dir)));
        try {
            return provider.obtain(spec);
        } catch (BaselineException e) {
            throw new MojoExecutionException("netpol: cannot obtain the baseline " + spec + ": " + e.getMessage(), e);
        }
    }

    private AcceptedChanges readAccepted(Path base) throws MojoExecutionException {
        Path file = accepted.toPath();
        if (!Files.isRegularFile(file)) {
            return AcceptedChanges.none();
        }
        try {
            return new AcceptedChangesReader().read(display(base, file), Files.readString(file));
        } catch (IOException e) {
            throw new MojoExecutionException("netpol: cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    static AnalysisOptions analysisOptions(String namespaceLabels) {
        String v = namespaceLabels == null ? "declared" : namespaceLabels.trim().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "declared" -> new AnalysisOptions(AnalysisOptions.NamespaceLabels.DECLARED);
            case "any" -> new AnalysisOptions(AnalysisOptions.NamespaceLabels.ANY);
            default -> throw new IllegalArgumentException("netpol.namespaceLabels: '" + namespaceLabels
                    + "' is not one of declared, any");
        };
    }

    private static String display(Path base, Path file) {
        Path abs = file.toAbsolutePath().normalize();
        return abs.startsWith(base) ? base.relativize(abs).toString().replace('\\', '/') : abs.toString();
    }
}
