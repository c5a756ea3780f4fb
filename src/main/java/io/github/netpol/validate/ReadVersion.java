package io.github.netpol.validate;

import io.github.netpol.finding.Finding;
import io.github.netpol.load.LoadResult;
import io.github.netpol.load.ManifestLoader;
import io.github.netpol.load.SourceFile;
import io.github.netpol.model.ManifestReader;
import io.github.netpol.model.ManifestSet;
import io.github.netpol.model.SharedReading;
import io.github.netpol.model.KubernetesObjects;
import io.github.netpol.validate.apiserver.ApiServerValidator;
import io.github.netpol.validate.apiserver.CrdChannel;

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
        return of(files, defaultNamespace, objects, CrdChannel.STANDARD);
    }

    /** @param channel the channel of the Network Policy API CRDs the cluster runs */
    public static ReadVersion of(List<SourceFile> files, String defaultNamespace, KubernetesObjects objects,
                                 CrdChannel channel) {
        return of(files, defaultNamespace, objects, channel, SharedReading.Side.parsesOnly(null));
    }

    /** @param shared what this read shares with the other version's */
    public static ReadVersion of(List<SourceFile> files, String defaultNamespace, KubernetesObjects objects,
                                 CrdChannel channel, SharedReading.Side shared) {
        return of(new ManifestLoader(shared.parsed()).load(files), defaultNamespace, objects, channel, shared);
    }

    /** Documents already loaded (e.g. a baseline's, kept from an earlier build), read and validated here. */
    public static ReadVersion of(LoadResult loaded, String defaultNamespace, KubernetesObjects objects) {
        return of(loaded, defaultNamespace, objects, CrdChannel.STANDARD);
    }

    /** The same, for a channel of the Network Policy API CRDs. */
    public static ReadVersion of(LoadResult loaded, String defaultNamespace, KubernetesObjects objects,
                                 CrdChannel channel) {
        return of(loaded, defaultNamespace, objects, channel, SharedReading.Side.parsesOnly(null));
    }

    /** Documents already loaded, read and validated sharing with the other version's read. */
    public static ReadVersion of(LoadResult loaded, String defaultNamespace, KubernetesObjects objects,
                                 CrdChannel channel, SharedReading.Side shared) {
        ManifestSet set = new ManifestReader(objects).read(loaded, defaultNamespace, shared);
        return new ReadVersion(set, BlockingErrors.of(set.problems(),
                new ApiServerValidator(objects, channel).validate(set, shared)));
    }
}
