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

    /**
     * The baseline in words, for the HTML and Markdown reports: {@code Baseline: directory previous-release (5 files), chosen by
     * netpol.baseline=dir:previous-release.}
     */
    static String baseline(Map<String, Object> baseline) {
        Map<String, Object> rest = new LinkedHashMap<>(baseline);
        Object description = rest.remove("description");
        Object spec = rest.remove("spec");
        Object files = rest.remove("files");
        StringBuilder line = new StringBuilder("Baseline: ");
        line.append(description != null ? description : spec != null ? spec : "given");
        if (files instanceof Number n) {
            line.append(" (").append(n).append(n.intValue() == 1 ? " file)" : " files)");
        }
        if (spec != null && description != null) {
            line.append(", chosen by netpol.baseline=").append(spec);
        }
        rest.forEach((k, v) -> line.append(", ").append(k).append(' ').append(v));
        return line.append('.').toString();
    }
}
