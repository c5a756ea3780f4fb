package io.github.netpol.render;

import java.nio.file.Path;
import java.util.List;

/**
 * One rendered environment.
 *
 * @param spec         what was rendered
 * @param file         the rendered manifests, every object preceded by a comment naming where it comes from
 * @param tool         what rendered it, e.g. {@code kubectl kustomize} or {@code Helm (helm-java 0.0.21)}
 * @param inputsDigest SHA-256 of everything the render read (the files, the settings, the tool)
 * @param reused       whether the output of an earlier render with the same inputs was kept instead of rendering
 * @param notes        what a person should know about it, e.g. hooks left out of a chart
 */
public record RenderedEnvironment(RenderSpec spec, Path file, String tool, String inputsDigest, boolean reused,
                                  List<String> notes) {

    public RenderedEnvironment {
        notes = List.copyOf(notes);
    }

    public String name() {
        return spec.name();
    }
}
