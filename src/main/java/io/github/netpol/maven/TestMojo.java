package io.github.netpol.maven;

import io.github.netpol.assertions.AssertionSuite;
import io.github.netpol.finding.Finding;
import io.github.netpol.finding.FindingCode;
import io.github.netpol.load.CollectedSources;
import io.github.netpol.load.SourceCollector;
import io.github.netpol.model.ManifestSet;
import io.github.netpol.report.ReportInput;
import io.github.netpol.validate.BlockingErrors;
import io.github.netpol.validate.ReadVersion;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs the connectivity assertions under {@code src/test/netpol} against the policies of the sources:
 * every assertion is proved over every pod it describes (or only the declared workloads with
 * {@code scope: declared}); a failed one prints a counterexample connection and the policies that
 * decide it. Writes {@code TEST-netpol-test.xml} (one test case per assertion) and fails the build
 * when an assertion fails.
 */
@Mojo(name = "test", defaultPhase = LifecyclePhase.TEST, threadSafe = true)
public class TestMojo extends AbstractAnalysisMojo {

    static final String GOAL = "test";

    /** Directories (read recursively) or files holding the assertion files ({@code *.yaml}, {@code *.yml}). */
    @Parameter(property = "netpol.testSources", defaultValue = "${project.basedir}/src/test/netpol")
    private List<File> testSources;

    /** Skip the assertions, like every test goal ({@code -DskipTests}). */
    @Parameter(property = "skipTests", defaultValue = "false")
    private boolean skipTests;

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        TestSettings settings = new TestSettings(commonSettings(), relativeToBase(testSources), skipTests,
                analysisOptions());
        if (settings.skipTests()) {
            getLog().info("netpol: assertions skipped (skipTests=true)");
            return;
        }
        Path base = baseDirectory();
        SourceCollector collector = sourceCollector();
        List<Path> testPaths = settings.testSources();
        CollectedSources tests = collector.scan(base, testPaths);
        if (tests.files().isEmpty() && tests.problems().isEmpty()) {
            getLog().info("netpol: no assertion files under " + testPaths + "; nothing to test");
            return;
        }
        CollectedSources collected = collector.scan(base, settings.common().sources());
        String namespace = settings.common().defaultNamespace();
        // what validate read in this build, if it did; else read here and leave it for check
        ReadVersion read = CurrentVersionHandOver.peek(project, collected.files(), namespace).orElseGet(() -> {
            ReadVersion own = ReadVersion.of(collected.files(), namespace);
            CurrentVersionHandOver.offer(project, collected.files(), namespace, own);
            return own;
        });
        ManifestSet set = read.set();
        List<Finding> invalid = BlockingErrors.of(collected.problems(), read.blockingErrors());
        if (!invalid.isEmpty()) {
            // assertions proved against manifests the API server would reject prove nothing: fail closed
            String summary = "netpol test: FAILED, the sources have " + invalid.size() + " error(s); run netpol:validate";
            report(new ReportInput(GOAL, false, invalid, Map.of(), summary, repositoryPrefix(), List.of()));
            throw new MojoFailureException(summary);
        }
        List<Finding> findings = new ArrayList<>(tests.problems());
        AssertionSuite.Outcome outcome = new AssertionSuite().run(set, settings.analysis(), tests.files());
        findings.addAll(outcome.findings());
        boolean passed = tests.problems().isEmpty() && outcome.passed();
        String summary = outcome.summary(tests.files().size());
        report(new ReportInput(GOAL, passed, findings, Map.of(), summary, repositoryPrefix(), outcome.units()));
        if (!passed) {
            throw new MojoFailureException(summary + "; each failed assertion above shows a counterexample connection"
                    + " and the policies that decide it");
        }
    }

    /** The JUnit XML is what a test goal is for: always written. */
    @Override
    protected List<String> formats() {
        List<String> out = new ArrayList<>(super.formats());
        if (out.stream().noneMatch(f -> f.trim().equalsIgnoreCase("junit"))) {
            out.add("junit");
        }
        return out;
    }

    /** A passing assertion is counted in the summary; only failures get a line, so a green build stays quiet. */
    @Override
    protected boolean onConsole(Finding finding) {
        return finding.code() != FindingCode.ASSERTION_PASSED;
    }
}
