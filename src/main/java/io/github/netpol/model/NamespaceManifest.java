package io.github.netpol.model;

import java.util.Map;

/**
 * A declared Namespace. {@code labels} are the labels as declared plus
 * {@code kubernetes.io/metadata.name=<name>}, which the control plane always sets.
 * {@code annotations} are kept because lint suppressions ({@code netpol.io/ignore}) live there.
 */
public record NamespaceManifest(String name, Map<String, String> labels, Map<String, String> annotations,
                                Origin origin) {
    public static final String NAME_LABEL = "kubernetes.io/metadata.name";

    public NamespaceManifest {
        labels = Map.copyOf(labels);
        annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
    }

    /** The same namespace read from a file of the same content elsewhere. */
    public NamespaceManifest withOrigin(Origin other) {
        return new NamespaceManifest(name, labels, annotations, other);
    }

    /** A namespace without annotations. */
    public NamespaceManifest(String name, Map<String, String> labels, Origin origin) {
        this(name, labels, Map.of(), origin);
    }
}
