package io.github.netpol.finding;

/**
 * A place in a manifest: the file (relative to the project base directory, with forward slashes),
 * and a 1-based line and column.
 */
public record SourcePosition(String file, int line, int column) {

    public static SourcePosition ofFile(String file) {
        return new SourcePosition(file, 1, 1);
    }

    /** {@code file:line:column}, the form IDEs turn into a link. */
    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
