package io.github.netpol.validate;

import io.github.netpol.finding.Finding;
import io.github.netpol.load.SourceFile;
import io.github.netpol.model.ManifestReader;
import io.github.netpol.model.ManifestSet;

import java.util.List;

/**
 * One version of the manifests, read, with the errors that keep it from being analysed (what loading
 * refused and what the API server would reject). {@code validate} produces it on the way; {@code check}
 * can reuse it instead of reading the same files again.
 */
public record ReadVersion(ManifestSet set, List<Finding> blockingErrors) {

    public ReadVersion {
        blockingErrors = List.copyOf(blockingErrors);
    }

    public static ReadVersion of(List<SourceFile> files, String defaultNamespace) {
        ManifestSet set = new ManifestReader().read(files, defaultNamespace);
        return new ReadVersion(set, BlockingErrors.of(List.of(), set));
    }
}
