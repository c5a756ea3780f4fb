package io.github.netpol.maven;

import io.github.netpol.analysis.AnalysisOptions;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Parameter;

import java.util.List;

/** The goals that compute what the policies allow: {@code check}, {@code report}, {@code connectivity}, {@code test}. */
public abstract class AbstractAnalysisMojo extends AbstractNetpolMojo {

    /**
     * {@code declared}: a Namespace manifest fixes that namespace's labels; {@code any}: every namespace may
     * carry any labels.
     */
    @Parameter(property = "netpol.namespaceLabels", defaultValue = "declared")
    String namespaceLabels;

    /** {@code netpol.namespaceLabels}: {@code declared} or {@code any}. */
    protected AnalysisOptions analysisOptions() throws MojoExecutionException {
        return Parameters.parse("netpol.namespaceLabels", namespaceLabels, v -> switch (v == null ? "declared"
                : Parameters.oneOf(v, List.of("declared", "any"), "a namespace-label mode")) {
            case "declared" -> new AnalysisOptions(AnalysisOptions.NamespaceLabels.DECLARED);
            default -> new AnalysisOptions(AnalysisOptions.NamespaceLabels.ANY);
        });
    }
}
