package io.github.netpol.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The digest of a goal's inputs at its last successful run, kept in one file (e.g.
 * {@code target/netpol/check.digest}). A run that starts forgets it first, so a run that fails or is
 * interrupted leaves no record and the next build reruns.
 */
public final class DigestRecord {

    private final Path file;

    public DigestRecord(Path file) {
        this.file = file;
    }

    /** The record of {@code goal} in the output directory. */
    public static DigestRecord of(Path outputDirectory, String goal) {
        return new DigestRecord(outputDirectory.resolve(goal + ".digest"));
    }

    public Path file() {
        return file;
    }

    /** Whether the last successful run had exactly these inputs. An unreadable record matches nothing. */
    public boolean matches(String digest) {
        try {
            return Files.isRegularFile(file) && Files.readString(file, StandardCharsets.UTF_8).trim().equals(digest);
        } catch (IOException e) {
            return false;
        }
    }

    /** Called when a run starts: until it succeeds, its inputs are not known to be good. */
    public void forget() throws IOException {
        Files.deleteIfExists(file);
    }

    /** Called after a successful run; written whole or not at all. */
    public void remember(String digest) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), file.getFileName().toString(), ".tmp");
        Files.writeString(tmp, digest + "\n", StandardCharsets.UTF_8);
        try {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
