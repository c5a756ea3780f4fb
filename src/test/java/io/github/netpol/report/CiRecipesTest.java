package io.github.netpol.report;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's CI recipes are pasted as they are, so each is checked against the plugin: the YAML ones parsed
 * with SnakeYAML, the Jenkinsfile read as text. Every {@code -Dnetpol.*} must be a parameter of the plugin (its
 * generated descriptor), every format a known one, and every report path or pattern must match a file the
 * plugin's writers actually write for that command, under the default output directory.
 */
class CiRecipesTest {

    private static final Path README = Path.of("README.md");
    private static final Path DESCRIPTOR = Path.of("target/classes/META-INF/maven/plugin.xml");

    private static String readme;
    private static String descriptor;

    @TempDir
    Path project;

    @BeforeAll
    static void read() throws IOException {
        readme = Files.readString(README, StandardCharsets.UTF_8);
        descriptor = Files.readString(DESCRIPTOR, StandardCharsets.UTF_8);
    }

    /** The first fenced block of a language after a README heading. */
    private static String block(String heading, String language) {
        int at = readme.indexOf("\n" + heading + "\n");
        assertThat(at).as("README has the heading %s", heading).isNotNegative();
        int start = readme.indexOf("```" + language + "\n", at);
        int next = readme.indexOf("\n#", at + heading.length() + 2);
        assertThat(start).as("a ```%s block under %s", language, heading).isPositive().isLessThan(next);
        start += language.length() + 4;
        return readme.substring(start, readme.indexOf("```\n", start));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> yaml(String text) {
        return (Map<String, Object>) new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
    }

    @SuppressWarnings("unchecked")
    private static <T> T at(Object tree, String... keys) {
        Object node = tree;
        for (String key : keys) {
            assertThat(node).as("a map holding %s", key).isInstanceOf(Map.class);
            node = ((Map<String, Object>) node).get(key);
        }
        return (T) node;
    }

    /**
     * Checks a Maven command line against the plugin and writes, as the build would, the reports of a failing
     * validate and check to the default output directory under {@link #project}.
     *
     * @return the formats the command asks for
     */
    private List<String> runAsTheBuildWould(String command, Map<String, String> environment) throws IOException {
        assertThat(command).as("a Maven build that runs the gate").matches("(mvn|\\./mvnw) .*\\bverify\\b.*");
        Set<String> known = new TreeSet<>();
        Matcher expression = Pattern.compile("\\$\\{(netpol\\.[A-Za-z.]+)}").matcher(descriptor);
        while (expression.find()) {
            known.add(expression.group(1));
        }
        List<String> formats = List.of("console", "json", "markdown", "sarif");
        Matcher property = Pattern.compile("-D(netpol\\.[A-Za-z.]+)(?:=(\\S+))?").matcher(command);
        while (property.find()) {
            assertThat(known).as("-D%s is a parameter of the plugin", property.group(1)).contains(property.group(1));
            if (property.group(1).equals("netpol.formats")) {
                formats = Arrays.asList(property.group(2).split(","));
            }
        }
        assertThat(descriptor).as("reports go to target/netpol unless told otherwise")
                .contains("default-value=\"${project.build.directory}/netpol\">${netpol.outputDirectory}</outputDirectory>");
        Path output = project.resolve("target/netpol");
        List<ReportWriter> writers = ReportWriters.standard("1.0.0", environment::get).select(formats);
        for (ReportInput input : List.of(ReportFixtures.hostileValidate(), ReportFixtures.failingCheck())) {
            for (ReportWriter writer : writers) {
                writer.write(input, output);
            }
        }
        return formats;
    }

    /** Files under {@link #project} that a CI glob (relative to the workspace) matches. */
    private List<String> matching(String glob) throws IOException {
        String pattern = glob.endsWith("/") ? glob + "**" : glob;
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(project)) {
            files.filter(Files::isRegularFile).map(project::relativize)
                    .filter(p -> matcher.matches(p) || Files.isDirectory(project.resolve(glob)) && p.startsWith(glob))
                    .forEach(p -> out.add(p.toString().replace('\\', '/')));
        }
        return out;
    }

    @Test
    void gitHubActionsChecksOutTheHistoryCachesMavenUploadsSarifAndWritesTheStepSummary() throws IOException {
        Map<String, Object> workflow = yaml(block("#### GitHub Actions", "yaml"));
        Map<String, Object> jobs = at(workflow, "jobs");
        assertThat(jobs).hasSize(1);
        Map<String, Object> job = (Map<String, Object>) jobs.values().iterator().next();
        assertThat((Object) at(job, "permissions", "security-events")).isEqualTo("write");
        List<Map<String, Object>> steps = at(job, "steps");

        Map<String, Object> checkout = step(steps, "actions/checkout@");
        assertThat((Object) at(checkout, "with", "fetch-depth")).as("the whole history, for git baselines").isEqualTo(0);
        Map<String, Object> cache = step(steps, "actions/cache@");
        assertThat((String) at(cache, "with", "path")).startsWith("~/.m2");
        assertThat(steps.indexOf(cache)).as("restored before the build").isLessThan(indexOfRun(steps));

        Path summary = project.resolve("step-summary.md");
        String command = (String) steps.get(indexOfRun(steps)).get("run");
        List<String> formats = runAsTheBuildWould(command, Map.of(MarkdownReportWriter.STEP_SUMMARY, summary.toString()));
        assertThat(formats).as("markdown makes the step summary").contains("markdown");
        assertThat(Files.readString(summary)).contains("netpol validate failed").contains("netpol check failed");

        Map<String, Object> upload = step(steps, "github/codeql-action/upload-sarif@");
        assertThat(upload.get("if")).as("uploaded when the gate fails too").isEqualTo("always()");
        assertThat(steps.indexOf(upload)).isGreaterThan(indexOfRun(steps));
        // given a directory, the action uploads the .sarif files in it
        assertThat(matching(at(upload, "with", "sarif_file")).stream().filter(f -> f.endsWith(".sarif"))).containsExactlyInAnyOrder(
                "target/netpol/validate.sarif", "target/netpol/check.sarif");
    }

    @Test
    void gitLabCiKeepsTheHistoryAndPublishesJUnitAndTheReports() throws IOException {
        Map<String, Object> pipeline = yaml(block("#### GitLab CI", "yaml"));
        assertThat(pipeline).hasSize(1);
        Map<String, Object> job = (Map<String, Object>) pipeline.values().iterator().next();
        assertThat(String.valueOf((Object) at(job, "variables", "GIT_DEPTH"))).as("no shallow clone").isEqualTo("0");
        String repoLocal = ((String) at(job, "variables", "MAVEN_OPTS")).replaceAll(".*-Dmaven\\.repo\\.local=\\$CI_PROJECT_DIR/(\\S+).*", "$1");
        assertThat((List<String>) at(job, "cache", "paths")).as("the cache holds the local repository").contains(repoLocal);

        List<String> script = at(job, "script");
        assertThat(script).hasSize(1);
        List<String> formats = runAsTheBuildWould(script.get(0), Map.of());
        assertThat(formats).contains("junit");

        assertThat((Object) at(job, "artifacts", "when")).isEqualTo("always");
        for (String path : (List<String>) at(job, "artifacts", "paths")) {
            assertThat(matching(path)).as(path).contains("target/netpol/check.json", "target/netpol/report.html");
        }
        assertThat(matching(at(job, "artifacts", "reports", "junit")))
                .containsExactlyInAnyOrder("target/netpol/TEST-netpol-validate.xml", "target/netpol/TEST-netpol-check.xml");
    }

    @Test
    void jenkinsRecordsJUnitAndTheSarifFindings() throws IOException {
        String jenkinsfile = block("#### Jenkins", "groovy");
        assertThat(jenkinsfile.chars().filter(c -> c == '{').count()).as("balanced braces")
                .isEqualTo(jenkinsfile.chars().filter(c -> c == '}').count());
        assertThat(jenkinsfile).startsWith("pipeline {").contains("post {").contains("always {");

        Matcher sh = Pattern.compile("sh '([^']+)'").matcher(jenkinsfile);
        assertThat(sh.find()).as("a sh step").isTrue();
        List<String> formats = runAsTheBuildWould(sh.group(1), Map.of());
        assertThat(formats).contains("junit", "sarif");

        Matcher junit = Pattern.compile("junit testResults: '([^']+)'").matcher(jenkinsfile);
        assertThat(junit.find()).as("a junit step").isTrue();
        assertThat(matching(junit.group(1)))
                .containsExactlyInAnyOrder("target/netpol/TEST-netpol-validate.xml", "target/netpol/TEST-netpol-check.xml");
        Matcher sarif = Pattern.compile("recordIssues tool: sarif\\(pattern: '([^']+)'\\)").matcher(jenkinsfile);
        assertThat(sarif.find()).as("recordIssues with the sarif tool").isTrue();
        assertThat(matching(sarif.group(1))).containsExactlyInAnyOrder(
                "target/netpol/validate.sarif", "target/netpol/check.sarif");
        Matcher archive = Pattern.compile("archiveArtifacts artifacts: '([^']+)'").matcher(jenkinsfile);
        assertThat(archive.find()).isTrue();
        assertThat(matching(archive.group(1))).contains("target/netpol/report.html", "target/netpol/check.json");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> step(List<Map<String, Object>> steps, String uses) {
        return steps.stream().filter(s -> String.valueOf(s.get("uses")).startsWith(uses)).findFirst()
                .orElseThrow(() -> new AssertionError("no step uses " + uses));
    }

    private static int indexOfRun(List<Map<String, Object>> steps) {
        for (int i = 0; i < steps.size(); i++) {
            if (String.valueOf(steps.get(i).get("run")).contains("verify")) {
                return i;
            }
        }
        throw new AssertionError("no step runs mvn verify");
    }

}
