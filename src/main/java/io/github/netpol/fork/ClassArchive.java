package io.github.netpol.fork;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The forked JVM's class-data archive (HotSpot's dynamic CDS): the plugin's classes as the JVM has already parsed and
 * verified them, so that a later forked check maps them instead of loading them (measured on two cores: 1,000
 * policies 1.42 s → 1.16 s). The first forked check of a plugin build on a JDK writes it on exit; it is named by the
 * JDK, the flags and every jar of the class path with its size and time, so a rebuilt jar or another JDK gets an
 * archive of its own. Safe to delete.
 * <p>
 * The JVM checks an archive's header and, with {@code -XX:+VerifySharedSpaces}, a CRC of its contents, and runs
 * without an archive that fails either. It is written to a temporary name and moved into place after the JVM that
 * wrote it exited with status 0, so no build sees one half-written. A file cut short behind its back can still stop
 * the JVM as it starts: {@link CheckFork} then deletes it and runs the check again without one.
 */
final class ClassArchive {

    /** Archives of other plugin builds and JDKs kept besides the newest: a build uses one. */
    private static final int KEPT = 4;
    private static final String SUFFIX = ".jsa";

    private final Path file;

    private ClassArchive(Path file) {
        this.file = file;
    }

    /**
     * The archive for this JVM and class path in {@code directory}; empty when the class path holds anything but jar
     * files (the JVM archives classes of jars only, and refuses to start when asked to with a directory).
     */
    static Optional<ClassArchive> of(Path directory, Path java, List<String> flags, List<Path> classpath) {
        if (!classpath.stream().allMatch(Files::isRegularFile)) {
            return Optional.empty();
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            List<String> key = new ArrayList<>(List.of(java.toString(), System.getProperty("java.vm.version", "")));
            key.addAll(flags);
            for (Path jar : classpath) {
                key.add(jar + " " + Files.size(jar) + " " + Files.getLastModifiedTime(jar).toMillis());
            }
            sha.update(String.join("\n", key).getBytes(StandardCharsets.UTF_8));
            return Optional.of(new ClassArchive(directory.resolve(HexFormat.of().formatHex(sha.digest(), 0, 12) + SUFFIX)));
        } catch (IOException | NoSuchAlgorithmException | RuntimeException e) {
            return Optional.empty();
        }
    }

    Path file() {
        return file;
    }

    boolean exists() {
        return Files.isRegularFile(file);
    }

    /** The flags that map the archive. */
    List<String> useFlags() {
        return List.of("-XX:SharedArchiveFile=" + file, "-XX:+VerifySharedSpaces");
    }

    /** Where a JVM writes a new archive on exit, or empty when the directory cannot be made. */
    Optional<Path> newFile() {
        try {
            Files.createDirectories(file.getParent());
            return Optional.of(file.resolveSibling(file.getFileName() + "." + UUID.randomUUID() + ".tmp"));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The flags that write the archive to {@code written} on exit. */
    static List<String> writeFlags(Path written) {
        return List.of("-XX:ArchiveClassesAtExit=" + written, "-XX:+VerifySharedSpaces");
    }

    /** Puts an archive a JVM wrote (and exited 0 after) in place, and leaves only the newest few beside it. */
    void install(Path written) {
        try {
            if (Files.isRegularFile(written) && Files.size(written) > 0) {
                Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.deleteIfExists(written);
            prune();
        } catch (IOException | RuntimeException e) {
            // without an archive the next check loads its classes as this one did
            discard(written);
        }
    }

    /** Deletes the archive (one that stopped a JVM), or a half-written one. */
    void discard(Path archive) {
        try {
            Files.deleteIfExists(archive);
        } catch (IOException | RuntimeException e) {
            // nothing more to do: the next check fails over to no archive again
        }
    }

    private void prune() throws IOException {
        List<Path> archives = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(file.getParent(), "*" + SUFFIX)) {
            files.forEach(archives::add);
        }
        archives.sort(Comparator.comparing((Path p) -> {
            try {
                return Files.getLastModifiedTime(p).toMillis();
            } catch (IOException e) {
                return 0L;
            }
        }).reversed());
        for (Path old : archives.subList(Math.min(KEPT + 1, archives.size()), archives.size())) {
            if (!old.equals(file)) {
                discard(old);
            }
        }
        // what a JVM stopped while writing left behind
        long hourAgo = System.currentTimeMillis() - 3_600_000L;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(file.getParent(), "*" + SUFFIX + ".*.tmp")) {
            for (Path left : files) {
                if (Files.getLastModifiedTime(left).toMillis() < hourAgo) {
                    discard(left);
                }
            }
        }
    }
}
