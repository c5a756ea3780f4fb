package io.github.netpol.maven;

import io.github.netpol.analysis.AnalysisOptions;
import io.github.netpol.analysis.connectivity.ConnectivityRenderer;
import io.github.netpol.analysis.connectivity.ConnectivityResult;
import io.github.netpol.analysis.connectivity.WorkloadConnectivity;
import io.github.netpol.finding.Finding;
import io.github.netpol.load.CollectedSources;
import io.github.netpol.model.ManifestReader;
import io.github.netpol.model.ManifestSet;
import io.github.netpol.validate.BlockingErrors;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Lists which declared workloads can talk to which (and to which external address ranges) on which
 * ports, and writes {@code connectivity.{txt,json,md,csv,dot}}. No default phase: run it on demand
 * ({@code mvn netpol:connectivity}).
 */
@Mojo(name = "connectivity", threadSafe = true)
public class ConnectivityMojo extends AbstractNetpolMojo {

    /** Longer text forms are not printed in full, only a summary and the path of connectivity.txt. */
    static final int MAX_PRINTED_LINES = 40;

    private static final Map<String, Function<ConnectivityResult, String>> FORMS = forms();

    /**
     * {@code declared}: a Namespace manifest fixes that namespace's labels; {@code any}: every namespace may
     * carry any labels.
     */
    @Parameter(property = "netpol.namespaceLabels", defaultValue = "declared")
    String namespaceLabels;

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        AnalysisOptions options = analysisOptions(namespaceLabels);
        CollectedSources collected = sourceCollector().scan(baseDirectory(), sourcePaths());
        for (Path missing : collected.missing()) {
            getLog().warn("netpol: source " + missing + " does not exist");
        }
        ManifestSet set = new ManifestReader().read(collected.files(), defaultNamespace);
        failOnInvalidManifests(collected, set);

        ConnectivityResult result = WorkloadConnectivity.compute(set, options);
        Path dir = outputDirectory.toPath();
        try {
            Files.createDirectories(dir);
            for (Map.Entry<String, Function<ConnectivityResult, String>> form : FORMS.entrySet()) {
                Files.writeString(dir.resolve("connectivity." + form.getKey()), form.getValue().apply(result),
                        StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new MojoExecutionException("netpol: cannot write the connectivity reports to " + dir + ": "
                    + e.getMessage(), e);
        }
        String summary = "netpol connectivity: " + result.connections().size() + " connections between "
                + result.workloads().size() + " workloads and external ranges";
        List<String> lines = result.connections().stream().map(c -> c.text()).toList();
        if (lines.size() <= MAX_PRINTED_LINES) {
            lines.forEach(getLog()::info);
            getLog().info(summary);
        } else {
            getLog().info(summary + " (too many to print; see " + dir.resolve("connectivity.txt") + ")");
        }
        getLog().info("netpol: connectivity in " + dir + " (txt, json, md, csv, dot)");
    }

    /** What the API server would reject cannot be analysed faithfully: the same errors as {@code validate}. */
    private void failOnInvalidManifests(CollectedSources collected, ManifestSet set) throws MojoFailureException {
        List<Finding> errors = BlockingErrors.of(collected.problems(), set);
        if (errors.isEmpty()) {
            return;
        }
        errors.forEach(f -> getLog().error(f.consoleLine()));
        throw new MojoFailureException("netpol connectivity: " + errors.size() + " invalid manifest"
                + (errors.size() == 1 ? "" : "s") + "; fix the errors above (file:line:column) first");
    }

    private static Map<String, Function<ConnectivityResult, String>> forms() {
        Map<String, Function<ConnectivityResult, String>> forms = new LinkedHashMap<>();
        forms.put("txt", ConnectivityRenderer::text);
        forms.put("json", ConnectivityRenderer::json);
        forms.put("md", ConnectivityRenderer::markdown);
        forms.put("csv", ConnectivityRenderer::csv);
        forms.put("dot", ConnectivityRenderer::dot);
        return java.util.Collections.unmodifiableMap(forms);
    }
}
