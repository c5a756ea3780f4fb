package io.github.netpol.load;

/**
 * One input file, read from disk, a git tree or a bundle: its path relative to the project base
 * directory (forward slashes; this is what every finding prints) and its bytes.
 */
public record SourceFile(String path, byte[] content) {
}
