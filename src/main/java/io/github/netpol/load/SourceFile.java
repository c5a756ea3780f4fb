package io.github.netpol.load;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

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

    /**
     * Computes the SHA-256 of each file, once per distinct content: the two versions a comparison reads are mostly
     * the same files, and in a fresh JVM the hash is slow (measured at 10,000 policies: 0.24 s for both versions).
     * A file with the bytes of one met before takes that one's digest.
     */
    public static void hashOnce(Collection<SourceFile> files) {
        Map<ContentKey, SourceFile> first = new HashMap<>();
        for (SourceFile file : files) {
            SourceFile twin = first.putIfAbsent(new ContentKey(file.content), file);
            if (twin == null) {
                file.sha256();
            } else {
                file.digest.get(twin::sha256);
            }
        }
    }
}
