package io.github.netpol.model;

import io.github.netpol.finding.SourcePosition;

/**
 * Where an object came from: its file (relative to the project base directory, forward slashes),
 * its 0-based document index in that file (items of a {@code kind: List} get a pointer prefix),
 * and the positions of its fields.
 *
 * @param pointerPrefix JSON pointer of the object inside its document: {@code ""} for a top-level
 *                      object, {@code /items/3} for an item of a List
 */
public record Origin(String file, int documentIndex, String pointerPrefix, SourceMap sourceMap) {

    /** Position of a field of this object, e.g. {@code at("/spec/podSelector")}. */
    public SourcePosition at(String pointer) {
        return sourceMap.at(pointerPrefix + pointer);
    }

    public SourcePosition start() {
        return sourceMap.at(pointerPrefix);
    }
}
