package io.github.netpol.baseline;

import io.github.netpol.load.LoadResult;
import io.github.netpol.load.ManifestLoader;
import io.github.netpol.load.SourceFile;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The old version of the sources that the check compares with.
 *
 * @param spec        the {@code netpol.baseline} form that found it ({@code git:v1.0.0}, {@code release:1.0.0} ...)
 * @param description a person's words for it, e.g. {@code git tag v1.0.0 (3f2a1c9)}
 * @param files       the manifests, paths relative to the project base directory as they were
 * @param cached      the files' documents from a valid {@link BaselineCache} entry, or null to parse them
 * @param onLoaded    given the documents when they were parsed here (to keep them for the next build), or null
 */
public record Baseline(String spec, String description, List<SourceFile> files, LoadResult cached,
                       Consumer<LoadResult> onLoaded) {

    public Baseline {
        files = List.copyOf(files);
    }

    /** A baseline parsed whenever it is read. */
    public Baseline(String spec, String description, List<SourceFile> files) {
        this(spec, description, files, null, null);
    }

    /** The files' documents: from the cache when it had them, else parsed now (and handed to {@code onLoaded}). */
    public LoadResult load() {
        if (cached != null) {
            return cached;
        }
        LoadResult loaded = new ManifestLoader().load(files);
        if (onLoaded != null) {
            onLoaded.accept(loaded);
        }
        return loaded;
    }

    /** The {@code baseline} object of {@code check.json}. */
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("spec", spec);
        m.put("description", description);
        m.put("files", files.size());
        return m;
    }
}
