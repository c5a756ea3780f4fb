package io.github.netpol.gate;

import io.github.netpol.finding.Finding;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of the check.
 *
 * @param baseline the {@code baseline} object of the reports (empty when there was none)
 * @param units    {@code namespace/direction} sides compared
 */
public record CheckResult(boolean passed, List<Finding> findings, Map<String, Object> baseline, List<String> units,
                          String summary) {

    public CheckResult {
        findings = List.copyOf(findings);
        // in the order the baseline describes itself: the reports write it as it comes
        baseline = Collections.unmodifiableMap(new LinkedHashMap<>(baseline));
        units = List.copyOf(units);
    }
}
