package io.github.netpol.maven;

import io.github.netpol.gate.CheckRequest;
import io.github.netpol.load.SourceEnvironment;
import io.github.netpol.report.HtmlReportBuilder;
import io.github.netpol.report.HtmlReportData;
import io.github.netpol.report.HtmlReportWriter;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.reporting.MavenReport;
import org.apache.maven.reporting.MavenReportException;
import org.eclipse.aether.RepositorySystem;

import javax.inject.Inject;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes {@code report.html}: the check's verdict and findings against the baseline, the per-namespace
 * isolation and the connectivity matrix of the declared workloads, widened and narrowed cells marked.
 * A report: it never fails the build on findings (run {@code check} for that).
 * <p>
 * Also a Maven site report ({@code <reporting>}): an external report, so the site links the very same
 * self-contained page, written as {@value #SITE_PAGE}{@code .html} into the site's directory. The site build
 * fails only when the report cannot be made (bad parameters, unreadable files), never on findings.
 */
@Mojo(name = "report", threadSafe = true)
public class ReportMojo extends AbstractCompareMojo implements MavenReport {

    /** The page's name in the site, without {@code .html}. */
    static final String SITE_PAGE = "netpol-report";

    /** Where the site is written when the site plugin does not say (it always does). */
    @Parameter(defaultValue = "${project.reporting.outputDirectory}", readonly = true, required = true)
    private File siteDirectory;

    private File reportOutputDirectory;

    @Inject
    public ReportMojo(RepositorySystem repositorySystem) {
        super(repositorySystem);
    }

    @Override
    protected void run() throws MojoExecutionException {
        CheckRequest request = checkRequest(settings());
        for (SourceEnvironment env : request.environments()) {
            Path file = writePage(request.forEnvironment(env), outputDirectory.toPath(), pageName(env, "report"));
            getLog().info("netpol: report" + (env.name() == null ? "" : " of environment " + env.name()) + " in " + file);
        }
    }

    /** {@code report.html} for the plain sources, {@code report-<name>.html} for a rendered environment. */
    private static String pageName(SourceEnvironment env, String base) {
        return base + (env.name() == null ? "" : "-" + env.name()) + ".html";
    }

    private Path writePage(CheckRequest request, Path directory, String fileName) throws MojoExecutionException {
        HtmlReportData data = new HtmlReportBuilder().build(request, repositoryPrefix());
        getLog().info(data.input().summary());
        try {
            return new HtmlReportWriter().write(data, directory, fileName);
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write the HTML report to " + directory + ": " + e.getMessage(), e);
        }
    }

    // ---- MavenReport: the site plugin calls these instead of execute() ----

    /*
     * Two generate methods because the site plugin lends its own MavenReport interface: up to 3.12 (Doxia 1,
     * reporting API 3.x) it calls generate(org.codehaus.doxia.sink.Sink, Locale), from 3.20 (Doxia 2, API 4.x)
     * generate(org.apache.maven.doxia.sink.Sink, Locale). The page is external, so neither touches the sink:
     * that keeps this class independent of the Doxia version it runs with.
     */

    @Override
    public void generate(org.codehaus.doxia.sink.Sink sink, Locale locale) throws MavenReportException {
        generateSitePage();
    }

    public void generate(org.apache.maven.doxia.sink.Sink sink, Locale locale) throws MavenReportException {
        generateSitePage();
    }

    /**
     * The site has one page: the plain sources' when the build reads some, else the first rendered environment's;
     * the others are written beside it as {@code netpol-report-<name>.html}.
     */
    private void generateSitePage() throws MavenReportException {
        try {
            CheckRequest request = checkRequest(settings());
            for (SourceEnvironment env : request.environments()) {
                boolean first = env == request.environments().get(0);
                Path file = writePage(request.forEnvironment(env), getReportOutputDirectory().toPath(),
                        first ? SITE_PAGE + ".html" : pageName(env, SITE_PAGE));
                getLog().info("netpol: site report" + (env.name() == null ? "" : " of environment " + env.name())
                        + " in " + file);
            }
        } catch (MojoExecutionException e) {
            throw new MavenReportException(e.getMessage(), e);
        }
    }

    @Override
    public String getOutputName() {
        return SITE_PAGE;
    }

    @Override
    public String getCategoryName() {
        return CATEGORY_PROJECT_REPORTS;
    }

    @Override
    public String getName(Locale locale) {
        return "NetworkPolicies";
    }

    @Override
    public String getDescription(Locale locale) {
        return "What the Kubernetes NetworkPolicies allow, workload by workload, and what widened or narrowed"
                + " against the baseline.";
    }

    @Override
    public void setReportOutputDirectory(File directory) {
        this.reportOutputDirectory = directory;
    }

    @Override
    public File getReportOutputDirectory() {
        return reportOutputDirectory != null ? reportOutputDirectory : siteDirectory;
    }

    @Override
    public boolean isExternalReport() {
        return true;
    }

    /** {@code netpol.skip} leaves the report out of the site. */
    @Override
    public boolean canGenerateReport() {
        return !skip;
    }
}
