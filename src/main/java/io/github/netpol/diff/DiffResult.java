package io.github.netpol.diff;

import io.github.netpol.finding.Finding;

import java.util.List;
import java.util.Map;

/**
 * The findings of comparing two versions, and the units compared ({@code namespace/direction}),
 * which reports list even when they hold no finding.
 *
 * @param objectDigests for each finding about one object ({@link ChangeKind#aboutOneObject}), by finding id, the
 *                      digest of that object, which an acceptance must match
 */
public record DiffResult(List<Finding> findings, List<String> units, Map<String, String> objectDigests) {

    public DiffResult {
        findings = List.copyOf(findings);
        units = List.copyOf(units);
        objectDigests = Map.copyOf(objectDigests);
    }
}
