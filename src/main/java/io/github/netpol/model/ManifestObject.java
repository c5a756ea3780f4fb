package io.github.netpol.model;

import io.github.netpol.load.CompactMap;

import java.util.Collections;
import java.util.Map;

/**
 * One Kubernetes object as written (a top-level document or an item of a {@code kind: List}),
 * of any kind: the raw tree that validation walks for unknown fields, with its origin.
 */
public record ManifestObject(String apiVersion, String kind, Map<String, Object> raw, Origin origin) {

    public ManifestObject {
        // maps read from YAML are immutable already; wrapping them would only add an object per manifest
        raw = raw instanceof CompactMap ? raw : Collections.unmodifiableMap(raw);
    }

    /** The same object read from a file of the same content elsewhere. */
    public ManifestObject withOrigin(Origin other) {
        return new ManifestObject(apiVersion, kind, raw, other);
    }
}
