package io.github.netpol.baseline;

import io.github.netpol.load.SourceFile;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BaselineProviderTest {

    @TempDir
    Path dir;

    /** A release repository held in memory: version → bundle file (or null for a release without bundle). */
    private record FakeReleases(Map<String, Path> bundles, String previous, boolean offline) implements ReleaseRepository {
        @Override
        public Optional<String> previousRelease() {
            return Optional.ofNullable(previous);
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
    }

    private final BaselineProvider.DirectoryReader noDirs = d -> List.of();

    @Test
    void autoPrefersTheReleaseBundle() throws Exception {
        Path bundle = writeBundle("1.0.0", "src/main/kubernetes/np.yaml", "kind: NetworkPolicy\n");
        BaselineProvider p = provider(new FakeReleases(Map.of("1.0.0", bundle), "1.0.0", false));

        BaselineOutcome outcome = p.obtain(new BaselineSpec.Auto());

        Baseline b = ((BaselineOutcome.Found) outcome).baseline();
        assertThat(b.spec()).isEqualTo("release:1.0.0");
        assertThat(b.files()).extracting(SourceFile::path).containsExactly("src/main/kubernetes/np.yaml");
    }

    @Test
    void autoFallsBackToTheNewestTagThenToNothing() throws Exception {
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            Files.createDirectories(dir.resolve("src/main/kubernetes"));
            Files.writeString(dir.resolve("src/main/kubernetes/np.yaml"), "old\n");
            git.add().addFilepattern(".").call();
            git.commit().setMessage("one").setSign(false).call();
            BaselineProvider p = provider(new FakeReleases(Map.of(), null, false));
            assertThat(p.obtain(new BaselineSpec.Auto())).isInstanceOf(BaselineOutcome.Absent.class);

            git.tag().setName("v1").call();
            Files.writeString(dir.resolve("src/main/kubernetes/np.yaml"), "new\n");
            git.add().addFilepattern(".").call();
            git.commit().setMessage("two").setSign(false).call();
            Baseline b = ((BaselineOutcome.Found) p.obtain(new BaselineSpec.Auto())).baseline();
            assertThat(b.spec()).isEqualTo("git:v1");
            assertThat(new String(b.files().get(0).content(), StandardCharsets.UTF_8)).isEqualTo("old\n");
        }
    }

    @Test
    void aShallowCloneIsNamedAsTheLikelyReasonForAMissingTag() throws Exception {
        Path origin = dir.resolve("origin");
        try (Git git = Git.init().setDirectory(origin.toFile()).setInitialBranch("main").call()) {
            Files.createDirectories(origin.resolve("src/main/kubernetes"));
            for (int i = 0; i < 2; i++) {
                Files.writeString(origin.resolve("src/main/kubernetes/np.yaml"), "v" + i + "\n");
                git.add().addFilepattern(".").call();
                git.commit().setMessage("c" + i).setSign(false).call();
            }
        }
        Path clone = dir.resolve("clone");
        Git.cloneRepository().setURI(origin.toUri().toString()).setDirectory(clone.toFile()).setDepth(1).call().close();
        BaselineProvider p = new BaselineProvider(clone, List.of("src/main/kubernetes"), null, new GitBaselineReader(clone), noDirs);
        BaselineOutcome outcome = p.obtain(new BaselineSpec.Git("tag"));
        assertThat(((BaselineOutcome.Absent) outcome).tried()).singleElement()
                .satisfies(t -> assertThat(t).contains("the clone is shallow").contains("fetch-depth: 0"));
    }

    @Test
    void autoWithNothingListsWhatWasTried() throws Exception {
        BaselineOutcome outcome = provider(new FakeReleases(Map.of(), null, false)).obtain(new BaselineSpec.Auto());
        assertThat(((BaselineOutcome.Absent) outcome).tried())
                .anyMatch(t -> t.contains("no previous release of io.example:shop"))
                .anyMatch(t -> t.contains("not in a git repository"));
    }

    @Test
    void offlineWithoutAnyReleaseIsAnErrorThatSaysHowToFixIt() {
        BaselineProvider p = provider(new FakeReleases(Map.of(), null, true));
        assertThatThrownBy(() -> p.obtain(new BaselineSpec.Release(null)))
                .isInstanceOf(BaselineException.class).hasMessageContaining("offline")
                .hasMessageContaining("-Dnetpol.baseline=git:tag");
        assertThatThrownBy(() -> p.obtain(new BaselineSpec.Auto())).hasMessageContaining("offline");
    }

    @Test
    void releaseWithoutBundleIsAnError() {
        Map<String, Path> bundles = new java.util.HashMap<>();
        bundles.put("1.0.0", null);
        BaselineProvider p = provider(new FakeReleases(bundles, "1.0.0", false));
        assertThatThrownBy(() -> p.obtain(new BaselineSpec.Release(null)))
                .hasMessageContaining("release 1.0.0 of io.example:shop has no netpol bundle")
                .hasMessageContaining("netpol:bundle");
        assertThatThrownBy(() -> p.obtain(new BaselineSpec.Release("0.9.0"))).hasMessageContaining("not found");
    }

    @Test
    void firstReleaseIsAbsentNotAnError() throws Exception {
        assertThat(provider(new FakeReleases(Map.of(), null, false)).obtain(new BaselineSpec.Release(null)))
                .isInstanceOf(BaselineOutcome.Absent.class);
        assertThat(provider(null).obtain(new BaselineSpec.None())).isInstanceOf(BaselineOutcome.Absent.class);
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

    private BaselineProvider provider(ReleaseRepository releases) {
        return new BaselineProvider(dir, List.of("src/main/kubernetes"), releases, new GitBaselineReader(dir), noDirs);
    }

    private Path writeBundle(String version, String path, String content) throws Exception {
        String text = new PolicyBundle().write("io.example:shop", version,
                List.of(new SourceFile(path, content.getBytes(StandardCharsets.UTF_8))));
        return Files.writeString(dir.resolve("shop-" + version + "-netpol.yaml"), text);
    }
}
