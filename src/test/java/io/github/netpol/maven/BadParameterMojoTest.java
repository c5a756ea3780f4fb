package io.github.netpol.maven;

import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoExtension;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every parameter with a bad value fails the goal before any work with one line that names the parameter, the
 * value and the values allowed: never a raw enum or parse exception, never a silent default.
 */
@MojoTest
class BadParameterMojoTest {

    @TempDir
    Path project;

    private void prepare(AbstractNetpolMojo mojo) throws Exception {
        Files.createDirectories(project.resolve("src/main/kubernetes"));
        Files.createDirectories(project.resolve("baseline"));
        mojo.setLog(new SystemStreamLog());
        mojo.basedir = project.toFile();
        mojo.sources = List.of(new File("src/main/kubernetes"));
        mojo.outputDirectory = project.resolve("target/netpol").toFile();
    }

    /** Sets {@code field} to {@code bad}, expects the one-line refusal, then puts the good value back. */
    private static void refuses(AbstractNetpolMojo mojo, String field, Object bad, String... expected) throws Exception {
        Object good = MojoExtension.getVariableValueFromObject(mojo, field);
        MojoExtension.setVariableValueToObject(mojo, field, bad);
        try {
            assertThatThrownBy(mojo::execute).as(field + "=" + bad).isInstanceOf(MojoExecutionException.class)
                    .satisfies(e -> {
                        assertThat(e.getMessage()).doesNotContain("\n").startsWith("netpol: ").contains(expected);
                        assertThat(e.getMessage()).doesNotContainIgnoringCase("No enum constant");
                    });
        } finally {
            MojoExtension.setVariableValueToObject(mojo, field, good);
        }
        mojo.execute(); // the good value passes again, so the refusal was about this one parameter
    }

    @Test
    @InjectMojo(goal = "validate", pom = "src/test/resources/unit/incremental/pom.xml")
    void validateRefusesEveryBadValue(ValidateMojo mojo) throws Exception {
        prepare(mojo);
        mojo.force = true;
        mojo.execute();
        refuses(mojo, "failOnSeverity", "fatal",
                "netpol.failOnSeverity: 'fatal' is not a severity; use error, warning or info");
        refuses(mojo, "requireIsolationDirections", "up",
                "netpol.requireIsolationDirections: 'up' is not a direction; use ingress, egress or both");
        refuses(mojo, "ruleSeverities", "policy-types-omitted:loud",
                "netpol.rules: 'loud' is not a rule severity; use off, info, warning or error");
        refuses(mojo, "ruleSeverities", "policy-types-omited:off",
                "netpol.rules: 'policy-types-omited' is not a lint rule id; use one of ", "policy-types-omitted");
        refuses(mojo, "ruleSeverities", "policy-types-omitted",
                "netpol.rules: 'policy-types-omitted' is not id:severity; use e.g. policy-types-omitted:off");
        refuses(mojo, "rules", List.of(new LintRuleSeverity("no-such-rule", "off")), "netpol: rules: 'no-such-rule' is not a lint rule id");
        refuses(mojo, "rules", List.of(new LintRuleSeverity("policy-types-omitted", "loud")), "netpol: rules: 'loud' is not a rule severity");
        refuses(mojo, "rules", List.of(new LintRuleSeverity(null, "off")), "netpol: rules: every <rule> needs an <id>");
        refuses(mojo, "podCidrs", List.of("10.0.0.0/33"), "netpol.podCidrs: '10.0.0.0/33' is not a CIDR; use ");
        refuses(mojo, "serviceCidrs", List.of("services"), "netpol.serviceCidrs: 'services' is not a CIDR");
        refuses(mojo, "nodeCidrs", List.of("fd00::/129"), "netpol.nodeCidrs: 'fd00::/129' is not a CIDR");
        refuses(mojo, "requireIsolation", List.of("Prod-*"), "netpol.requireIsolation: 'Prod-*' is not a namespace glob; use");
        refuses(mojo, "requireIsolation", List.of("none", "prod"), "netpol.requireIsolation: 'none' is not a namespace glob",
                "or none alone");
        refuses(mojo, "maxPortRange", "0", "netpol.maxPortRange: '0' is out of range; use 1 to 65535");
        refuses(mojo, "maxPortRange", "many", "netpol.maxPortRange: 'many' is not a whole number; use digits, e.g. 1024");
        refuses(mojo, "minPrefixLengthV4", "33", "netpol.minPrefixLengthV4: '33' is out of range; use 0 to 32");
        refuses(mojo, "minPrefixLengthV6", "-1", "netpol.minPrefixLengthV6: '-1' is out of range; use 0 to 128");
        refuses(mojo, "minPrefixLengthV6", "/48", "netpol.minPrefixLengthV6: '/48' is not a whole number");
        refuses(mojo, "formats", List.of("console", "pdf"), "netpol.formats: 'pdf' is not a report format; use console, json");
        refuses(mojo, "defaultNamespace", "My_Namespace", "netpol.defaultNamespace: 'My_Namespace' is not a namespace name;"
                + " use a name that must consist of lower case letters");
    }

    @Test
    @InjectMojo(goal = "check", pom = "src/test/resources/unit/incremental/pom.xml")
    void checkRefusesEveryBadValue(CheckMojo mojo) throws Exception {
        prepare(mojo);
        MojoExtension.setVariableValueToObject(mojo, "accepted", project.resolve("netpol-accepted.yaml").toFile());
        mojo.force = true;
        mojo.execute();
        refuses(mojo, "baseline", "svn:trunk", "netpol.baseline: 'svn:trunk' is not a baseline; use auto, release,");
        refuses(mojo, "baseline", "release:", "netpol.baseline: 'release:' is not a baseline");
        refuses(mojo, "failOn", List.of("widening", "wide"), "netpol.failOn: 'wide' is not a kind of change; use widening,"
                + " isolation or none");
        refuses(mojo, "namespaceLabels", "some", "netpol.namespaceLabels: 'some' is not a namespace-label mode; use"
                + " declared or any");
        refuses(mojo, "failIfNoBaseline", "yes", "netpol.failIfNoBaseline: 'yes' is not a boolean; use true or false");
        refuses(mojo, "formats", List.of("xml"), "netpol.formats: 'xml' is not a report format");
        refuses(mojo, "fork", "always", "netpol.fork: 'always' is not a fork mode; use auto, true or false");
        // the default accepted-changes file may be absent (the runs above), one configured elsewhere must exist
        Path missing = project.resolve("config/accepted.yaml");
        refuses(mojo, "accepted", missing.toFile(), "netpol.accepted: '" + missing + "' does not exist; use an existing"
                + " accepted-changes file");
        refuses(mojo, "accepted", project.resolve("baseline").toFile(), "netpol.accepted: '" + project.resolve("baseline")
                + "' is not a file");
        Files.createDirectories(missing.getParent());
        Files.writeString(missing, "accepted: []\n");
        MojoExtension.setVariableValueToObject(mojo, "accepted", missing.toFile());
        mojo.execute();
    }

    @Test
    @InjectMojo(goal = "connectivity", pom = "src/test/resources/unit/incremental/pom.xml")
    void connectivityRefusesABadNamespaceLabelMode(ConnectivityMojo mojo) throws Exception {
        prepare(mojo);
        mojo.execute();
        refuses(mojo, "namespaceLabels", "all", "netpol.namespaceLabels: 'all' is not a namespace-label mode");
    }

    @Test
    @InjectMojo(goal = "test", pom = "src/test/resources/unit/incremental/pom.xml")
    void testRefusesABadNamespaceLabelMode(TestMojo mojo) throws Exception {
        prepare(mojo);
        MojoExtension.setVariableValueToObject(mojo, "testSources", List.of(project.resolve("src/test/netpol").toFile()));
        Files.createDirectories(project.resolve("src/test/netpol"));
        Files.writeString(project.resolve("src/test/netpol/t.yaml"), "tests: []\n");
        refuses(mojo, "namespaceLabels", "ALL", "netpol.namespaceLabels: 'ALL' is not a namespace-label mode");
    }
}
