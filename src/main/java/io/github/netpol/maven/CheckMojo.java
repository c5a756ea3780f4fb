package io.github.netpol.maven;

import io.github.netpol.gate.Check;
import io.github.netpol.gate.CheckRequest;
import io.github.netpol.gate.CheckResult;
import io.github.netpol.load.SourceEnvironment;
import io.github.netpol.report.ReportInput;
import io.github.netpol.validate.ReadVersion;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.eclipse.aether.RepositorySystem;

import javax.inject.Inject;
import java.util.Optional;

/**
 * Compares what the policies allow with the baseline (the previous release, a git ref or a directory)
 * and fails the build on widening or dropped isolation that is not accepted.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends AbstractCompareMojo {

    static final String GOAL = "check";

    @Inject
    public CheckMojo(RepositorySystem repositorySystem) {
        super(repositorySystem);
    }

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        StageTimes times = new StageTimes(GOAL);
        CompareSettings settings = settings();
        CheckRequest request = checkRequest(settings);
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
        CheckResult result = new Check(times::mark).run(request);
        report(new ReportInput(GOAL, result.passed(), result.findings(), result.baseline(), result.summary(),
                repositoryPrefix(), result.units()));
        times.mark("reports");
        times.log(getLog()::debug);
        if (!result.passed()) {
            throw new MojoFailureException(result.summary() + ". Each finding above names the rule, an example"
                    + " connection and the line to add to " + acceptedFile() + " to accept it.");
        }
        succeeded(GOAL, digest);
    }
}
