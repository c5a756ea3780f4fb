package io.github.netpol.model;

import java.util.Map;

/**
 * A declared Namespace. {@code labels} are the labels as declared plus
 * {@code kubernetes.io/metadata.name=<name>}, which the control plane always sets.
 */
public record NamespaceManifest(String name, Map<String, String> labels, Origin origin) {
    public static final String NAME_LABEL = "kubernetes.io/metadata.name";

    public NamespaceManifest {
        labels = Map.copyOf(labels);
    }
}
