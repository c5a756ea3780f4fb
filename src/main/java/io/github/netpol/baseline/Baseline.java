package io.github.netpol.baseline;

import io.github.netpol.load.LoadResult;
import io.github.netpol.load.ManifestLoader;
import io.github.netpol.load.ParsedFiles;
import io.github.netpol.load.SourceFile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The old version of the sources that the check compares with.
 *
 * @param spec         the {@code netpol.baseline} form that found it ({@code git:v1.0.0}, {@code release:1.0.0} ...)
 * @param description  a person's words for it, e.g. {@code git tag v1.0.0 (3f2a1c9)}
 * @param files        the plain manifests, paths relative to the project base directory as they were
 * @param environments the rendered environments, each with its rendered manifests
 * @param cached       the plain manifests' documents from a valid {@link BaselineCache} entry, or null to parse them
 * @param cacheSlot    where a released bundle's documents are kept ({@code cached} came from there, or a clean load
 *                     of {@code files} is kept there), or null
 */
public record Baseline(String spec, String description, List<SourceFile> files, List<RenderedFiles> environments,
                       LoadResult cached, BaselineCache.Slot cacheSlot) {

    public Baseline {
        files = List.copyOf(files);
        environments = List.copyOf(environments);
    }

    /** A baseline of plain manifests. */
    public Baseline(String spec, String description, List<SourceFile> files) {
        this(spec, description, files, List.of());
    }

    /** A baseline parsed whenever it is read. */
    public Baseline(String spec, String description, List<SourceFile> files, List<RenderedFiles> environments) {
        this(spec, description, files, environments, null, null);
    }

    /** The same baseline with these rendered environments. */
    public Baseline withEnvironments(List<RenderedFiles> rendered) {
        return new Baseline(spec, description, files, rendered, cached, cacheSlot);
    }

    /**
     * The plain manifests' documents: from the cache when it had them, else parsed now (and kept in the cache
     * slot).
     */
    public LoadResult load() {
        return load(null);
    }

    /** The same, taking files of the same content from {@code parsed} (this run's other version), when not null. */
    public LoadResult load(ParsedFiles parsed) {
        if (cached != null) {
            return cached;
        }
        LoadResult loaded = new ManifestLoader(parsed).load(files);
        if (cacheSlot != null) {
            cacheSlot.store(files, loaded);
        }
        return loaded;
    }

    /** A rendered environment of the baseline, by name. */
    public Optional<RenderedFiles> environment(String name) {
        return environments.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    /** The plain manifests and every environment's rendered ones. */
    public List<SourceFile> allFiles() {
        List<SourceFile> out = new ArrayList<>(files);
        environments.forEach(e -> out.addAll(e.files()));
        return out;
    }

    /** The {@code baseline} object of {@code check.json}. */
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("spec", spec);
        m.put("description", description);
        m.put("files", files.size());
        if (!environments.isEmpty()) {
            m.put("environments", environments.stream().map(RenderedFiles::name).toList());
        }
        return m;
    }
}
