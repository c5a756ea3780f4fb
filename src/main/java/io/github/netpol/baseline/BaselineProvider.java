package io.github.netpol.baseline;

import io.github.netpol.load.IoReason;
import io.github.netpol.load.SourceFile;
import io.github.netpol.render.RenderSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

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
    private final Supplier<GitBaselineReader> gitReader;
    private GitBaselineReader git;
    private final DirectoryReader directories;
    private final EnvironmentRenderer environments;
    private final PolicyBundle bundles = new PolicyBundle();
    private BaselineCache cache;

    /**
     * @param sources  the source paths relative to the project base directory, used to find the
     *                 same files in a git tree
     * @param releases access to released bundles, or {@code null} when there is no Maven repository
     */
    public BaselineProvider(Path projectBaseDir, List<String> sources, ReleaseRepository releases,
                            GitBaselineReader git, DirectoryReader directories) {
        this(projectBaseDir, sources, releases, () -> git, directories, null);
    }

    /**
     * @param git made when a baseline is looked for in git, never for a directory or a release: JGit's signed jar
     *            costs a cold build a noticeable part of a second to verify the first time one of its classes loads
     */
    public BaselineProvider(Path projectBaseDir, List<String> sources, ReleaseRepository releases,
                            Supplier<GitBaselineReader> git, DirectoryReader directories) {
        this(projectBaseDir, sources, releases, git, directories, null);
    }

    /**
     * @param environments renders the build's environments from a git checkout or a directory, or {@code null}
     *                     when the build renders nothing
     */
    public BaselineProvider(Path projectBaseDir, List<String> sources, ReleaseRepository releases,
                            Supplier<GitBaselineReader> git, DirectoryReader directories, EnvironmentRenderer environments) {
        this.projectBaseDir = projectBaseDir;
        this.sources = List.copyOf(sources);
        this.releases = releases;
        this.gitReader = git;
        this.directories = directories;
        this.environments = environments;
    }

    /** Keeps parsed release bundles in {@code cache} and reads them from there; without it every bundle is parsed. */
    public BaselineProvider caching(BaselineCache cache) {
        this.cache = cache;
        return this;
    }

    private GitBaselineReader git() {
        if (git == null) {
            git = gitReader.get();
        }
        return git;
    }

    public BaselineOutcome obtain(BaselineSpec spec) throws BaselineException {
        if (spec instanceof BaselineSpec.None) {
            return new BaselineOutcome.NotRequested();
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
        String description = "directory " + dir.path();
        try {
            if (environments == null) {
                return new Baseline(dir.toString(), description, directories.read(path));
            }
            RenderSpec.Kind kind = RenderSpec.detect(path);
            if (kind != null) {
                // the directory is the previous version of the build's one environment
                return new Baseline(dir.toString(), description, List.of())
                        .withEnvironments(List.of(environments.renderAsTheEnvironment(path, "dir")));
            }
            // a copy of the project: the plain sources and the environments at the same places in it
            List<SourceFile> plain = new ArrayList<>();
            for (String source : sources) {
                Path at = path.resolve(source).normalize();
                if (Files.exists(at)) {
                    plain.addAll(directories.read(at));
                }
            }
            return new Baseline(dir.toString(), description, plain).withEnvironments(environments.render(path, path, "dir"));
        } catch (IOException e) {
            throw new BaselineException(dir + ": cannot read " + path + ": " + IoReason.of(e), e);
        } catch (IllegalArgumentException e) {
            throw new BaselineException(dir + ": " + e.getMessage(), e);
        }
    }

    private BaselineOutcome fromGit(BaselineSpec.Git g) throws BaselineException {
        if (!g.newestTag()) {
            return new BaselineOutcome.Found(rendered(git().read(g.ref(), sources), g.ref()));
        }
        Optional<String> tag = git().newestTagBeforeHead();
        if (tag.isPresent()) {
            return new BaselineOutcome.Found(tagBaseline(tag.get()));
        }
        requireCompleteHistory(g.toString());
        return new BaselineOutcome.Absent(List.of(NO_TAG));
    }

    /** A git baseline with the build's environments rendered from the tree at the ref, checked out for it. */
    private Baseline rendered(Baseline b, String ref) throws BaselineException {
        if (environments == null) {
            return b;
        }
        GitBaselineReader.Checkout checkout = git().checkout(ref);
        return b.withEnvironments(environments.render(checkout.projectDir(), checkout.root(), "git-" + checkout.commit()));
    }

    private BaselineOutcome fromRelease(BaselineSpec.Release r) throws BaselineException {
        ReleaseRepository repo = requireReleases(r);
        if (r.version() != null) {
            return new BaselineOutcome.Found(bundleOf(repo, r.version(), r.toString()));
        }
        Optional<String> newest = newestRelease(repo, r.toString());
        if (newest.isEmpty()) {
            return new BaselineOutcome.Absent(List.of(noRelease(repo)));
        }
        return new BaselineOutcome.Found(newestBundle(repo, newest.get(), r.toString()));
    }

    /**
     * The newest release's bundle, else (when every repository answered that there is no release) the newest
     * tag before HEAD, else a proven first release. Never an older release or tag than the newest one: that
     * would compare with something the user did not choose.
     */
    private BaselineOutcome auto() throws BaselineException {
        ReleaseRepository repo = requireReleases(new BaselineSpec.Auto());
        Optional<String> newest = newestRelease(repo, "auto");
        if (newest.isPresent()) {
            return new BaselineOutcome.Found(newestBundle(repo, newest.get(), "auto"));
        }
        List<String> proof = new ArrayList<>();
        proof.add(noRelease(repo));
        if (git().repositoryRoot().isEmpty()) {
            proof.add("the project is not in a git repository");
            return new BaselineOutcome.Absent(proof);
        }
        Optional<String> tag = git().newestTagBeforeHead();
        if (tag.isPresent()) {
            return new BaselineOutcome.Found(tagBaseline(tag.get()));
        }
        requireCompleteHistory("auto");
        proof.add(NO_TAG);
        return new BaselineOutcome.Absent(proof);
    }

    private static final String NO_TAG = "the complete git history holds no tag before HEAD";

    private Baseline tagBaseline(String tag) throws BaselineException {
        Baseline b = rendered(git().read(tag, sources), tag);
        return new Baseline("git:" + tag, "git tag " + b.description().substring(4), b.files(), b.environments());
    }

    /** No tag before HEAD proves nothing in a history that may lack it. */
    private void requireCompleteHistory(String spec) throws BaselineException {
        Optional<String> incomplete = git().incompleteHistory();
        if (incomplete.isPresent()) {
            throw new BaselineException(spec + ": no git tag before HEAD, but " + incomplete.get() + ", so an earlier"
                    + " release tag may just not have been fetched and this cannot be shown to be a first release. "
                    + capitalized(GitBaselineReader.FETCH_HISTORY) + "; or choose the baseline on purpose with"
                    + " netpol.baseline=git:<ref>, release:<version>, dir:<path> or none.");
        }
    }

    /** The newest release below the current version, known only when every repository answered. */
    private static Optional<String> newestRelease(ReleaseRepository repo, String spec) throws BaselineException {
        ReleaseVersions listed = repo.releasesBelowCurrent();
        if (!listed.complete()) {
            throw unanswered(repo, listed, spec);
        }
        return listed.newest();
    }

    private static String noRelease(ReleaseRepository repo) {
        return "every repository answered and none holds a release of " + repo.coordinates() + " below "
                + repo.currentVersion();
    }

    private static BaselineException unanswered(ReleaseRepository repo, ReleaseVersions listed, String spec) {
        String which = String.join("; ", listed.unanswered());
        // offline, only a version list downloaded before answers; a project never released has none to download
        String fix = repo.offline()
                ? "Build online (without -o), which also caches the list for later offline builds"
                : "Fix the repository (its URL, the network or proxy, the credentials in settings.xml) and build again";
        return new BaselineException(spec + ": " + (listed.unanswered().size() == 1 ? "a repository" : "repositories")
                + " did not answer (" + which + "), so it is unknown whether a release of " + repo.coordinates()
                + " below " + repo.currentVersion() + " exists" + (repo.offline() ? " (Maven is offline)" : "")
                + ". " + fix + "; or choose the baseline on purpose with netpol.baseline=release:<version>,"
                + " git:<ref>, dir:<path> or none.");
    }

    private static BaselineException withoutBundle(ReleaseRepository repo, String version, String spec) {
        return new BaselineException(spec + ": release " + version + " of " + repo.coordinates() + ", the newest below "
                + repo.currentVersion() + ", has no netpol bundle (classifier netpol, type yaml), and the check does not"
                + " fall back to an older release or a git tag on its own. Choose the baseline on purpose:"
                + " netpol.baseline=release:<an older version that has a bundle> or git:<the tag of " + version
                + ">. Releases get a bundle from the netpol:bundle goal (phase package).");
    }

    private static String capitalized(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
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

    /** The newest release must have a bundle: falling back to an older one would compare with what nobody chose. */
    private Baseline newestBundle(ReleaseRepository repo, String version, String spec) throws BaselineException {
        Optional<Path> bundle = repo.bundle(version);
        if (bundle.isEmpty()) {
            throw withoutBundle(repo, version, spec);
        }
        return readBundle(repo, version, bundle.get());
    }

    private Baseline readBundle(ReleaseRepository repo, String version, Path bundle) throws BaselineException {
        String spec = "release:" + version;
        String description = "release " + version + " of " + repo.coordinates();
        try {
            byte[] bytes = Files.readAllBytes(bundle);
            if (cache == null) {
                PolicyBundle.Contents contents = bundles.readContents(bytes, bundle.toString());
                return new Baseline(spec, description, contents.files(), contents.environments());
            }
            // the bundle is read and hashed every time: the entry must be of exactly these bytes
            String digest = BaselineCache.digest(bytes);
            BaselineCache.Slot slot = cache.slot(bundle, digest);
            Optional<BaselineCache.Entry> entry = slot.find();
            if (entry.isPresent()) {
                // only a bundle without rendered environments is ever kept (see below), so these bytes have none
                return new Baseline(spec, description, entry.get().files(), List.of(), entry.get().loaded(), slot);
            }
            PolicyBundle.Contents contents = bundles.readContents(bytes, bundle.toString());
            if (!contents.environments().isEmpty()) {
                return new Baseline(spec, description, contents.files(), contents.environments());
            }
            return new Baseline(spec, description, contents.files(), List.of(), null, slot);
        } catch (IOException e) {
            throw new BaselineException("cannot read " + bundle + ": " + IoReason.of(e), e);
        }
    }

    private ReleaseRepository requireReleases(BaselineSpec spec) throws BaselineException {
        if (releases == null) {
            throw new BaselineException(spec + ": no Maven repository is available to resolve releases from; choose"
                    + " netpol.baseline=git:<ref>, dir:<path> or none.");
        }
        return releases;
    }
}
