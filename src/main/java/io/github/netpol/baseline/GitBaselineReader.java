package io.github.netpol.baseline;

import io.github.netpol.load.SourceCollector;
import io.github.netpol.load.SourceFile;
import io.github.netpol.model.ObjectDigest;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.errors.RepositoryNotFoundException;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the sources as they were at a git ref, straight from the object database: no checkout,
 * nothing in the work tree or the index changes.
 */
public final class GitBaselineReader {

    private static final long MAX_FILE_BYTES = 10L * 1024 * 1024;

    /** Where, under the output directory, the files read at a commit are kept for the rest of the build. */
    public static final String CACHE_DIRECTORY = "baseline-cache";

    private final Path projectBaseDir;
    private final Path cacheDirectory;
    private final PolicyBundle bundles = new PolicyBundle();

    public GitBaselineReader(Path projectBaseDir) {
        this(projectBaseDir, null);
    }

    /**
     * @param cacheDirectory where the files read at a commit are kept, keyed by the commit id and the
     *                       source paths, so later goals of the build (and later builds) do not walk
     *                       the tree again; {@code null} for no cache. A commit's content never changes,
     *                       so an entry never goes stale.
     */
    public GitBaselineReader(Path projectBaseDir, Path cacheDirectory) {
        this.projectBaseDir = projectBaseDir.toAbsolutePath().normalize();
        this.cacheDirectory = cacheDirectory;
    }

    /** The work tree root of the repository that holds the project, if there is one. */
    public Optional<Path> repositoryRoot() {
        try (Repository repo = open()) {
            return Optional.of(repo.getWorkTree().toPath().toAbsolutePath().normalize());
        } catch (RepositoryNotFoundException | IllegalArgumentException e) {
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * The newest tag reachable from HEAD that is not on HEAD itself (so the release being built is not
     * compared with itself), by commit order from HEAD; empty when there is none.
     */
    public Optional<String> newestTagBeforeHead() throws BaselineException {
        try (Repository repo = openOrFail("git:tag"); RevWalk walk = new RevWalk(repo)) {
            ObjectId head = repo.resolve(Constants.HEAD);
            if (head == null) {
                return Optional.empty();
            }
            Map<ObjectId, List<String>> tagsByCommit = new HashMap<>();
            for (Ref ref : repo.getRefDatabase().getRefsByPrefix(Constants.R_TAGS)) {
                Ref peeled = repo.getRefDatabase().peel(ref);
                ObjectId target = peeled.getPeeledObjectId() != null ? peeled.getPeeledObjectId() : ref.getObjectId();
                tagsByCommit.computeIfAbsent(target, k -> new ArrayList<>())
                        .add(ref.getName().substring(Constants.R_TAGS.length()));
            }
            walk.sort(RevSort.COMMIT_TIME_DESC);
            walk.markStart(walk.parseCommit(head));
            for (RevCommit commit : walk) {
                if (commit.getId().equals(head)) {
                    continue;
                }
                List<String> tags = tagsByCommit.get(commit.getId());
                if (tags != null) {
                    // several tags on one commit: take the greatest name, so v1.2.0 beats v1.2.0-rc1
                    return tags.stream().max(Comparator.naturalOrder());
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new BaselineException("git:tag: cannot read the git history: " + e.getMessage(), e);
        }
    }

    /**
     * Why the clone's history may lack an earlier release tag, if it may: a shallow clone (CI checkouts
     * usually are) holds only the newest commits, a remote configured with {@code tagOpt = --no-tags} never
     * fetches tags. Empty when the history is as complete as the repository can tell; then no tag before HEAD
     * means there is none. (A partial clone, {@code extensions.partialClone}, leaves out file contents, not
     * commits or tags, so it does not count here; reading a tag's files there fails with its own message.)
     */
    public Optional<String> incompleteHistory() {
        try (Repository repo = open()) {
            if (!repo.getObjectDatabase().getShallowCommits().isEmpty()) {
                return Optional.of("the clone is shallow (it holds only the newest commits, so earlier tags are not"
                        + " reachable)");
            }
            Config config = repo.getConfig();
            for (String remote : new TreeSet<>(config.getSubsections("remote"))) {
                if ("--no-tags".equals(config.getString("remote", remote, "tagOpt"))) {
                    return Optional.of("remote '" + remote + "' is configured not to fetch tags (remote." + remote
                            + ".tagOpt = --no-tags)");
                }
            }
            return Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** What to do about an {@link #incompleteHistory() incomplete history}. */
    public static final String FETCH_HISTORY = "fetch the full history and the tags: actions/checkout with"
            + " fetch-depth: 0, GIT_DEPTH: 0 in GitLab CI, or 'git fetch --unshallow --tags' (for a remote with"
            + " tagOpt --no-tags, 'git config --unset remote.<name>.tagOpt' first)";

    /**
     * The manifests under {@code sources} (paths relative to the project base directory) at {@code ref}.
     * Returned paths are relative to the project base directory, as the current sources' are.
     */
    public Baseline read(String ref, List<String> sources) throws BaselineException {
        String spec = "git:" + ref;
        try (Repository repo = openOrFail(spec); RevWalk walk = new RevWalk(repo);
             ObjectReader reader = repo.newObjectReader()) {
            ObjectId id = repo.resolve(ref + "^{commit}");
            if (id == null) {
                throw new BaselineException(spec + ": no branch, tag or commit named '" + ref + "' in "
                        + repo.getWorkTree() + incompleteHistory().map(why -> ", and " + why).orElse("")
                        + ". Check the name with 'git rev-parse " + ref + "', " + FETCH_HISTORY
                        + ", or choose another netpol.baseline.");
            }
            RevCommit commit = walk.parseCommit(id);
            String prefix = projectPrefix(repo);
            List<String> repoPaths = new ArrayList<>();
            for (String s : sources) {
                String p = join(prefix, stripSlashes(s));
                if (!p.isEmpty()) {
                    repoPaths.add(p);
                }
            }
            String description = "git " + ref + " (" + commit.getId().abbreviate(8).name() + ")";
            Path cached = cacheFile(commit, prefix, repoPaths);
            Optional<List<SourceFile>> hit = readCache(cached);
            if (hit.isPresent()) {
                return new Baseline(spec, description, hit.get());
            }
            TreeFiles tree = new TreeFiles(reader, commit.getTree(), spec, prefix);
            for (String path : repoPaths.isEmpty() ? List.of("") : repoPaths) {
                tree.source(path);
            }
            List<SourceFile> files = new ArrayList<>(tree.files);
            files.sort(Comparator.comparing(SourceFile::path));
            writeCache(cached, commit, files);
            return new Baseline(spec, description, files);
        } catch (MissingObjectException e) {
            throw new BaselineException(spec + ": the git object " + e.getObjectId().name() + " is missing"
                    + (partialClone() ? "; the clone is partial (extensions.partialClone) and JGit cannot fetch what it left"
                    + " out: use a full clone (actions/checkout without filter) or 'git fetch --refetch'" : "")
                    + ".", e);
        } catch (IOException e) {
            throw new BaselineException(spec + ": cannot read the git repository: " + e.getMessage(), e);
        }
    }

    /**
     * A commit's tree written out for rendering.
     *
     * @param commit     the commit's id (abbreviated to 12 characters)
     * @param root       the written tree
     * @param projectDir where the project's base directory lies in it
     */
    public record Checkout(String commit, Path root, Path projectDir) {
    }

    /**
     * Writes the whole tree at {@code ref} into the cache directory (never into the work tree), once per commit, so
     * that Kustomize and Helm can render the environments as they were. A symbolic link is written as a link when it
     * stays inside the repository; one that leaves it makes the baseline unreadable.
     */
    public Checkout checkout(String ref) throws BaselineException {
        String spec = "git:" + ref;
        if (cacheDirectory == null) {
            throw new BaselineException(spec + ": no directory to check the tree out into");
        }
        try (Repository repo = openOrFail(spec); RevWalk walk = new RevWalk(repo);
             ObjectReader reader = repo.newObjectReader()) {
            ObjectId id = repo.resolve(ref + "^{commit}");
            if (id == null) {
                throw new BaselineException(spec + ": no branch, tag or commit named '" + ref + "' in " + repo.getWorkTree());
            }
            RevCommit commit = walk.parseCommit(id);
            String shortId = commit.getId().abbreviate(12).name();
            Path tree = cacheDirectory.resolve("tree-" + shortId);
            Path done = cacheDirectory.resolve("tree-" + shortId + ".complete");
            String prefix = projectPrefix(repo);
            Checkout checkout = new Checkout(shortId, tree, prefix.isEmpty() ? tree : tree.resolve(prefix));
            if (Files.isRegularFile(done)) {
                return checkout;
            }
            deleteTree(tree);
            Files.createDirectories(tree);
            try (TreeWalk tw = new TreeWalk(reader)) {
                tw.addTree(commit.getTree());
                tw.setRecursive(true);
                while (tw.next()) {
                    String path = tw.getPathString();
                    Path target = tree.resolve(path).normalize();
                    if (!target.startsWith(tree)) {
                        throw new BaselineException(spec + ": the tree holds a path outside itself: " + path);
                    }
                    FileMode mode = tw.getFileMode(0);
                    Files.createDirectories(target.getParent());
                    if (mode == FileMode.SYMLINK) {
                        String link = new String(reader.open(tw.getObjectId(0), Constants.OBJ_BLOB).getBytes(),
                                StandardCharsets.UTF_8);
                        if (TreeFiles.normalized(TreeFiles.linkTarget(path, link)) == null) {
                            throw new BaselineException(spec + ": " + relativeToProject(prefix, path) + " is a symbolic"
                                    + " link to " + link + ", which resolves outside the repository; the baseline cannot"
                                    + " be rendered faithfully. Fix the link in a later commit and compare with that, or"
                                    + " choose another netpol.baseline.");
                        }
                        Files.createSymbolicLink(target, Path.of(link));
                    } else if (mode.getObjectType() == Constants.OBJ_BLOB) {
                        try (var out = Files.newOutputStream(target)) {
                            reader.open(tw.getObjectId(0), Constants.OBJ_BLOB).copyTo(out);
                        }
                    }
                    // a submodule (gitlink) holds another repository's commit, not files of this one
                }
            }
            Files.writeString(done, commit.getId().name() + "\n", StandardCharsets.UTF_8);
            return checkout;
        } catch (MissingObjectException e) {
            throw new BaselineException(spec + ": the git object " + e.getObjectId().name() + " is missing; the clone may"
                    + " be partial: use a full clone", e);
        } catch (IOException e) {
            throw new BaselineException(spec + ": cannot check the tree out into " + cacheDirectory + ": "
                    + e.getMessage(), e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /**
     * The files under the sources in a commit's tree, read the way {@link SourceCollector} reads the work tree:
     * a symbolic link (mode 120000) is followed when it resolves inside the repository; one that leaves it,
     * points at nothing or loops makes the baseline unreadable, never silently smaller.
     */
    private static final class TreeFiles {
        private static final int MAX_HOPS = 40;

        private final ObjectReader reader;
        private final RevTree tree;
        private final String spec;
        private final String prefix;
        private final List<SourceFile> files = new ArrayList<>();
        private final Set<String> read = new HashSet<>();
        private final Deque<String> inside = new ArrayDeque<>();

        TreeFiles(ObjectReader reader, RevTree tree, String spec, String prefix) {
            this.reader = reader;
            this.tree = tree;
            this.spec = spec;
            this.prefix = prefix;
        }

        /** A configured source, a path in the repository; nothing there is a source that does not exist yet. */
        void source(String path) throws IOException, BaselineException {
            Entry entry = resolve(path, path, 0);
            if (entry != null) {
                visit(path, entry, true);
            }
        }

        private void visit(String shown, Entry entry, boolean configured) throws IOException, BaselineException {
            if (entry.mode() == FileMode.TREE) {
                directory(shown, entry);
            } else if (entry.mode().getObjectType() == Constants.OBJ_BLOB
                    && (configured || SourceCollector.isManifestName(shown)) && read.add(entry.path())) {
                file(shown, entry.id());
            }
            // a submodule (gitlink) holds another repository's commit, not files of this one
        }

        private void directory(String shown, Entry dir) throws IOException, BaselineException {
            inside.push(dir.path());
            try (TreeWalk tw = new TreeWalk(reader)) {
                tw.addTree(dir.id());
                tw.setRecursive(false);
                while (tw.next()) {
                    String name = tw.getNameString();
                    String real = join(dir.path(), name);
                    Entry child = new Entry(real, tw.getFileMode(0), tw.getObjectId(0));
                    if (child.mode() == FileMode.SYMLINK) {
                        child = followLink(join(shown, name), real, child.id());
                    }
                    visit(join(shown, name), child, false);
                }
            } finally {
                inside.pop();
            }
        }

        private Entry followLink(String shown, String linkPath, ObjectId id) throws IOException, BaselineException {
            String target = new String(reader.open(id, Constants.OBJ_BLOB).getBytes(), StandardCharsets.UTF_8);
            Entry entry = resolve(linkTarget(linkPath, target), shown, 1);
            if (entry == null) {
                throw problem(shown, "is a symbolic link to " + target + ", which does not exist in that commit");
            }
            if (entry.mode() == FileMode.TREE && inside.stream().anyMatch(dir -> isWithin(dir, entry.path()))) {
                throw problem(shown, "is a symbolic link to " + target + ", a directory that contains the link itself"
                        + " (a loop)");
            }
            return entry;
        }

        /**
         * The entry at a repository path, following symbolic links on the way and at its end; {@code null} when
         * nothing is there. {@code shown} names the path in messages.
         */
        private Entry resolve(String path, String shown, int hops) throws IOException, BaselineException {
            if (hops > MAX_HOPS) {
                throw problem(shown, "is a symbolic link in a loop of links");
            }
            List<String> parts = normalized(path);
            if (parts == null) {
                throw problem(shown, "is a symbolic link that resolves outside the repository; its target is not read."
                        + " Keep the manifests inside the repository");
            }
            if (parts.isEmpty()) {
                return new Entry("", FileMode.TREE, tree);
            }
            for (int i = 1; i <= parts.size(); i++) {
                String at = String.join("/", parts.subList(0, i));
                try (TreeWalk tw = TreeWalk.forPath(reader, at, tree)) {
                    if (tw == null) {
                        return null;
                    }
                    FileMode mode = tw.getFileMode(0);
                    if (mode == FileMode.SYMLINK) {
                        String target = new String(reader.open(tw.getObjectId(0), Constants.OBJ_BLOB).getBytes(),
                                StandardCharsets.UTF_8);
                        String rest = String.join("/", parts.subList(i, parts.size()));
                        return resolve(join(linkTarget(at, target), rest), shown, hops + 1);
                    }
                    if (i == parts.size()) {
                        return new Entry(at, mode, tw.getObjectId(0));
                    }
                    if (mode != FileMode.TREE) {
                        return null;
                    }
                }
            }
            return null;
        }

        private void file(String shown, ObjectId id) throws IOException, BaselineException {
            long size = reader.getObjectSize(id, Constants.OBJ_BLOB);
            if (size > MAX_FILE_BYTES) {
                throw new BaselineException(spec + ": " + relativeToProject(prefix, shown) + " is " + size
                        + " bytes, more than a manifest can be; the baseline cannot be analysed");
            }
            files.add(new SourceFile(relativeToProject(prefix, shown), reader.open(id, Constants.OBJ_BLOB).getBytes()));
        }

        private BaselineException problem(String shown, String what) {
            return new BaselineException(spec + ": " + relativeToProject(prefix, shown) + " " + what
                    + "; the baseline cannot be read faithfully."
                    + " Fix the link in a later commit and compare with that, or choose another netpol.baseline.");
        }

        /** An absolute link leaves the repository; a relative one is relative to the link's directory. */
        private static String linkTarget(String linkPath, String target) {
            if (target.startsWith("/")) {
                return "../".repeat(linkPath.split("/").length + 1) + target;
            }
            int slash = linkPath.lastIndexOf('/');
            return join(slash < 0 ? "" : linkPath.substring(0, slash), target);
        }

        /** Path segments without {@code .} and {@code ..}; {@code null} when {@code ..} climbs above the top. */
        private static List<String> normalized(String path) {
            Deque<String> out = new ArrayDeque<>();
            for (String part : path.split("/")) {
                if (part.isEmpty() || part.equals(".")) {
                    continue;
                }
                if (part.equals("..")) {
                    if (out.isEmpty()) {
                        return null;
                    }
                    out.removeLast();
                } else {
                    out.addLast(part);
                }
            }
            return new ArrayList<>(out);
        }

        private static boolean isWithin(String path, String dir) {
            return dir.isEmpty() || path.equals(dir) || path.startsWith(dir + "/");
        }
    }

    private record Entry(String path, FileMode mode, ObjectId id) {
    }

    private boolean partialClone() {
        try (Repository repo = open()) {
            return repo.getConfig().getString("extensions", null, "partialClone") != null;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    private Path cacheFile(RevCommit commit, String prefix, List<String> repoPaths) {
        if (cacheDirectory == null) {
            return null;
        }
        // "format 3": the key is a canonical digest since then; format 2 followed symbolic links
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("format", 3);
        entry.put("commit", commit.getId().name());
        entry.put("prefix", prefix);
        entry.put("paths", repoPaths);
        String key = ObjectDigest.of(entry).substring(ObjectDigest.PREFIX.length());
        return cacheDirectory.resolve("git-" + key + ".yaml");
    }

    /** A cache entry that cannot be read is ignored: the tree is read again and the entry rewritten. */
    private Optional<List<SourceFile>> readCache(Path file) {
        if (file == null || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(bundles.read(Files.readAllBytes(file), file.toString()));
        } catch (IOException | BaselineException e) {
            return Optional.empty();
        }
    }

    /** Best effort: a cache that cannot be written only costs the next goal a tree walk. */
    private void writeCache(Path file, RevCommit commit, List<SourceFile> files) {
        // the cache keeps text; a file that is not valid UTF-8 would not come back byte for byte
        if (file == null || files.stream().anyMatch(f -> !Arrays.equals(f.content(),
                new String(f.content(), StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8)))) {
            return;
        }
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            Files.writeString(tmp, bundles.write("git", commit.getId().name(), files), StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // ignored on purpose, see above
        }
    }

    private Repository open() throws IOException {
        FileRepositoryBuilder builder = new FileRepositoryBuilder().readEnvironment().findGitDir(projectBaseDir.toFile());
        if (builder.getGitDir() == null) {
            throw new RepositoryNotFoundException(projectBaseDir.toFile());
        }
        return builder.setMustExist(true).build();
    }

    private Repository openOrFail(String spec) throws BaselineException {
        try {
            return open();
        } catch (IOException | IllegalArgumentException e) {
            throw new BaselineException(spec + ": " + projectBaseDir + " is not inside a git repository"
                    + " (searched upwards for .git). Run the build from a git clone, or use"
                    + " netpol.baseline=release or dir:<path>.", e);
        }
    }

    private String projectPrefix(Repository repo) {
        Path root = repo.getWorkTree().toPath().toAbsolutePath().normalize();
        String rel = root.relativize(projectBaseDir).toString().replace('\\', '/');
        return stripSlashes(rel);
    }

    private static String relativeToProject(String prefix, String repoPath) {
        return prefix.isEmpty() || !repoPath.startsWith(prefix + "/") ? repoPath : repoPath.substring(prefix.length() + 1);
    }

    private static String join(String a, String b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.isEmpty() ? a : a + "/" + b;
    }

    private static String stripSlashes(String s) {
        String t = s.replace('\\', '/');
        while (t.startsWith("./")) {
            t = t.substring(2);
        }
        while (t.startsWith("/")) {
            t = t.substring(1);
        }
        while (t.endsWith("/")) {
            t = t.substring(0, t.length() - 1);
        }
        return t.equals(".") ? "" : t;
    }
}
