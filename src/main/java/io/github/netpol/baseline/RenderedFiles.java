package io.github.netpol.baseline;

import io.github.netpol.load.SourceFile;

import java.util.List;

/**
 * One rendered environment of a baseline: its rendered manifests, and what it was rendered from.
 *
 * @param name         the environment's name
 * @param source       the Kustomize directory or chart it was rendered from, e.g. {@code overlays/prod}
 * @param tool         what rendered it
 * @param inputsDigest SHA-256 of the rendering's inputs (files, settings, tool), as the bundle recorded it
 * @param files        the rendered manifests, each object preceded by where it comes from
 */
public record RenderedFiles(String name, String source, String tool, String inputsDigest, List<SourceFile> files) {

    public RenderedFiles {
        files = List.copyOf(files);
    }
}
