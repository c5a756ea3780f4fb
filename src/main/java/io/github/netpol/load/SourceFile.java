package io.github.netpol.load;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

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
     * Files are matched by length and CRC-32 (native, cheap from the start), then by their bytes.
     */
    public static void hashOnce(Collection<SourceFile> files) {
        Map<Long, List<SourceFile>> byLengthAndCrc = new HashMap<>();
        for (SourceFile file : files) {
            CRC32 crc = new CRC32();
            crc.update(file.content);
            List<SourceFile> seen = byLengthAndCrc.computeIfAbsent(
                    ((long) file.content.length << 32) ^ crc.getValue(), k -> new ArrayList<>(1));
            SourceFile twin = seen.stream().filter(f -> Arrays.equals(f.content, file.content)).findFirst()
                    .orElse(null);
            if (twin == null) {
                seen.add(file);
                file.sha256();
            } else {
                file.digest.get(twin::sha256);
            }
        }
    }
}
