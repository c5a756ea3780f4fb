package io.github.netpol.report;

import io.github.netpol.finding.Finding;
import io.github.netpol.finding.Severity;

import java.util.ArrayList;
import java.util.List;

/** The console form of a run: one line a finding ({@code file:line:column: severity: message [id]}), then the summary. */
public final class ConsoleFormatter {

    public List<String> lines(ReportInput input) {
        List<String> lines = new ArrayList<>();
        input.findings().forEach(f -> lines.add(f.consoleLine()));
        lines.add(input.summary());
        return lines;
    }

    /** E.g. {@code netpol validate: FAILED, 2 errors, 1 warning in 5 files}. */
    public static String summary(String goal, List<Finding> findings, int files) {
        long errors = count(findings, Severity.ERROR);
        long warnings = count(findings, Severity.WARNING);
        boolean passed = errors == 0;
        return "netpol " + goal + ": " + (passed ? "passed" : "FAILED") + ", " + plural(errors, "error") + ", "
                + plural(warnings, "warning") + " in " + plural(files, "file");
    }

    private static long count(List<Finding> findings, Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity && !f.accepted()).count();
    }

    private static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
