package io.github.netpol.maven;

import io.github.netpol.load.SourceEnvironments;

/**
 * How the sources are rendered.
 *
 * @param plan           {@code netpol.sources} split into plain sources and renders, with {@code <renders>}
 * @param kustomize      {@code netpol.kustomize}, or {@code null} to find kustomize or kubectl on the PATH
 * @param timeoutSeconds {@code netpol.renderTimeout}
 */
record RenderSettings(SourceEnvironments.Plan plan, String kustomize, int timeoutSeconds) {
}
