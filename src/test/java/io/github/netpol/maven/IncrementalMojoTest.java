package io.github.netpol.maven;

import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoExtension;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A goal whose inputs did not change since its last successful run skips; any change of one byte reruns. */
@MojoTest
class IncrementalMojoTest {

    private static final String POLICY = """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: api
              namespace: shop
            spec:
              podSelector: {}
              policyTypes: [Ingress]
              ingress:
                - from:
                    - podSelector:
                        matchLabels:
                          app: web
                  ports:
                    - port: 8080
            """;

    @TempDir
    Path project;

    /** Collects what the goal says. */
    static final class Captured extends SystemStreamLog {
        final List<String> info = new ArrayList<>();

        @Override
        public void info(CharSequence content) {
            info.add(content.toString());
            super.info(content);
        }

        boolean skipped() {
            return info.stream().anyMatch(l -> l.contains("up to date (inputs unchanged since the last successful run), skipped"));
        }
    }

    private Captured run(AbstractNetpolMojo mojo) throws Exception {
        Captured log = new Captured();
        mojo.setLog(log);
        mojo.basedir = project.toFile();
        mojo.sources = List.of(new File("src/main/kubernetes"));
        mojo.outputDirectory = project.resolve("target/netpol").toFile();
        mojo.execute();
        return log;
    }

    private void write(String path, String content) throws Exception {
        Path file = project.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    @Test
    @InjectMojo(goal = "validate", pom = "src/test/resources/unit/incremental/pom.xml")
    void validateSkipsUnchangedInputsAndRerunsOnAOneByteChange(ValidateMojo mojo) throws Exception {
        write("src/main/kubernetes/policy.yaml", POLICY);
        assertThat(run(mojo).skipped()).isFalse();
        Path report = project.resolve("target/netpol/validate.json");
        assertThat(report).exists();
        assertThat(project.resolve("target/netpol/validate.digest")).exists();

        assertThat(run(mojo).skipped()).isTrue();
        assertThat(report).as("the last run's reports stay").exists();

        write("src/main/kubernetes/policy.yaml", POLICY.replace("8080", "8081"));
        assertThat(run(mojo).skipped()).as("a source changed").isFalse();
        assertThat(run(mojo).skipped()).isTrue();

        MojoExtension.setVariableValueToObject(mojo, "maxPortRange", "1023");
        assertThat(run(mojo).skipped()).as("the configuration changed").isFalse();
        assertThat(run(mojo).skipped()).isTrue();

        mojo.force = true;
        assertThat(run(mojo).skipped()).as("netpol.force").isFalse();
    }

    @Test
    @InjectMojo(goal = "validate", pom = "src/test/resources/unit/incremental/pom.xml")
    void aFailedRunWritesNoDigestSoTheNextBuildFailsAgain(ValidateMojo mojo) throws Exception {
        write("src/main/kubernetes/policy.yaml", POLICY);
        run(mojo);
        write("src/main/kubernetes/policy.yaml", POLICY.replace("port: 8080", "port: 0"));
        assertThatThrownBy(() -> run(mojo)).isInstanceOf(MojoFailureException.class);
        assertThat(project.resolve("target/netpol/validate.digest")).doesNotExist();
        assertThatThrownBy(() -> run(mojo)).isInstanceOf(MojoFailureException.class);
    }

    @Test
    @InjectMojo(goal = "check", pom = "src/test/resources/unit/incremental/pom.xml")
    void checkRerunsWhenTheBaselineChanges(CheckMojo mojo) throws Exception {
        MojoExtension.setVariableValueToObject(mojo, "accepted", project.resolve("netpol-accepted.yaml").toFile());
        write("src/main/kubernetes/policy.yaml", POLICY);
        write("baseline/policy.yaml", POLICY);
        assertThat(run(mojo).skipped()).isFalse();
        assertThat(project.resolve("target/netpol/check.json")).exists();
        assertThat(run(mojo).skipped()).isTrue();

        // the baseline allowed port 8081 too: the current version narrows, which passes
        write("baseline/policy.yaml", POLICY.replace("- port: 8080", "- port: 8080\n        - port: 8081"));
        assertThat(run(mojo).skipped()).as("the baseline changed").isFalse();
        assertThat(run(mojo).skipped()).isTrue();

        write("netpol-accepted.yaml", "accepted: []\n");
        assertThat(run(mojo).skipped()).as("the accepted changes appeared").isFalse();
    }
}
