package io.github.netpol.baseline;

import io.github.netpol.load.SourceFile;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BaselineProviderTest {

    @TempDir
    Path dir;

    /**
     * A release repository held in memory: version → bundle file (or null for a release without bundle), in
     * ascending order, and the repositories that did not answer.
     */
    record FakeReleases(Map<String, Path> bundles, List<String> unanswered, boolean offline)
            implements ReleaseRepository {

        FakeReleases(Map<String, Path> bundles) {
            this(bundles, List.of(), false);
        }

        @Override
        public ReleaseVersions releasesBelowCurrent() {
            return new ReleaseVersions(new ArrayList<>(new TreeMap<>(bundles).keySet()), unanswered);
        }

        @Override
        public Optional<Path> bundle(String version) throws BaselineException {
            if (!bundles.containsKey(version)) {
                throw new BaselineException("release:" + version + ": not found");
            }
            return Optional.ofNullable(bundles.get(version));
        }

        @Override
        public String coordinates() {
            return "io.example:shop";
        }

        @Override
        public String currentVersion() {
            return "1.1.0-SNAPSHOT";
        }
    }

    private final BaselineProvider.DirectoryReader noDirs = d -> List.of();

    @Test
    void autoPrefersTheReleaseBundle() throws Exception {
        Path bundle = writeBundle("1.0.0", "src/main/kubernetes/np.yaml", "kind: NetworkPolicy\n");
        BaselineProvider p = provider(new FakeReleases(Map.of("1.0.0", bundle)));

        BaselineOutcome outcome = p.obtain(new BaselineSpec.Auto());

        Baseline b = ((BaselineOutcome.Found) outcome).baseline();
        assertThat(b.spec()).isEqualTo("release:1.0.0");
        assertThat(b.files()).extracting(SourceFile::path).containsExactly("src/main/kubernetes/np.yaml");
    }

    @Test
    void autoWithoutReleasesTakesTheNewestTagElseItIsAProvenFirstRelease() throws Exception {
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            commit(git, dir, "old\n");
            BaselineProvider p = provider(new FakeReleases(Map.of()));
            assertThat(((BaselineOutcome.Absent) p.obtain(new BaselineSpec.Auto())).proof()).containsExactly(
                    "every repository answered and none holds a release of io.example:shop below 1.1.0-SNAPSHOT",
                    "the complete git history holds no tag before HEAD");

            git.tag().setName("v1").call();
            commit(git, dir, "new\n");
            Baseline b = ((BaselineOutcome.Found) p.obtain(new BaselineSpec.Auto())).baseline();
            assertThat(b.spec()).isEqualTo("git:v1");
            assertThat(new String(b.files().get(0).content(), StandardCharsets.UTF_8)).isEqualTo("old\n");
        }
    }

    @Test
    void autoOutsideGitWithNoReleaseIsAProvenFirstRelease() throws Exception {
        BaselineOutcome outcome = provider(new FakeReleases(Map.of())).obtain(new BaselineSpec.Auto());
        assertThat(((BaselineOutcome.Absent) outcome).proof())
                .anyMatch(t -> t.contains("none holds a release of io.example:shop"))
                .anyMatch(t -> t.contains("not in a git repository"));
    }

    @Test
    void aShallowCloneCannotProveThereIsNoEarlierTag() throws Exception {
        Path origin = dir.resolve("origin");
        try (Git git = Git.init().setDirectory(origin.toFile()).setInitialBranch("main").call()) {
            commit(git, origin, "v0\n");
            git.tag().setName("v1.0.0").call();
            commit(git, origin, "v1\n");
        }
        Path clone = dir.resolve("clone");
        Git.cloneRepository().setURI(origin.toUri().toString()).setDirectory(clone.toFile()).setDepth(1).call().close();
        BaselineProvider p = new BaselineProvider(clone, List.of("src/main/kubernetes"), new FakeReleases(Map.of()),
                new GitBaselineReader(clone), noDirs);
        for (BaselineSpec spec : List.of(new BaselineSpec.Git("tag"), new BaselineSpec.Auto())) {
            assertThatThrownBy(() -> p.obtain(spec)).as(spec.toString()).isInstanceOf(BaselineException.class)
                    .hasMessageStartingWith(spec + ": no git tag before HEAD, but the clone is shallow")
                    .hasMessageContaining("fetch-depth: 0").hasMessageContaining("git fetch --unshallow --tags");
        }
        // a ref the shallow clone holds is fine
        assertThat(p.obtain(new BaselineSpec.Git("HEAD"))).isInstanceOf(BaselineOutcome.Found.class);
    }

    @Test
    void aRemoteThatNeverFetchesTagsCannotProveThereIsNoEarlierTagButAPartialCloneCan() throws Exception {
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            commit(git, dir, "v0\n");
            var config = git.getRepository().getConfig();
            config.setString("extensions", null, "partialClone", "origin");
            config.setString("remote", "origin", "url", "https://example.org/shop.git");
            config.save();
            BaselineProvider p = provider(new FakeReleases(Map.of()));
            assertThat(p.obtain(new BaselineSpec.Git("tag"))).isInstanceOf(BaselineOutcome.Absent.class);

            config.setString("remote", "origin", "tagOpt", "--no-tags");
            config.save();
            assertThatThrownBy(() -> p.obtain(new BaselineSpec.Git("tag")))
                    .hasMessageContaining("remote 'origin' is configured not to fetch tags (remote.origin.tagOpt = --no-tags)")
                    .hasMessageContaining("git config --unset remote.<name>.tagOpt");
        }
    }

    @Test
    void theNewestReleaseWithoutBundleFailsAndNeverFallsBackToAnOlderReleaseOrTag() throws Exception {
        Map<String, Path> bundles = new HashMap<>();
        bundles.put("1.0.0", writeBundle("1.0.0", "src/main/kubernetes/np.yaml", "old\n"));
        bundles.put("1.0.5", null);
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            commit(git, dir, "old\n");
            git.tag().setName("v1.0.0").call();
            commit(git, dir, "new\n");
            BaselineProvider p = provider(new FakeReleases(bundles));
            for (BaselineSpec spec : List.of(new BaselineSpec.Auto(), new BaselineSpec.Release(null))) {
                assertThatThrownBy(() -> p.obtain(spec)).as(spec.toString())
                        .hasMessageStartingWith(spec + ": release 1.0.5 of io.example:shop, the newest below 1.1.0-SNAPSHOT,"
                                + " has no netpol bundle")
                        .hasMessageContaining("does not fall back to an older release or a git tag")
                        .hasMessageContaining("netpol.baseline=release:<an older version that has a bundle> or git:<the tag of 1.0.5>");
            }
            Baseline chosen = ((BaselineOutcome.Found) p.obtain(new BaselineSpec.Release("1.0.0"))).baseline();
            assertThat(chosen.spec()).isEqualTo("release:1.0.0");
            assertThatThrownBy(() -> p.obtain(new BaselineSpec.Release("1.0.5"))).hasMessageContaining("has no netpol bundle");
            assertThatThrownBy(() -> p.obtain(new BaselineSpec.Release("0.9.0"))).hasMessageContaining("not found");
        }
    }

    @Test
    void aRepositoryThatDidNotAnswerFailsNamingItAndTheFix() throws Exception {
        Path bundle = writeBundle("1.0.0", "src/main/kubernetes/np.yaml", "old\n");
        String down = "repository unreachable (http://127.0.0.1:9/): Connection refused";
        BaselineProvider p = provider(new FakeReleases(Map.of("1.0.0", bundle), List.of(down), false));
        for (BaselineSpec spec : List.of(new BaselineSpec.Auto(), new BaselineSpec.Release(null))) {
            assertThatThrownBy(() -> p.obtain(spec)).as(spec.toString())
                    .hasMessageStartingWith(spec + ": a repository did not answer (" + down + "), so it is unknown whether"
                            + " a release of io.example:shop below 1.1.0-SNAPSHOT exists")
                    .hasMessageContaining("Fix the repository").hasMessageContaining("netpol.baseline=release:<version>");
        }
        // a version chosen on purpose does not need the list
        assertThat(p.obtain(new BaselineSpec.Release("1.0.0"))).isInstanceOf(BaselineOutcome.Found.class);
    }

    @Test
    void offlineWithNothingCachedFailsAndSaysHowToFixIt() {
        String never = "repository central (https://repo.maven.apache.org/maven2): Maven is offline and its versions"
                + " were never downloaded";
        BaselineProvider p = provider(new FakeReleases(Map.of(), List.of(never), true));
        for (BaselineSpec spec : List.of(new BaselineSpec.Auto(), new BaselineSpec.Release(null))) {
            assertThatThrownBy(() -> p.obtain(spec)).isInstanceOf(BaselineException.class)
                    .hasMessageContaining("(Maven is offline)").hasMessageContaining("Build online (without -o)")
                    .hasMessageContaining("git:<ref>");
        }
    }

    @Test
    void aFirstReleaseIsAbsentAndNoneIsNotRequested() throws Exception {
        assertThat(((BaselineOutcome.Absent) provider(new FakeReleases(Map.of())).obtain(new BaselineSpec.Release(null)))
                .proof()).containsExactly(
                "every repository answered and none holds a release of io.example:shop below 1.1.0-SNAPSHOT");
        assertThat(provider(null).obtain(new BaselineSpec.None())).isInstanceOf(BaselineOutcome.NotRequested.class);
    }

    @Test
    void dirReadsThroughTheDirectoryReaderAndRejectsAMissingDirectory() throws Exception {
        Files.createDirectories(dir.resolve("old"));
        BaselineProvider p = new BaselineProvider(dir, List.of("src/main/kubernetes"), null, new GitBaselineReader(dir),
                d -> List.of(new SourceFile("old/a.yaml", new byte[0])));
        Baseline b = ((BaselineOutcome.Found) p.obtain(new BaselineSpec.Dir("old"))).baseline();
        assertThat(b.files()).extracting(SourceFile::path).containsExactly("old/a.yaml");
        assertThatThrownBy(() -> p.obtain(new BaselineSpec.Dir("missing"))).hasMessageContaining("is not a directory");
    }

    @Test
    void aDirectoryOrAReleaseBaselineNeverMakesTheGitReader() throws Exception {
        Files.createDirectories(dir.resolve("old"));
        Path bundle = writeBundle("1.0.0", "src/main/kubernetes/np.yaml", "kind: NetworkPolicy\n");
        BaselineProvider p = new BaselineProvider(dir, List.of("src/main/kubernetes"),
                new FakeReleases(Map.of("1.0.0", bundle)), () -> {
                    throw new AssertionError("git reader made");
                }, d -> List.of(new SourceFile("old/a.yaml", new byte[0])));
        assertThat(p.obtain(new BaselineSpec.Dir("old"))).isInstanceOf(BaselineOutcome.Found.class);
        assertThat(p.obtain(new BaselineSpec.Release("1.0.0"))).isInstanceOf(BaselineOutcome.Found.class);
        assertThat(p.obtain(new BaselineSpec.Auto())).isInstanceOf(BaselineOutcome.Found.class);
    }

    private static void commit(Git git, Path root, String content) throws Exception {
        Files.createDirectories(root.resolve("src/main/kubernetes"));
        Files.writeString(root.resolve("src/main/kubernetes/np.yaml"), content);
        git.add().addFilepattern(".").call();
        git.commit().setMessage(content.trim()).setSign(false).call();
    }

    private BaselineProvider provider(ReleaseRepository releases) {
        return new BaselineProvider(dir, List.of("src/main/kubernetes"), releases, new GitBaselineReader(dir), noDirs);
    }

    private Path writeBundle(String version, String path, String content) throws Exception {
        String text = new PolicyBundle().write("io.example:shop", version,
                List.of(new SourceFile(path, content.getBytes(StandardCharsets.UTF_8))));
        return Files.writeString(dir.resolve("shop-" + version + "-netpol.yaml"), text);
    }
}
