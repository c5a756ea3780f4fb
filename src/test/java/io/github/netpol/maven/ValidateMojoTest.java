package io.github.netpol.maven;

import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@MojoTest
class ValidateMojoTest {

    @Test
    @InjectMojo(goal = "validate", pom = "src/test/resources/unit/validate-fail/pom.xml")
    void invalidPolicyFailsTheBuildAndWritesTheJsonReport(ValidateMojo mojo) throws Exception {
        // the harness does not bind the read-only basedir from the test POM
        mojo.basedir = new File("src/test/resources/unit/validate-fail");
        assertThat(mojo.sources).hasSize(1);
        // and resolves relative File parameters against the build's directory, not the test project's
        mojo.sources = List.of(new File("src/main/kubernetes"));
        assertThat(mojo.formats).containsExactly("console", "json", "sarif");
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("FAILED, 2 errors");
        Path json = mojo.outputDirectory.toPath().resolve("validate.json");
        String text = Files.readString(json, StandardCharsets.UTF_8);
        assertThat(text).contains("\"verdict\" : \"fail\"").contains("\"id\" : \"unknown-field\"")
                .contains("\"file\" : \"src/main/kubernetes/policy.yaml\"").contains("\"line\" : 13");
    }

    @Test
    @InjectMojo(goal = "validate", pom = "src/test/resources/unit/validate-missing/pom.xml")
    void missingSourcesPassWithNothingToGuard(ValidateMojo mojo) throws Exception {
        mojo.basedir = new File("src/test/resources/unit/validate-missing");
        mojo.execute();
        String text = Files.readString(mojo.outputDirectory.toPath().resolve("validate.json"), StandardCharsets.UTF_8);
        assertThat(text).contains("\"verdict\" : \"pass\"");
    }

    @Test
    @InjectMojo(goal = "validate", pom = "src/test/resources/unit/validate-missing/pom.xml")
    void anAggregatorWhoseRenderDirectoryExistsIsCheckedNotSkipped(ValidateMojo mojo) throws Exception {
        Path base = Files.createTempDirectory("netpol-aggregator");
        Files.createDirectories(base.resolve("app"));
        Files.writeString(base.resolve("app/kustomization.yaml"), "resources:\n  - https://example.org/open.yaml\n");
        org.apache.maven.project.MavenProject parent = new org.apache.maven.project.MavenProject();
        parent.setPackaging("pom");
        parent.getModel().addModule("module");
        parent.getBuild().setDirectory(base.resolve("target").toString());
        mojo.project = parent;
        mojo.basedir = base.toFile();
        mojo.sources = List.of(new File("src/main/kubernetes"));
        mojo.renders = List.of(new RenderConfiguration("app", "app"));
        assertThatThrownBy(mojo::execute).hasMessageContaining("app/kustomization.yaml: resources[0]"
                + " 'https://example.org/open.yaml' is a remote resource");
    }

    @Test
    @InjectMojo(goal = "validate", pom = "src/test/resources/unit/validate-fail/pom.xml")
    void skipDoesNothing(ValidateMojo mojo) throws Exception {
        mojo.skip = true;
        Files.deleteIfExists(mojo.outputDirectory.toPath().resolve("validate.json"));
        mojo.execute();
        assertThat(mojo.outputDirectory.toPath().resolve("validate.json")).doesNotExist();
    }
}
