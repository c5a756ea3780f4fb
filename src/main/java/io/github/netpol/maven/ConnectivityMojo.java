package io.github.netpol.maven;

import io.github.netpol.report.ConnectivityForms;
import io.github.netpol.analysis.connectivity.ConnectivityResult;
import io.github.netpol.analysis.connectivity.WorkloadConnectivity;
import io.github.netpol.finding.Finding;
import io.github.netpol.load.SourceEnvironment;
import io.github.netpol.model.ManifestReader;
import io.github.netpol.model.ManifestSet;
import io.github.netpol.report.ReportInput;
import io.github.netpol.report.ReportWriter;
import io.github.netpol.report.ReportWriters;
import io.github.netpol.validate.BlockingErrors;
import io.github.netpol.validate.apiserver.CrdChannel;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Lists which declared workloads can talk to which (and to which external address ranges) on which
 * ports, and writes {@code connectivity.{txt,json,md,csv,dot}} (as {@code netpol.formats} asks; all of them by
 * default). No default phase: run it on demand ({@code mvn netpol:connectivity}).
 */
@Mojo(name = "connectivity", threadSafe = true)
public class ConnectivityMojo extends AbstractAnalysisMojo {

    /** Longer text forms are not printed in full, only a summary and the path of connectivity.txt. */
    static final int MAX_PRINTED_LINES = 40;

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        AnalysisSettings settings = new AnalysisSettings(commonSettings(), analysisOptions());
        List<String> skipped = findingsOnlyFormats();
        if (!skipped.isEmpty()) {
            getLog().warn("netpol: connectivity has no " + String.join(", ", skipped) + " form; skipped (it writes "
                    + String.join(", ", writers().formats()) + ")");
        }
        List<ReportWriter> selected = selectedWriters();
        for (SourceEnvironment env : environments(settings.common())) {
            for (Path missing : env.sources().missing()) {
                getLog().warn("netpol: source " + missing + " does not exist");
            }
            // a rendered environment's connectivity lies beside its rendered manifests
            Path dir = env.rendered() == null ? settings.common().outputDirectory()
                    : env.rendered().file().getParent();
            connectivity(env, settings, selected, dir);
        }
    }

    private void connectivity(SourceEnvironment env, AnalysisSettings settings, List<ReportWriter> selected, Path dir)
            throws MojoExecutionException, MojoFailureException {
        ManifestSet set = new ManifestReader().read(env.files(), settings.common().defaultNamespace());
        failOnInvalidManifests(env, set, settings.common().channel());
        Optional<String> uncovered = WorkloadConnectivity.uncovered(set);
        if (uncovered.isPresent()) {
            // a list without them would show connections they deny: fail closed rather than mislead
            throw new MojoFailureException("netpol connectivity" + (env.name() == null ? "" : " of environment "
                    + env.name()) + ": the sources hold " + uncovered.get() + " the per-workload connectivity list"
                    + " cannot evaluate. netpol:check fails closed on them too; change them to what the analysis reads,"
                    + " or keep these objects out of netpol.sources for this goal.");
        }

        ConnectivityResult result = WorkloadConnectivity.compute(set, settings.analysis());
        String summary = "netpol connectivity" + (env.name() == null ? "" : " of environment " + env.name()) + ": "
                + result.connections().size() + " connections between " + result.workloads().size()
                + " workloads and external ranges";
        for (ReportWriter writer : selected) {
            try {
                getLog().debug("netpol: wrote " + writer.write(ReportInput.connectivity(result, summary), dir));
            } catch (IOException e) {
                throw new MojoExecutionException("Cannot write the " + writer.format() + " report to " + dir + ": "
                        + e.getMessage(), e);
            }
        }
        // with tier policies each connection is followed by its verdict lines (certainty, deciding rules)
        List<String> lines = ConnectivityForms.text(result).lines().toList();
        if (onConsole() && lines.size() <= MAX_PRINTED_LINES) {
            lines.forEach(getLog()::info);
            getLog().info(summary);
        } else if (onConsole()) {
            boolean text = selected.stream().anyMatch(w -> w.format().equals("txt"));
            getLog().info(summary + " (too many to print; see " + (text ? dir.resolve("connectivity.txt") : dir) + ")");
        } else {
            getLog().info(summary);
        }
        if (!selected.isEmpty()) {
            getLog().info("netpol: connectivity in " + dir + " ("
                    + selected.stream().map(ReportWriter::format).collect(Collectors.joining(", ")) + ")");
        }
    }

    @Override
    protected ReportWriters writers() {
        return ReportWriters.connectivity();
    }

    @Override
    protected List<String> defaultFormats() {
        return List.of(ReportWriters.CONSOLE, "txt", "json", "markdown", "csv", "dot");
    }

    /**
     * {@code netpol.formats} without the names of findings reports ({@code sarif}, {@code junit}, {@code html}),
     * which mean nothing for connectivity: one list can then serve every goal of a build. Names no goal knows
     * still fail.
     */
    @Override
    protected List<String> formats() {
        List<String> skipped = findingsOnlyFormats();
        return super.formats().stream().filter(f -> !skipped.contains(f)).toList();
    }

    private List<String> findingsOnlyFormats() {
        List<String> out = new ArrayList<>();
        for (String format : super.formats()) {
            String name = format == null ? "" : format.trim().toLowerCase(Locale.ROOT);
            if (super.writers().formats().contains(name) && !writers().formats().contains(name)) {
                out.add(format);
            }
        }
        return out;
    }

    /** What the API server would reject cannot be analysed faithfully: the same errors as {@code validate}. */
    private void failOnInvalidManifests(SourceEnvironment env, ManifestSet set, CrdChannel channel)
            throws MojoFailureException {
        List<Finding> errors = env.annotate(BlockingErrors.of(env.sources().problems(), set, channel));
        if (errors.isEmpty()) {
            return;
        }
        errors.forEach(f -> getLog().error(f.consoleLine()));
        throw new MojoFailureException("netpol connectivity: " + errors.size() + " invalid manifest"
                + (errors.size() == 1 ? "" : "s") + "; fix the errors above (file:line:column) first");
    }
}
