package io.github.netpol.load;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Parsed files kept between builds, by the SHA-256 of their bytes: bytes never change what they parse to, so a build
 * that reads a file its machine has parsed before (an unchanged policy, a baseline read on every build) takes the
 * documents instead of running SnakeYAML again, whose first parses in a fresh JVM are the costliest part of reading.
 * Each entry is one file under the store's directory (in the local repository, so a CI cache that keeps
 * {@code ~/.m2} keeps it), in a directory per plugin build, safe to delete at any time.
 * <p>
 * An entry is used only when everything about it checks out: the format, the plugin build that wrote it, the
 * content digest it is filed under, and the seal over the whole entry ({@link SealedFiles}); anything else is a miss
 * and the file is parsed. Only a parse without problems is kept, and the documents are validated on every build, so
 * an entry can change no verdict. Entries are not touched when used: once a day, the first build that writes one
 * deletes those written more than {@link #KEPT_FOR_DAYS} days ago (and the directories they leave empty), so an
 * entry in constant use is parsed again once a month.
 * Thread-safe: the files of a version are read on every core.
 */
public final class ParseStore {

    /** How many days an entry is kept after it was written. */
    public static final int KEPT_FOR_DAYS = 30;
    private static final long PRUNE_EVERY_HOURS = 24;
    private static final String MAGIC = "netpol-parse-cache\n";
    /** Raise when the entry's layout or the loader's trees change meaning. */
    private static final int FORMAT = 2;
    private static final String PRUNED = "pruned";
    private static final int SHA256_BYTES = 32;

    private final Path directory;
    private final String pluginBuild;
    private final SealedFiles.Header header;
    /**
     * Each plugin build has a directory of its own: two builds used on one machine (two projects on two versions)
     * would otherwise overwrite each other's entries on every build.
     */
    private final String buildDirectory;
    private final AtomicBoolean pruneChecked = new AtomicBoolean();

    /**
     * @param directory   where the entries are
     * @param pluginBuild the plugin's version and build: an entry written by another build is not read
     */
    public ParseStore(Path directory, String pluginBuild) {
        this.directory = directory;
        this.pluginBuild = pluginBuild;
        this.header = new SealedFiles.Header(MAGIC, FORMAT, pluginBuild);
        this.buildDirectory = HexFormat.of().formatHex(
                SealedFiles.sha256().digest(pluginBuild.getBytes(StandardCharsets.UTF_8)), 0, 8);
    }

    /** Where the entries are: with {@link #pluginBuild()}, what makes this store again in a forked check. */
    public Path directory() {
        return directory;
    }

    public String pluginBuild() {
        return pluginBuild;
    }

    /** The documents kept for the file's bytes (read as JSON or not), named as the file, if a valid entry has them. */
    public Optional<List<RawDocument>> find(SourceFile file, boolean json) {
        Optional<DataInputStream> body = SealedFiles.open(place(file, json));
        if (body.isEmpty()) {
            return Optional.empty();
        }
        try {
            DataInputStream in = body.get();
            if (!header.readFrom(in) || !Arrays.equals(in.readNBytes(SHA256_BYTES), file.sha256())
                    || in.readBoolean() != json) {
                return Optional.empty();
            }
            LoadResult loaded = LoadResultCodec.read(in);
            if (in.read() != -1) {
                return Optional.empty();
            }
            return Optional.of(loaded.documents().stream().map(d -> d.inFile(file.path())).toList());
        } catch (IOException | RuntimeException e) {
            // not one this build wrote: parse the file instead
            return Optional.empty();
        }
    }

    /**
     * Keeps a clean parse of the file's bytes (read as JSON or not); a parse with problems is not kept. Best effort,
     * like every write here.
     */
    public void keep(SourceFile file, boolean json, LoadResult parsed) {
        if (!parsed.problems().isEmpty()) {
            return;
        }
        pruneOncePerDay();
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(buffer)) {
            header.write(out);
            out.write(file.sha256());
            out.writeBoolean(json);
            LoadResultCodec.write(parsed, out);
        } catch (IOException | RuntimeException e) {
            return;
        }
        SealedFiles.write(place(file, json), buffer.toByteArray());
    }

    private Path place(SourceFile file, boolean json) {
        String hex = HexFormat.of().formatHex(file.sha256());
        return directory.resolve(buildDirectory).resolve(hex.substring(0, 2))
                .resolve(hex + (json ? ".json" : ".yaml") + ".bin");
    }

    /** Deletes old entries and leftovers of interrupted writes, at most once a day and once per run. */
    private void pruneOncePerDay() {
        if (!pruneChecked.compareAndSet(false, true)) {
            return;
        }
        Path marker = directory.resolve(PRUNED);
        Instant now = Instant.now();
        Instant dayAgo = now.minus(Duration.ofHours(PRUNE_EVERY_HOURS));
        try {
            if (Files.isRegularFile(marker)
                    && Files.getLastModifiedTime(marker).toInstant().isAfter(dayAgo)) {
                return;
            }
            Files.createDirectories(directory);
            Files.write(marker, new byte[0]);
            Instant oldest = now.minus(Duration.ofDays(KEPT_FOR_DAYS));
            Files.walkFileTree(directory, Set.of(), 3, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Instant written = attributes.lastModifiedTime().toInstant();
                    if (!file.equals(marker) && (written.isBefore(oldest)
                            || file.toString().endsWith(".tmp") && written.isBefore(dayAgo))) {
                        Files.deleteIfExists(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) {
                    // an empty directory goes (an older plugin build's, once its entries are gone), but only one
                    // untouched for a day: a fresh one may be another thread's or build's, about to get its entry
                    if (!dir.equals(directory)) {
                        try {
                            if (Files.getLastModifiedTime(dir).toInstant().isBefore(dayAgo)) {
                                Files.delete(dir);
                            }
                        } catch (IOException notEmptyOrGone) {
                            // still in use
                        }
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException | RuntimeException e) {
            // another build is pruning, or the directory is read-only: the entries stay a day longer
        }
    }
}
