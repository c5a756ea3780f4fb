package io.github.netpol.load;

import io.github.netpol.finding.Finding;

import java.util.List;

/** The documents read from a set of files, and every problem met while reading them. */
public record LoadResult(List<RawDocument> documents, List<Finding> problems) {

    public LoadResult {
        documents = List.copyOf(documents);
        problems = List.copyOf(problems);
    }
}
