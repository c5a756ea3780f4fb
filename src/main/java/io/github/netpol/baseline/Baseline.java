package io.github.netpol.baseline;

import io.github.netpol.load.SourceFile;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The old version of the sources that the check compares with.
 *
 * @param spec        the {@code netpol.baseline} form that found it ({@code git:v1.0.0}, {@code release:1.0.0} ...)
 * @param description a person's words for it, e.g. {@code git tag v1.0.0 (3f2a1c9)}
 * @param files       the manifests, paths relative to the project base directory as they were
 */
public record Baseline(String spec, String description, List<SourceFile> files) {

    public Baseline {
        files = List.copyOf(files);
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
