package io.github.netpol.load;

import io.github.netpol.finding.Finding;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link SourceCollector} found.
 *
 * @param files    readable manifest files, in stable order
 * @param missing  configured sources that do not exist (the Mojo warns; nothing to guard is not an error)
 * @param problems files refused before reading, e.g. too large
 */
public record CollectedSources(List<SourceFile> files, List<Path> missing, List<Finding> problems) {

    public CollectedSources {
        files = List.copyOf(files);
        missing = List.copyOf(missing);
        problems = List.copyOf(problems);
    }
}
