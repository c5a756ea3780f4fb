package io.github.netpol.render;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the objects of rendered files come from, read back from the comments the render put before each of them
 * ({@code # Source: ...} and {@code # Patched by: ...}; Helm writes the first itself). Kept in the files rather
 * than beside them, so a release bundle and a git baseline carry the same information as a fresh render.
 */
public final class RenderedOrigins {

    private static final String SOURCE = "# Source: ";
    private static final String PATCHED = "# Patched by: ";

    /** One document of a rendered file: its lines (1-based, inclusive) and what the comments before it say. */
    private record Span(int first, int last, String source, List<String> patches) {
    }

    private final Map<String, List<Span>> byFile = new HashMap<>();

    /** Reads the comments of a rendered file; a file without them adds nothing. */
    public RenderedOrigins add(String path, String text) {
        List<Span> spans = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        int start = 1;
        String source = null;
        List<String> patches = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.equals("---") || line.startsWith("--- ")) {
                close(spans, start, i, source, patches);
                start = i + 2;
                source = null;
                patches = new ArrayList<>();
            } else if (line.startsWith(SOURCE)) {
                source = line.substring(SOURCE.length()).strip();
            } else if (line.startsWith(PATCHED)) {
                patches.add(line.substring(PATCHED.length()).strip());
            }
        }
        close(spans, start, lines.length, source, patches);
        if (!spans.isEmpty()) {
            byFile.put(path, spans);
        }
        return this;
    }

    private static void close(List<Span> spans, int first, int last, String source, List<String> patches) {
        if (source != null || !patches.isEmpty()) {
            spans.add(new Span(first, last, source, List.copyOf(patches)));
        }
    }

    /**
     * Where the object at a line of a rendered file comes from, as messages say it: {@code from base/np.yaml:9,
     * patched by overlays/prod/patch.yaml (patches[0] of overlays/prod/kustomization.yaml)}.
     */
    public Optional<String> at(String file, int line) {
        for (Span s : byFile.getOrDefault(file, List.of())) {
            if (line >= s.first() && line <= s.last()) {
                StringBuilder out = new StringBuilder("from ").append(s.source() == null ? "an unknown source" : s.source());
                if (!s.patches().isEmpty()) {
                    out.append(", patched by ").append(String.join(" and ", s.patches()));
                }
                return Optional.of(out.toString());
            }
        }
        return Optional.empty();
    }
}
