package io.github.netpol.diff;

import io.github.netpol.finding.Finding;

import java.util.List;

/**
 * The findings of comparing two versions, and the units compared ({@code namespace/direction}),
 * which reports list even when they hold no finding.
 */
public record DiffResult(List<Finding> findings, List<String> units) {

    public DiffResult {
        findings = List.copyOf(findings);
        units = List.copyOf(units);
    }
}
