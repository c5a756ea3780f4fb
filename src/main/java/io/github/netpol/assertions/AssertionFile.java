package io.github.netpol.assertions;

import io.github.netpol.finding.Finding;

import java.util.List;

/** What one assertion file holds: its valid assertions and an error finding for every bad entry. */
public record AssertionFile(String path, List<Assertion> assertions, List<Finding> problems) {

    public AssertionFile {
        assertions = List.copyOf(assertions);
        problems = List.copyOf(problems);
    }
}
