package io.github.netpol.maven;

import io.github.netpol.validate.apiserver.CrdChannel;

import java.nio.file.Path;
import java.util.List;

/**
 * The parameters every goal shares, parsed.
 *
 * @param sources          {@code netpol.sources}, relative to the base directory where they lie inside it
 * @param outputDirectory  {@code netpol.outputDirectory}, absolute
 * @param formats          {@code netpol.formats}, or the goal's default when it is not set
 * @param defaultNamespace {@code netpol.defaultNamespace}, a valid namespace name
 * @param render           {@code <renders>}, {@code netpol.kustomize}, {@code netpol.renderTimeout}, and which
 *                         sources are rendered
 * @param channel          {@code netpol.networkPolicyApiChannel}: the CRDs' channel the manifests are validated against
 */
record CommonSettings(List<Path> sources, Path outputDirectory, List<String> formats, String defaultNamespace,
                      RenderSettings render, CrdChannel channel) {

    CommonSettings {
        sources = List.copyOf(sources);
        formats = List.copyOf(formats);
    }
}
