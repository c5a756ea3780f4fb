package io.github.netpol.load;

import io.github.netpol.finding.Finding;
import io.github.netpol.finding.FindingCode;
import io.github.netpol.finding.SourcePosition;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Finds every {@code *.yaml}, {@code *.yml} and {@code *.json} file under the configured sources: the project's
 * files, all of them, and nothing else. A symbolic link, to a file or a directory, is followed when its target
 * lies inside the project's root (the top of the git work tree, or the top-level project's directory); a link
 * that leaves the root, a dangling link and a loop are errors at the link's path, and their target is never
 * read. What this returns is what is analysed and what the bundle holds.
 */
public final class SourceCollector {

    /** Manifests larger than this are refused without being read: no real policy set comes close. */
    public static final long MAX_FILE_BYTES = 10L * 1024 * 1024;


    private final Path root;

    /** Links may point anywhere inside the base directory given to {@link #scan}. */
    public SourceCollector() {
        this(null);
    }

    /**
     * @param root where links under the sources may point: the top of the git work tree, or without git the
     *             top-level project's directory; {@code null} for the base directory given to {@link #scan}
     */
    public SourceCollector(Path root) {
        this.root = root;
    }

    /** The manifest files under {@code sources}, sorted by relative path; missing sources are skipped. */
    public List<SourceFile> collect(Path baseDir, List<Path> sources) {
        return scan(baseDir, sources).files();
    }

    /** Like {@link #collect} but also says which sources are missing and which files and links were refused. */
    public CollectedSources scan(Path baseDir, List<Path> sources) {
        Path base = baseDir.toAbsolutePath().normalize();
        Walk walk = new Walk(base, (root == null ? base : root).toAbsolutePath().normalize());
        List<Path> missing = new ArrayList<>();
        for (Path source : sources) {
            Path abs = base.resolve(source).normalize();
            if (Files.exists(abs, LinkOption.NOFOLLOW_LINKS)) {
                walk.source(abs);
            } else {
                missing.add(source);
            }
        }
        List<SourceFile> files = new ArrayList<>();
        List<Finding> problems = new ArrayList<>(walk.problems);
        walk.found.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            try {
                long size = Files.size(e.getValue());
                if (size > MAX_FILE_BYTES) {
                    problems.add(tooLarge(e.getKey(), size));
                } else {
                    files.add(new SourceFile(e.getKey(), Files.readAllBytes(e.getValue())));
                }
            } catch (IOException ex) {
                problems.add(Finding.of(FindingCode.UNREADABLE_FILE, "Cannot read the file: " + IoReason.of(ex) + ".")
                        .at(SourcePosition.ofFile(e.getKey())));
            }
        });
        return new CollectedSources(files, missing, problems);
    }

    /** One scan: what it found, what it refused, and the directories it is inside of (to see loops). */
    private static final class Walk {
        private final Path base;
        private final Path root;
        private final Path realRoot;
        private final Map<String, Path> found = new LinkedHashMap<>();
        private final Set<Path> foundReal = new HashSet<>();
        private final List<Finding> problems = new ArrayList<>();
        private final Deque<Path> inside = new ArrayDeque<>();
        /** Where links may point while walking the current source. */
        private Path area;

        Walk(Path base, Path root) {
            this.base = base;
            this.root = root;
            this.realRoot = real(root);
        }

        void source(Path source) {
            area = realRoot;
            if (!source.startsWith(root)) {
                // a source configured outside the root is the user's explicit choice: links may stay inside it
                area = real(source);
            } else if (!Files.isSymbolicLink(source) && !contained(real(source))) {
                // a directory on the way to the source is a link that leaves the root
                problems.add(problem(FindingCode.SYMLINK_OUTSIDE_ROOT, source, "The source resolves to " + real(source)
                        + ", outside the project's root (" + root + "; a directory on its path is a symbolic link); it is not read. Point"
                        + " netpol.sources at the manifests themselves or copy them into the project."));
                return;
            }
            visit(source, true, null);
        }

        /**
         * @param configured a file named in the sources is read whatever its name; below a directory, manifests only
         * @param real       the path with every link resolved, when the caller knows it (a directory's real path and
         *                   the entry's name, for an entry that is not a link), else null
         */
        private void visit(Path path, boolean configured, Path real) {
            BasicFileAttributes attributes;
            try {
                // one call for what would otherwise be three, on every entry of the tree
                attributes = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (IOException e) {
                // gone since its directory was listed
                return;
            }
            if (attributes.isSymbolicLink()) {
                link(path, configured);
            } else if (attributes.isDirectory()) {
                directory(path, real != null ? real : real(path));
            } else if (attributes.isRegularFile() && (configured || isManifest(path))) {
                file(path, real != null ? real : real(path));
            }
        }

        /** Followed only after its target is known to lie inside the area; the target is never opened before. */
        private void link(Path link, boolean configured) {
            Path target;
            try {
                target = link.toRealPath();
            } catch (NoSuchFileException e) {
                problems.add(problem(FindingCode.SYMLINK_DANGLING, link, "The symbolic link points to " + written(link)
                        + ", which does not exist; remove the link or restore its target."));
                return;
            } catch (FileSystemException e) {
                // ELOOP: links that point at each other
                problems.add(loop(link));
                return;
            } catch (IOException e) {
                problems.add(problem(FindingCode.UNREADABLE_FILE, link, "Cannot resolve the symbolic link: " + IoReason.of(e) + "."));
                return;
            }
            if (!contained(target)) {
                problems.add(problem(FindingCode.SYMLINK_OUTSIDE_ROOT, link, "The symbolic link points to " + written(link)
                        + ", which resolves outside the project's root (" + area + "); its target is not read. Keep the manifests inside the"
                        + " project (copy the file in instead of linking it), or remove the link."));
            } else if (Files.isDirectory(target)) {
                if (inside.stream().anyMatch(dir -> dir.startsWith(target))) {
                    problems.add(loop(link));
                } else {
                    directory(link, target);
                }
            } else if (Files.isRegularFile(target) && (configured || isManifest(link))) {
                file(link, target);
            }
        }

        private void directory(Path path, Path real) {
            inside.push(real);
            try (Stream<Path> children = Files.list(path)) {
                // an entry that is not a link is where its directory really is: no need to resolve it again
                children.sorted().forEach(child -> visit(child, false, real.resolve(child.getFileName())));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot list " + path, e);
            } finally {
                inside.pop();
            }
        }

        /** A file reached twice (through a link and directly) is read once, under the first path met. */
        private void file(Path path, Path real) {
            if (foundReal.add(real)) {
                found.putIfAbsent(relative(base, path), path);
            }
        }

        private boolean contained(Path real) {
            return real.startsWith(area);
        }

        private Finding loop(Path link) {
            return problem(FindingCode.SYMLINK_LOOP, link, "The symbolic link points to " + written(link) + ", a directory that"
                    + " contains the link itself (a loop); it is not followed. Remove the link.");
        }

        private Finding problem(FindingCode code, Path path, String message) {
            return Finding.of(code, message).at(SourcePosition.ofFile(relative(base, path)));
        }

        /** The link's own text: what the repository holds, never the target's content. */
        private static String written(Path link) {
            try {
                return Files.readSymbolicLink(link).toString();
            } catch (IOException | UnsupportedOperationException e) {
                return "its target";
            }
        }

        private static Path real(Path path) {
            try {
                return path.toRealPath();
            } catch (IOException e) {
                return path;
            }
        }
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
