package io.github.netpol.baseline;

import io.github.netpol.load.SourceFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Turns a {@link BaselineSpec} into the old sources, trying what SPEC.md orders for {@code auto}. */
public final class BaselineProvider {

    /** Reads a directory of manifests the same way as the current sources are read. */
    @FunctionalInterface
    public interface DirectoryReader {
        List<SourceFile> read(Path directory) throws IOException;
    }

    private final Path projectBaseDir;
    private final List<String> sources;
    private final ReleaseRepository releases;
    private final GitBaselineReader git;
    private final DirectoryReader directories;
    private final PolicyBundle bundles = new PolicyBundle();

    /**
     * @param sources  the source paths relative to the project base directory, used to find the
     *                 same files in a git tree
     * @param releases access to released bundles, or {@code null} when there is no Maven repository
     */
    public BaselineProvider(Path projectBaseDir, List<String> sources, ReleaseRepository releases,
                            GitBaselineReader git, DirectoryReader directories) {
        this.projectBaseDir = projectBaseDir;
        this.sources = List.copyOf(sources);
        this.releases = releases;
        this.git = git;
        this.directories = directories;
    }

    public BaselineOutcome obtain(BaselineSpec spec) throws BaselineException {
        if (spec instanceof BaselineSpec.None) {
            return new BaselineOutcome.Absent(List.of("netpol.baseline=none"));
        }
        if (spec instanceof BaselineSpec.Dir dir) {
            return new BaselineOutcome.Found(fromDirectory(dir));
        }
        if (spec instanceof BaselineSpec.Git g) {
            return fromGit(g);
        }
        if (spec instanceof BaselineSpec.Release r) {
            return fromRelease(r);
        }
        return auto();
    }

    private Baseline fromDirectory(BaselineSpec.Dir dir) throws BaselineException {
        Path path = projectBaseDir.resolve(dir.path()).normalize();
        if (!Files.isDirectory(path)) {
            throw new BaselineException(dir + ": " + path + " is not a directory. Point netpol.baseline=dir:<path>"
                    + " at a directory that holds the previous version's manifests.");
        }
        try {
            List<SourceFile> files = directories.read(path);
            return new Baseline(dir.toString(), "directory " + dir.path(), files);
        } catch (IOException e) {
            throw new BaselineException(dir + ": cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    private BaselineOutcome fromGit(BaselineSpec.Git g) throws BaselineException {
        if (!g.newestTag()) {
            return new BaselineOutcome.Found(git.read(g.ref(), sources));
        }
        Optional<String> tag = git.newestTagBeforeHead();
        if (tag.isEmpty()) {
            return new BaselineOutcome.Absent(List.of("git:tag: no tag reachable from HEAD other than HEAD's own"
                    + shallowNote()));
        }
        Baseline b = git.read(tag.get(), sources);
        return new BaselineOutcome.Found(new Baseline("git:" + tag.get(), "git tag " + b.description().substring(4), b.files()));
    }

    private BaselineOutcome fromRelease(BaselineSpec.Release r) throws BaselineException {
        ReleaseRepository repo = requireReleases(r);
        String version = r.version();
        if (version == null) {
            Optional<String> previous = repo.previousRelease();
            if (previous.isEmpty()) {
                if (repo.offline()) {
                    throw offlineWithoutRelease(repo, r.toString());
                }
                return new BaselineOutcome.Absent(List.of("release: no released version of " + repo.coordinates()
                        + " below the current one in the project's repositories"));
            }
            version = previous.get();
        }
        return new BaselineOutcome.Found(bundleOf(repo, version, r.toString()));
    }

    private BaselineOutcome auto() throws BaselineException {
        List<String> tried = new ArrayList<>();
        boolean releaseUnknown = false;
        if (releases != null) {
            Optional<String> previous = releases.previousRelease();
            if (previous.isPresent()) {
                Optional<Path> bundle = releases.bundle(previous.get());
                if (bundle.isPresent()) {
                    return new BaselineOutcome.Found(readBundle(releases, previous.get(), bundle.get()));
                }
                tried.add("release " + previous.get() + " of " + releases.coordinates() + " has no netpol bundle");
            } else {
                releaseUnknown = releases.offline();
                tried.add("no previous release of " + releases.coordinates()
                        + (releases.offline() ? " in the local repository (offline)" : ""));
            }
        } else {
            tried.add("no Maven repository to look for releases in");
        }
        if (git.repositoryRoot().isPresent()) {
            Optional<String> tag = git.newestTagBeforeHead();
            if (tag.isPresent()) {
                Baseline b = git.read(tag.get(), sources);
                return new BaselineOutcome.Found(new Baseline("git:" + tag.get(),
                        "git tag " + b.description().substring(4), b.files()));
            }
            tried.add("no git tag reachable from HEAD other than HEAD's own" + shallowNote());
        } else {
            tried.add("the project is not in a git repository");
        }
        if (releaseUnknown) {
            throw offlineWithoutRelease(releases, "auto");
        }
        return new BaselineOutcome.Absent(tried);
    }

    private String shallowNote() {
        return git.isShallow() ? " (the clone is shallow: fetch the tags and history, e.g. actions/checkout with"
                + " fetch-depth: 0, or 'git fetch --unshallow --tags')" : "";
    }

    private Baseline bundleOf(ReleaseRepository repo, String version, String spec) throws BaselineException {
        Optional<Path> bundle = repo.bundle(version);
        if (bundle.isEmpty()) {
            throw new BaselineException(spec + ": release " + version + " of " + repo.coordinates()
                    + " has no netpol bundle (classifier netpol, type yaml). Releases get one from the netpol:bundle"
                    + " goal (phase package); for a release made before that, use netpol.baseline=git:<its tag>.");
        }
        return readBundle(repo, version, bundle.get());
    }

    private Baseline readBundle(ReleaseRepository repo, String version, Path bundle) throws BaselineException {
        try {
            List<SourceFile> files = bundles.read(Files.readAllBytes(bundle), bundle.toString());
            return new Baseline("release:" + version, "release " + version + " of " + repo.coordinates(), files);
        } catch (IOException e) {
            throw new BaselineException("cannot read " + bundle + ": " + e.getMessage(), e);
        }
    }

    private ReleaseRepository requireReleases(BaselineSpec spec) throws BaselineException {
        if (releases == null) {
            throw new BaselineException(spec + ": no Maven repository is available to resolve releases from");
        }
        return releases;
    }

    private static BaselineException offlineWithoutRelease(ReleaseRepository repo, String spec) {
        return new BaselineException(spec + ": Maven is offline and the local repository holds no release of "
                + repo.coordinates() + ", so the previous release's policies cannot be compared. Run the build"
                + " online once (the bundle is then cached), or set -Dnetpol.baseline=git:tag, dir:<path> or none.");
    }
}
