package io.github.netpol.validate;

import io.github.netpol.finding.Finding;
import io.github.netpol.load.SourceFile;
import io.github.netpol.model.ManifestReader;
import io.github.netpol.model.ManifestSet;
import io.github.netpol.model.KubernetesObjects;
import io.github.netpol.validate.apiserver.ApiServerValidator;

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
        return of(files, defaultNamespace, new KubernetesObjects());
    }

    /** @param objects shared by the reads of one run, also from several threads */
    public static ReadVersion of(List<SourceFile> files, String defaultNamespace, KubernetesObjects objects) {
        ManifestSet set = new ManifestReader(objects).read(files, defaultNamespace);
        return new ReadVersion(set, BlockingErrors.of(set.problems(), new ApiServerValidator(objects).validate(set)));
    }
}
