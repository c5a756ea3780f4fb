package io.github.netpol.maven;

import io.github.netpol.load.IoReason;
import io.github.netpol.baseline.GitBaselineReader;
import io.github.netpol.load.SourceFile;
import io.github.netpol.baseline.BaselineOutcome;
import io.github.netpol.baseline.BaselineSpec;
import io.github.netpol.gate.AcceptedChanges;
import io.github.netpol.gate.AcceptedChangesReader;
import io.github.netpol.gate.CheckRequest;
import io.github.netpol.gate.FailPolicy;
import io.github.netpol.load.CollectedSources;
import io.github.netpol.load.SourceCollector;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Parameter;
import org.eclipse.aether.RepositorySystem;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

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

    /** Collects the current sources, obtains the baseline and reads the accepted changes. */
    protected CheckRequest checkRequest(CompareSettings settings) throws MojoExecutionException {
        Path base = baseDirectory();
        List<Path> paths = settings.common().sources();
        SourceCollector collector = sourceCollector();
        CollectedSources collected = collector.scan(base, paths);
        for (Path missing : collected.missing()) {
            getLog().warn("netpol: source " + missing + " does not exist");
        }
        BaselineOutcome outcome = new BaselineObtainer(repositorySystem, session, project).obtain(settings.baseline(), base,
                paths, collector, settings.common().outputDirectory().resolve(GitBaselineReader.CACHE_DIRECTORY));
        if (outcome instanceof BaselineOutcome.Found found) {
            int files = found.baseline().files().size();
            getLog().info("netpol: comparing with " + found.baseline().description() + " (" + files
                    + (files == 1 ? " file)" : " files)"));
        }
        return new CheckRequest(collected.files(), collected.problems(), outcome, readAccepted(base), settings.failOn(),
                settings.failIfNoBaseline(), settings.analysis(), settings.common().defaultNamespace(), LocalDate.now(),
                acceptedFile());
    }

    /**
     * The digest of everything a comparison depends on: the parameters, the current files, the
     * baseline and its files, the accepted changes, and the day (accepted changes expire).
     */
    protected String digest(String goal, CompareSettings settings, CheckRequest request) throws MojoExecutionException {
        BaselineOutcome outcome = request.baseline();
        return inputDigest(goal, settings).files("sources", request.current())
                .text("sourceProblems", request.sourceProblems().toString())
                .text("baseline", outcome instanceof BaselineOutcome.Found f
                        ? f.baseline().spec() + " " + f.baseline().description() : outcome.toString())
                .files("baselineFiles", outcome instanceof BaselineOutcome.Found f ? f.baseline().files() : List.of())
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

    private AcceptedChanges readAccepted(Path base) throws MojoExecutionException {
        Path file = acceptedPath();
        if (!Files.isRegularFile(file)) {
            return AcceptedChanges.none();
        }
        try {
            return new AcceptedChangesReader().read(display(base, file), Files.readString(file));
        } catch (IOException e) {
            throw new MojoExecutionException("netpol: cannot read " + file + ": " + IoReason.of(e), e);
        }
    }

    private static String display(Path base, Path file) {
        Path abs = file.toAbsolutePath().normalize();
        return abs.startsWith(base) ? base.relativize(abs).toString().replace('\\', '/') : abs.toString();
    }
}
