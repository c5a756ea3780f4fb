package io.github.netpol.maven;

import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoExtension;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.parsers.DocumentBuilderFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A goal whose inputs did not change since its last successful run skips; any change of one byte reruns. */
@MojoTest
class IncrementalMojoTest {

    static final String POLICY = """
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

    /**
     * Parameters that do not describe the goal's inputs: skip never runs, force always does, the parse cache
     * changes how files are read and fork which JVM runs the check, never what is found.
     */
    private static final Set<String> NOT_INPUTS = Set.of("skip", "force", "parseCache", "fork");

    /**
     * For every parameter the plugin descriptor lists for a goal, a valid value other than the test POM's. A parameter added to a goal fails {@link #everyParameterOfValidateIsAnInput} until it is
     * given a value here, and then until the goal's settings (and so its digest) include it.
     */
    private Map<String, Object> changedValues() throws Exception {
        write("more/extra.yaml", POLICY.replace("name: api", "name: extra"));
        write("baseline2/policy.yaml", POLICY);
        write("other-accepted.yaml", "accepted: []\n");
        write("chart/Chart.yaml", "apiVersion: v2\nname: chart\nversion: 1.0.0\n");
        write("chart/templates/policy.yaml", POLICY);
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("sources", List.of(new File("src/main/kubernetes"), new File("more")));
        v.put("outputDirectory", project.resolve("target/elsewhere").toFile());
        v.put("formats", List.of("console", "json", "sarif"));
        v.put("defaultNamespace", "other");
        v.put("rules", List.of(new LintRuleSeverity("policy-types-omitted", "off")));
        v.put("ruleSeverities", "policy-types-omitted:warning");
        v.put("failOnSeverity", "warning");
        v.put("podCidrs", List.of("10.244.0.0/16"));
        v.put("serviceCidrs", List.of("10.96.0.0/12"));
        v.put("nodeCidrs", List.of("192.168.0.0/16"));
        v.put("requireIsolation", List.of("none"));
        v.put("requireIsolationDirections", "both");
        v.put("maxPortRange", "2048");
        v.put("minPrefixLengthV4", "4");
        v.put("minPrefixLengthV6", "16");
        v.put("baseline", "dir:baseline2");
        v.put("failIfNoBaseline", "true");
        v.put("accepted", project.resolve("other-accepted.yaml").toFile());
        v.put("failOn", List.of("widening"));
        v.put("namespaceLabels", "any");
        v.put("networkPolicyApiChannel", "experimental");
        v.put("renders", List.of(new RenderConfiguration("chart", "chart")));
        v.put("kustomize", "kubectl");
        v.put("renderTimeout", "30");
        return v;
    }

    /** The editable parameters of a goal, as the plugin descriptor lists them. */
    private static List<String> parameters(String goal) throws Exception {
        var descriptor = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new File("target/classes/META-INF/maven/plugin.xml"));
        NodeList mojos = descriptor.getElementsByTagName("mojo");
        for (int i = 0; i < mojos.getLength(); i++) {
            Element mojo = (Element) mojos.item(i);
            if (!goal.equals(mojo.getElementsByTagName("goal").item(0).getTextContent())) {
                continue;
            }
            List<String> out = new ArrayList<>();
            NodeList params = ((Element) mojo.getElementsByTagName("parameters").item(0)).getElementsByTagName("parameter");
            for (int j = 0; j < params.getLength(); j++) {
                Element p = (Element) params.item(j);
                if (Boolean.parseBoolean(p.getElementsByTagName("editable").item(0).getTextContent())) {
                    out.add(p.getElementsByTagName("name").item(0).getTextContent());
                }
            }
            return out;
        }
        throw new AssertionError("no goal " + goal + " in the plugin descriptor");
    }

    /** Sets one parameter to another value, checks that the goal runs rather than skips, and sets it back. */
    private void assertEveryParameterIsAnInput(AbstractNetpolMojo mojo, String goal) throws Exception {
        Map<String, Object> changed = changedValues();
        List<String> parameters = parameters(goal);
        assertThat(parameters).as("parameters of %s", goal).contains("sources", "formats", "defaultNamespace");
        prepare(mojo);
        mojo.execute();
        for (String parameter : parameters) {
            if (NOT_INPUTS.contains(parameter)) {
                continue;
            }
            assertThat(changed).as("a changed value for the parameter %s of %s (add one above)", parameter, goal)
                    .containsKey(parameter);
            assertThat(runAgain(mojo).skipped()).as("%s unchanged", parameter).isTrue();
            Object original = MojoExtension.getVariableValueFromObject(mojo, parameter);
            MojoExtension.setVariableValueToObject(mojo, parameter, changed.get(parameter));
            assertThat(runAgain(mojo).skipped()).as("%s reruns when %s changes", goal, parameter).isFalse();
            MojoExtension.setVariableValueToObject(mojo, parameter, original);
            runAgain(mojo); // reruns, or skips where the original output directory still holds its record
        }
    }

    private void prepare(AbstractNetpolMojo mojo) {
        mojo.basedir = project.toFile();
        mojo.sources = List.of(new File("src/main/kubernetes"));
        mojo.outputDirectory = project.resolve("target/netpol").toFile();
    }

    /**
     * Runs the goal once more. A failing build ran (a goal fails only after deciding not to skip), so it counts as
     * a run; a bad parameter (a {@code MojoExecutionException}) does not and fails the test.
     */
    private static Captured runAgain(AbstractNetpolMojo mojo) throws Exception {
        Captured log = new Captured();
        mojo.setLog(log);
        try {
            mojo.execute();
        } catch (MojoFailureException e) {
            assertThat(log.skipped()).isFalse();
        }
        return log;
    }

    @Test
    @InjectMojo(goal = "validate", pom = "src/test/resources/unit/incremental/pom.xml")
    void everyParameterOfValidateIsAnInput(ValidateMojo mojo) throws Exception {
        write("src/main/kubernetes/policy.yaml", POLICY);
        assertEveryParameterIsAnInput(mojo, "validate");
    }

    @Test
    @InjectMojo(goal = "check", pom = "src/test/resources/unit/incremental/pom.xml")
    void everyParameterOfCheckIsAnInput(CheckMojo mojo) throws Exception {
        MojoExtension.setVariableValueToObject(mojo, "accepted", project.resolve("netpol-accepted.yaml").toFile());
        write("netpol-accepted.yaml", "accepted: []\n");
        write("src/main/kubernetes/policy.yaml", POLICY);
        write("baseline/policy.yaml", POLICY);
        assertEveryParameterIsAnInput(mojo, "check");
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
