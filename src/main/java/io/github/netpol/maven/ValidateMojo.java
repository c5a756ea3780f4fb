package io.github.netpol.maven;

import io.github.netpol.finding.Finding;
import io.github.netpol.finding.Severity;
import io.github.netpol.load.CollectedSources;
import io.github.netpol.load.ManifestLoader;
import io.github.netpol.load.SourceCollector;
import io.github.netpol.load.SourceFile;
import io.github.netpol.model.ManifestReader;
import io.github.netpol.model.ManifestSet;
import io.github.netpol.report.ConsoleFormatter;
import io.github.netpol.report.ReportInput;
import io.github.netpol.validate.apiserver.ApiServerValidator;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Loads every manifest under the sources and applies the Kubernetes API server's validation to it;
 * fails the build on any error.
 */
@Mojo(name = "validate", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true)
public class ValidateMojo extends AbstractNetpolMojo {

    static final String GOAL = "validate";

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        List<Path> paths = sourcePaths();
        CollectedSources collected = new SourceCollector().scan(baseDirectory(), paths);
        for (Path missing : collected.missing()) {
            getLog().warn("netpol: source " + missing + " does not exist; there is nothing to validate there");
        }
        List<SourceFile> files = collected.files();
        if (files.isEmpty() && collected.problems().isEmpty() && collected.missing().size() < paths.size()) {
            getLog().warn("netpol: no manifests (*.yaml, *.yml, *.json) found under " + paths);
        }
        ManifestSet set = new ManifestReader().read(new ManifestLoader().load(files), defaultNamespace);
        List<Finding> findings = new ArrayList<>(collected.problems());
        findings.addAll(set.problems());
        findings.addAll(new ApiServerValidator().validate(set));
        findings.sort(Comparator.comparing((Finding f) -> f.location() == null ? "" : f.location().file())
                .thenComparingInt(f -> f.location() == null ? 0 : f.location().line())
                .thenComparingInt(f -> f.location() == null ? 0 : f.location().column())
                .thenComparing(Finding::id));
        List<String> units = files.stream().map(SourceFile::path).toList();
        boolean passed = findings.stream().noneMatch(f -> f.severity() == Severity.ERROR && !f.accepted());
        String summary = ConsoleFormatter.summary(GOAL, findings, files.size());
        report(new ReportInput(GOAL, passed, findings, Map.of(), summary, repositoryPrefix(), units));
        if (!passed) {
            throw new MojoFailureException(summary + "; see the errors above (file:line:column)");
        }
    }
}
