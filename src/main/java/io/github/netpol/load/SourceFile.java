package io.github.netpol.load;

/**
 * One input file, read from disk, a git tree or a bundle: its path relative to the project base
 * directory (forward slashes; this is what every finding prints) and its bytes.
 *
 * @param digest the SHA-256 of the bytes, computed on first use (see {@link #sha256()}); not part of the file's value
 */
public record SourceFile(String path, byte[] content, Derived<byte[]> digest) {

    public SourceFile(String path, byte[] content) {
        this(path, content, new Derived<>());
    }

    /**
     * The SHA-256 of the bytes, computed once: the input digest and the parse cache both key by it. The bytes must
     * not change after the file is made (no one writes into them).
     */
    public byte[] sha256() {
        return digest.get(() -> SealedFiles.sha256().digest(content));
    }
}
