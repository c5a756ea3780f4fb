package io.github.netpol.model;

import java.util.Map;

/**
 * One Kubernetes object as written (a top-level document or an item of a {@code kind: List}),
 * of any kind: the raw tree that validation walks for unknown fields, with its origin.
 */
public record ManifestObject(String apiVersion, String kind, Map<String, Object> raw, Origin origin) {

    public ManifestObject {
        raw = java.util.Collections.unmodifiableMap(raw);
    }
}
