package io.github.netpol.maven;

import io.github.netpol.report.HtmlReportBuilder;
import io.github.netpol.report.HtmlReportData;
import io.github.netpol.report.HtmlReportWriter;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.eclipse.aether.RepositorySystem;

import javax.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes {@code report.html}: the check's verdict and findings against the baseline, the per-namespace
 * isolation and the connectivity matrix of the declared workloads, widened and narrowed cells marked.
 * A report: it never fails the build on findings (run {@code check} for that).
 */
@Mojo(name = "report", threadSafe = true)
public class ReportMojo extends AbstractCompareMojo {

    @Inject
    public ReportMojo(RepositorySystem repositorySystem) {
        super(repositorySystem);
    }

    @Override
    protected void run() throws MojoExecutionException {
        HtmlReportData data = new HtmlReportBuilder().build(checkRequest(), repositoryPrefix());
        getLog().info(data.input().summary());
        try {
            Path file = new HtmlReportWriter().write(data, outputDirectory.toPath());
            getLog().info("netpol: report in " + file);
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write the HTML report to " + outputDirectory + ": " + e.getMessage(), e);
        }
    }
}
