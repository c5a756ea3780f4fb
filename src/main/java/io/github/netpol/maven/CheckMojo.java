package io.github.netpol.maven;

import io.github.netpol.fork.CheckFork;
import io.github.netpol.fork.CheckRun;
import io.github.netpol.fork.ForkCodec;
import io.github.netpol.fork.ForkRequest;
import io.github.netpol.fork.ReportSettings;
import io.github.netpol.baseline.BaselineOutcome;
import io.github.netpol.gate.CheckRequest;
import io.github.netpol.load.SourceEnvironment;
import io.github.netpol.load.SourceFile;
import io.github.netpol.validate.ReadVersion;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.eclipse.aether.RepositorySystem;

import javax.inject.Inject;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Compares what the policies allow with the baseline (the previous release, a git ref or a directory)
 * and fails the build on widening or dropped isolation that is not accepted.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends AbstractCompareMojo {

    static final String GOAL = CheckRun.GOAL;
    /** From this many bytes of manifests (both versions) {@code netpol.fork=auto} runs the check in a JVM of its own. */
    static final long AUTO_FORK_BYTES = 1L << 20;
    /** The forked JVM's class-data archives, in the local repository beside the parse cache. */
    static final String CLASS_ARCHIVES = ".cache/netpol-maven-plugin/jvm";

    /**
     * Where the check runs. {@code auto}: in a JVM of its own, compiled by the quick compiler only, when both versions
     * together hold 1 MiB of manifests or more, and nothing read earlier in the build is reused; a cold Maven JVM
     * spends most of a large check compiling it. {@code true}: in a JVM of its own whenever it can. {@code false}:
     * always in Maven's JVM. The forked JVM takes Maven's heap limit; if it fails, the build fails.
     */
    @Parameter(property = "netpol.fork", defaultValue = "auto")
    private String fork;

    @Parameter(defaultValue = "${plugin}", readonly = true)
    private PluginDescriptor plugin;

    @Inject
    public CheckMojo(RepositorySystem repositorySystem) {
        super(repositorySystem);
    }

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        StageTimes times = new StageTimes(GOAL);
        String mode = Parameters.parse("netpol.fork", fork,
                v -> Parameters.oneOf(v == null ? "auto" : v, List.of("auto", "true", "false"), "a fork mode"));
        CompareSettings settings = settings();
        // read once: a forked check parses the same text into the same accepted changes
        String acceptedText = acceptedText();
        CheckRequest request = checkRequest(settings, acceptedText);
        times.mark("sources and baseline obtained");
        String digest = digest(GOAL, settings, request);
        if (upToDate(GOAL, digest)) {
            return;
        }
        times.mark("input digest");
        for (SourceEnvironment env : request.environments()) {
            Optional<ReadVersion> read = CurrentVersionHandOver.take(project, env.files(), request.defaultNamespace(),
                    request.channel());
            if (read.isPresent()) {
                getLog().debug("netpol: the current manifests of " + SourceEnvironment.describe(env.name())
                        + " as validate read them in this build");
                request = request.withCurrentRead(env.key(), read.get());
            }
        }
        ReportSettings reports = new ReportSettings(formats(), outputDirectory.toPath(), pluginVersion(),
                project == null ? null : project.getArtifactId(), repositoryPrefix());
        List<Path> classpath = pluginClasspath();
        String inMaven = inMavenBecause(mode, request, classpath);
        CheckRun.Outcome outcome;
        if (inMaven == null) {
            outcome = forked(new ForkRequest(request, acceptedText, reports, getLog().isDebugEnabled()), classpath,
                    times);
        } else {
            getLog().debug("netpol: check runs in Maven's JVM: " + inMaven);
            outcome = new CheckRun(reports, times::mark).run(request, this::log);
        }
        times.log(getLog()::debug);
        if (outcome.writeFailure() != null) {
            throw new MojoExecutionException(outcome.writeFailure());
        }
        if (!outcome.passed()) {
            throw new MojoFailureException(outcome.summary() + ". Each finding above names the rule, an example"
                    + " connection and the line to add to " + acceptedFile() + " to accept it.");
        }
        succeeded(GOAL, digest);
    }

    private CheckRun.Outcome forked(ForkRequest request, List<Path> classpath, StageTimes times)
            throws MojoExecutionException {
        CheckFork jvm = new CheckFork(CheckFork.currentJava(), classpath, Runtime.getRuntime().maxMemory(),
                outputDirectory.toPath(), localCache(CLASS_ARCHIVES));
        try {
            ForkCodec.ForkOutcome forked = jvm.run(request, this::log);
            forked.stages().forEach(stage -> times.add("in its own JVM: " + stage));
            times.mark("the check's own JVM in all");
            return forked.outcome();
        } catch (IOException e) {
            throw new MojoExecutionException("netpol: " + e.getMessage() + "\nnetpol.fork=false runs the check in"
                    + " Maven's JVM instead.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MojoExecutionException("netpol: interrupted while the check ran in a JVM of its own", e);
        }
    }

    /** Null when the check runs in a JVM of its own, else why it runs in Maven's. */
    private static String inMavenBecause(String mode, CheckRequest request, List<Path> classpath) {
        if (mode.equals("false")) {
            return "netpol.fork=false";
        }
        String refused = ForkCodec.forkable(request);
        if (refused != null) {
            return refused;
        }
        if (classpath.isEmpty()) {
            return "the plugin's jars are not known here";
        }
        long bytes = bytes(request.current())
                + (request.baseline() instanceof BaselineOutcome.Found found ? bytes(found.baseline().allFiles()) : 0);
        if (mode.equals("auto") && bytes < AUTO_FORK_BYTES) {
            return "a small check (" + (bytes >> 10) + " KiB of manifests; netpol.fork=auto forks from "
                    + (AUTO_FORK_BYTES >> 20) + " MiB, netpol.fork=true always)";
        }
        return null;
    }

    private static long bytes(List<SourceFile> files) {
        return files.stream().mapToLong(f -> f.content().length).sum();
    }

    /** The plugin's jar and its dependencies, as Maven resolved them for this plugin; empty when not known. */
    private List<Path> pluginClasspath() {
        if (plugin == null || plugin.getArtifacts() == null) {
            return List.of();
        }
        Set<Path> jars = new LinkedHashSet<>();
        try {
            var source = CheckMojo.class.getProtectionDomain().getCodeSource();
            if (source != null) {
                jars.add(Path.of(source.getLocation().toURI()));
            }
        } catch (URISyntaxException | IllegalArgumentException | SecurityException e) {
            return List.of();
        }
        for (var artifact : plugin.getArtifacts()) {
            File file = artifact.getFile();
            if (file != null) {
                jars.add(file.toPath().toAbsolutePath().normalize());
            }
        }
        return List.copyOf(jars);
    }
}
