package io.github.netpol.assertions;

import io.github.netpol.analysis.AnalysisOptions;
import io.github.netpol.finding.Finding;
import io.github.netpol.finding.FindingCode;
import io.github.netpol.finding.Severity;
import io.github.netpol.load.SourceFile;
import io.github.netpol.model.ManifestSet;
import io.github.netpol.model.WorkloadManifest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Runs every assertion file against one version of the sources: reading problems and failed
 * assertions become error findings (a failed assertion's finding has the assertion's name as id
 * and its entry as location, so a report can make one test case of each), passed ones info findings.
 */
public final class AssertionSuite {

    /**
     * @param results  one result per valid assertion, in file order
     * @param findings reading problems, then one finding per assertion
     * @param units    the names of the assertions, one test case each
     */
    public record Outcome(List<AssertionResult> results, List<Finding> findings, List<String> units) {
        public Outcome {
            results = List.copyOf(results);
            findings = List.copyOf(findings);
            units = List.copyOf(units);
        }

        public boolean passed() {
            return findings.stream().noneMatch(f -> f.severity() == Severity.ERROR);
        }

        /** E.g. {@code netpol test: FAILED, 1 of 4 assertions failed, 1 file problem}. */
        public String summary(int files) {
            long failed = results.stream().filter(r -> !r.passed()).count();
            long problems = findings.stream().filter(f -> f.code() == FindingCode.ASSERTION_FILE).count();
            return "netpol test: " + (passed() ? "passed" : "FAILED") + ", " + failed + " of " + results.size()
                    + " assertion" + (results.size() == 1 ? "" : "s") + " failed"
                    + (problems == 0 ? "" : ", " + problems + " problem" + (problems == 1 ? "" : "s") + " in the assertion files")
                    + " (" + files + " file" + (files == 1 ? "" : "s") + ")";
        }
    }

    public Outcome run(ManifestSet set, AnalysisOptions options, List<SourceFile> assertionFiles) {
        AssertionReader reader = new AssertionReader(set.workloads().stream().map(WorkloadManifest::id)
                .collect(Collectors.toSet()));
        List<Finding> problems = new ArrayList<>();
        List<Assertion> assertions = new ArrayList<>();
        for (SourceFile file : assertionFiles) {
            AssertionFile read = reader.read(file.path(), new String(file.content(), StandardCharsets.UTF_8));
            problems.addAll(read.problems());
            assertions.addAll(read.assertions());
        }
        AssertionChecker checker = new AssertionChecker(set, options);
        List<AssertionResult> results = new ArrayList<>();
        List<Finding> findings = new ArrayList<>(problems);
        for (Assertion a : assertions) {
            AssertionResult r = checker.check(a);
            results.add(r);
            findings.add(finding(r));
        }
        return new Outcome(results, findings, assertions.stream().map(Assertion::name).toList());
    }

    private static Finding finding(AssertionResult r) {
        Assertion a = r.assertion();
        String message = r.passed() ? "'" + a.name() + "' passed (" + a.expect().label() + ": " + a.describe() + ")"
                : r.message();
        FindingCode code = r.passed() ? FindingCode.ASSERTION_PASSED : FindingCode.ASSERTION_FAILED;
        return Finding.of(code, message).withId(code.findingId(a.name())).at(a.location())
                .withWitness(r.counterexample(), null);
    }
}
