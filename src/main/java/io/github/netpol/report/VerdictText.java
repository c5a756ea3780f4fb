package io.github.netpol.report;

import io.github.netpol.finding.Finding;
import io.github.netpol.finding.Severity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The verdict as people read it: {@code netpol check failed: 2 widenings}, {@code netpol check passed: 1 warning}. */
final class VerdictText {

    private VerdictText() {
    }

    static List<Finding> open(ReportInput input) {
        return input.findings().stream().filter(f -> !f.accepted()).toList();
    }

    static List<Finding> blocking(ReportInput input) {
        return open(input).stream().filter(f -> f.severity() == Severity.ERROR).toList();
    }

    static String headline(ReportInput input) {
        String head = "netpol " + input.goal() + (input.passed() ? " passed" : " failed");
        String counts = input.passed() ? severityCounts(open(input)) : blockingCounts(blocking(input));
        return counts.isEmpty() ? head : head + ": " + counts;
    }

    private static String blockingCounts(List<Finding> blocking) {
        Map<String, Integer> byNoun = new LinkedHashMap<>();
        for (Finding f : blocking) {
            byNoun.merge(noun(f.kind()), 1, Integer::sum);
        }
        return byNoun.entrySet().stream()
                .map(e -> count(e.getValue(), e.getKey()))
                .collect(Collectors.joining(", "));
    }

    private static String noun(String kind) {
        if (kind.startsWith("WIDENED_")) {
            return "widening";
        }
        if (kind.equals("ISOLATION_DROPPED")) {
            return "dropped isolation";
        }
        return "error";
    }

    private static String severityCounts(List<Finding> open) {
        List<String> parts = new ArrayList<>();
        for (Severity severity : Severity.values()) {
            long n = open.stream().filter(f -> f.severity() == severity).count();
            if (n > 0) {
                parts.add(count(n, severity == Severity.INFO ? "note" : severity.label()));
            }
        }
        return String.join(", ", parts);
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
