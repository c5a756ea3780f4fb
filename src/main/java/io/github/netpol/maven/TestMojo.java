package io.github.netpol.maven;

import io.github.netpol.assertions.AssertionResult;
import io.github.netpol.assertions.AssertionSuite;
import io.github.netpol.finding.Finding;
import io.github.netpol.finding.FindingCode;
import io.github.netpol.load.CollectedSources;
import io.github.netpol.load.SourceCollector;
import io.github.netpol.model.KubernetesObjects;
import io.github.netpol.load.SourceEnvironment;
import io.github.netpol.load.SourceFile;
import io.github.netpol.model.ManifestSet;
import io.github.netpol.report.ReportInput;
import io.github.netpol.validate.BlockingErrors;
import io.github.netpol.validate.ReadVersion;
import io.github.netpol.validate.apiserver.CrdChannel;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
        List<SourceEnvironment> environments = environments(settings.common());
        String namespace = settings.common().defaultNamespace();
        CrdChannel channel = settings.common().channel();
        List<Finding> invalid = new ArrayList<>();
        List<ManifestSet> sets = new ArrayList<>();
        for (SourceEnvironment env : environments) {
            // what validate read in this build, if it did; else read here and leave it for check
            ReadVersion read = CurrentVersionHandOver.peek(project, env.files(), namespace, channel).orElseGet(() -> {
                ReadVersion own = ReadVersion.of(env.files(), namespace, new KubernetesObjects(), channel);
                CurrentVersionHandOver.offer(project, env.files(), namespace, channel, own);
                return own;
            });
            sets.add(read.set());
            invalid.addAll(env.annotate(BlockingErrors.of(env.sources().problems(), read.blockingErrors())));
        }
        if (!invalid.isEmpty()) {
            // assertions proved against manifests the API server would reject prove nothing: fail closed
            String summary = "netpol test: FAILED, the sources have " + invalid.size() + " error(s); run netpol:validate";
            report(new ReportInput(GOAL, false, invalid, Map.of(), summary, repositoryPrefix(), List.of()));
            throw new MojoFailureException(summary);
        }
        List<Finding> findings = new ArrayList<>(tests.problems());
        List<AssertionResult> results = new ArrayList<>();
        List<String> units = new ArrayList<>();
        for (int i = 0; i < environments.size(); i++) {
            SourceEnvironment env = environments.get(i);
            List<SourceFile> files = testFilesOf(env, environments, tests.files(), testPaths);
            AssertionSuite.Outcome outcome = new AssertionSuite().run(sets.get(i), settings.analysis(), files);
            findings.addAll(env.annotate(outcome.findings()));
            results.addAll(outcome.results());
            outcome.units().forEach(u -> units.add(SourceEnvironment.unit(env.name(), u)));
        }
        AssertionSuite.Outcome all = new AssertionSuite.Outcome(results, findings, units);
        boolean passed = tests.problems().isEmpty() && all.passed();
        String summary = all.summary(tests.files().size()) + SourceEnvironment.summaryText(environments);
        report(new ReportInput(GOAL, passed, findings, Map.of(), summary, repositoryPrefix(), units));
        if (!passed) {
            throw new MojoFailureException(summary + "; each failed assertion above shows a counterexample connection"
                    + " and the policies that decide it");
        }
    }

    /**
     * The assertion files of one environment: a file in a directory named after a rendered environment
     * ({@code src/test/netpol/prod/...}) holds for that environment only, every other file for every environment.
     */
    static List<SourceFile> testFilesOf(SourceEnvironment env, List<SourceEnvironment> environments,
                                        List<SourceFile> files, List<Path> testPaths) {
        Set<String> names = new HashSet<>();
        environments.forEach(e -> {
            if (e.name() != null) {
                names.add(e.name());
            }
        });
        List<SourceFile> out = new ArrayList<>();
        for (SourceFile f : files) {
            String owner = null;
            for (Path root : testPaths) {
                String prefix = root.toString().replace('\\', '/') + "/";
                if (f.path().startsWith(prefix)) {
                    String rest = f.path().substring(prefix.length());
                    int slash = rest.indexOf('/');
                    if (slash > 0 && names.contains(rest.substring(0, slash))) {
                        owner = rest.substring(0, slash);
                    }
                }
            }
            if (owner == null || owner.equals(env.name())) {
                out.add(f);
            }
        }
        return out;
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
