package io.github.netpol.gate;

import io.github.netpol.finding.Finding;

import java.util.List;

/** The check's verdict, with every finding marked (accepted, severity) and the notes on the accepted file. */
public record GateResult(boolean passed, List<Finding> findings) {

    public GateResult {
        findings = List.copyOf(findings);
    }

    public long failing() {
        return findings.stream().filter(Gate::failsBuild).count();
    }

    public long accepted() {
        return findings.stream().filter(Finding::accepted).count();
    }
}
