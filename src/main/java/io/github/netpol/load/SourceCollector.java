package io.github.netpol.load;

import io.github.netpol.finding.Finding;
import io.github.netpol.finding.FindingCode;
import io.github.netpol.finding.SourcePosition;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/** Finds every {@code *.yaml}, {@code *.yml} and {@code *.json} file under the configured sources. */
public final class SourceCollector {

    /** Manifests larger than this are refused without being read: no real policy set comes close. */
    public static final long MAX_FILE_BYTES = 10L * 1024 * 1024;

    /** The manifest files under {@code sources}, sorted by relative path; missing sources are skipped. */
    public List<SourceFile> collect(Path baseDir, List<Path> sources) {
        return scan(baseDir, sources).files();
    }

    /** Like {@link #collect} but also says which sources are missing and which files were refused. */
    public CollectedSources scan(Path baseDir, List<Path> sources) {
        Path base = baseDir.toAbsolutePath().normalize();
        Map<String, Path> found = new LinkedHashMap<>();
        List<Path> missing = new ArrayList<>();
        for (Path source : sources) {
            Path abs = base.resolve(source).normalize();
            if (!Files.exists(abs)) {
                missing.add(source);
            } else if (Files.isDirectory(abs)) {
                try (Stream<Path> walk = Files.walk(abs)) {
                    walk.filter(Files::isRegularFile).filter(SourceCollector::isManifest)
                            .forEach(p -> found.putIfAbsent(relative(base, p), p));
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot list " + abs, e);
                }
            } else {
                found.putIfAbsent(relative(base, abs), abs);
            }
        }
        List<SourceFile> files = new ArrayList<>();
        List<Finding> problems = new ArrayList<>();
        found.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            try {
                long size = Files.size(e.getValue());
                if (size > MAX_FILE_BYTES) {
                    problems.add(tooLarge(e.getKey(), size));
                } else {
                    files.add(new SourceFile(e.getKey(), Files.readAllBytes(e.getValue())));
                }
            } catch (IOException ex) {
                problems.add(Finding.of(FindingCode.UNREADABLE_FILE, "Cannot read the file: " + ex.getMessage())
                        .at(SourcePosition.ofFile(e.getKey())));
            }
        });
        return new CollectedSources(files, missing, problems);
    }

    static Finding tooLarge(String file, long size) {
        return Finding.of(FindingCode.FILE_TOO_LARGE, "The file has " + size + " bytes, more than the limit of "
                + MAX_FILE_BYTES + " bytes; split it or remove it from the sources.").at(SourcePosition.ofFile(file));
    }

    private static boolean isManifest(Path p) {
        return isManifestName(p.getFileName().toString());
    }

    /** Whether a file name is one the sources are read from: {@code *.yaml}, {@code *.yml}, {@code *.json}. */
    public static boolean isManifestName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json");
    }

    private static String relative(Path base, Path file) {
        Path rel = file.startsWith(base) ? base.relativize(file) : file;
        return rel.toString().replace('\\', '/');
    }
}
