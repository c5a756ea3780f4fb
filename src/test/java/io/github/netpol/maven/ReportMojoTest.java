package io.github.netpol.maven;

import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoExtension;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.project.MavenProject;
import org.apache.maven.reporting.MavenReport;
import org.apache.maven.reporting.MavenReportException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The report goal as the Maven site plugin drives it: through {@link MavenReport}, not execute(). */
@MojoTest
class ReportMojoTest {

    private static final String POM = "src/test/resources/unit/report/pom.xml";

    @TempDir
    Path site;

    /** The harness's project has no remote repositories, which the (unused here) release baseline reads. */
    private void onShop(ReportMojo mojo) throws Exception {
        MavenProject project = new MavenProject();
        project.setRemoteArtifactRepositories(List.of());
        MojoExtension.setVariableValueToObject(mojo, "project", project);
        mojo.basedir = new File("examples/shop");
        // as ${project.basedir}/netpol-accepted.yaml would be: the default, which may be absent
        MojoExtension.setVariableValueToObject(mojo, "accepted", new File("examples/shop/netpol-accepted.yaml"));
        mojo.sources = List.of(new File("src/main/kubernetes"));
        Files.deleteIfExists(mojo.outputDirectory.toPath().resolve("report.html"));
        mojo.setReportOutputDirectory(site.toFile());
    }

    @Test
    @InjectMojo(goal = "report", pom = POM)
    void describesItselfAsAnExternalProjectReport(ReportMojo mojo) {
        MavenReport report = mojo;
        assertThat(report.isExternalReport()).isTrue();
        assertThat(report.getOutputName()).isEqualTo("netpol-report");
        assertThat(report.getCategoryName()).isEqualTo(MavenReport.CATEGORY_PROJECT_REPORTS);
        assertThat(report.getName(Locale.ENGLISH)).isEqualTo("NetworkPolicies");
        assertThat(report.getDescription(Locale.ENGLISH)).contains("baseline");
        assertThat(report.canGenerateReport()).isTrue();
    }

    @Test
    @InjectMojo(goal = "report", pom = POM)
    void siteGenerationWritesTheFullPageIntoTheSiteDirectoryOnly(ReportMojo mojo) throws Exception {
        onShop(mojo);
        mojo.generate((org.apache.maven.doxia.sink.Sink) null, Locale.ENGLISH);

        assertThat(mojo.getReportOutputDirectory()).isEqualTo(site.toFile());
        String html = Files.readString(site.resolve("netpol-report.html"), StandardCharsets.UTF_8);
        assertThat(html).contains("<h1 id=\"verdict\"", "<table id=\"matrix\">", "<table id=\"isolation\">", "Baseline: ");
        assertThat(mojo.outputDirectory.toPath().resolve("report.html")).doesNotExist();
    }

    @Test
    @InjectMojo(goal = "report", pom = POM)
    void theDoxia1EntryPointWritesTheSamePage(ReportMojo mojo) throws Exception {
        onShop(mojo);
        mojo.generate((org.codehaus.doxia.sink.Sink) null, Locale.ENGLISH);
        assertThat(site.resolve("netpol-report.html")).isNotEmptyFile();
    }

    @Test
    @InjectMojo(goal = "report", pom = POM)
    void theStandaloneGoalStillWritesReportHtmlToTheOutputDirectory(ReportMojo mojo) throws Exception {
        onShop(mojo);
        mojo.execute();
        assertThat(mojo.outputDirectory.toPath().resolve("report.html")).isNotEmptyFile();
        assertThat(site.resolve("netpol-report.html")).doesNotExist();
    }

    @Test
    @InjectMojo(goal = "report", pom = POM)
    void aConfigurationErrorFailsTheSiteReport(ReportMojo mojo) throws Exception {
        onShop(mojo);
        MojoExtension.setVariableValueToObject(mojo, "baseline", "somewhere:else");
        assertThatThrownBy(() -> mojo.generate((org.apache.maven.doxia.sink.Sink) null, Locale.ENGLISH))
                .isInstanceOf(MavenReportException.class).hasMessageContaining("somewhere:else");
        assertThat(site.resolve("netpol-report.html")).doesNotExist();
    }

    @Test
    @InjectMojo(goal = "report", pom = POM)
    void skipLeavesTheReportOutOfTheSite(ReportMojo mojo) {
        mojo.skip = true;
        assertThat(mojo.canGenerateReport()).isFalse();
    }
}
