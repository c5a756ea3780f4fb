package io.github.netpol.baseline;

import io.github.netpol.load.SourceFile;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.TimeZone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GitBaselineReaderTest {

    @TempDir
    Path repoDir;

    private int clock;

    @Test
    void readsTheSourcesOfAProjectInASubdirectoryAtATagWithoutTouchingTheWorkTree() throws Exception {
        Path project = Files.createDirectories(repoDir.resolve("services/shop"));
        try (Git git = Git.init().setDirectory(repoDir.toFile()).setInitialBranch("main").call()) {
            write(project.resolve("src/main/kubernetes/np.yaml"), "version: 1\n");
            write(project.resolve("src/main/kubernetes/sub/ns.yml"), "ns: 1\n");
            write(project.resolve("src/main/kubernetes/README.md"), "not a manifest\n");
            write(project.resolve("other/np.yaml"), "elsewhere\n");
            commit(git, "release 1");
            git.tag().setName("v1.0.0").call();
            write(project.resolve("src/main/kubernetes/np.yaml"), "version: 2\n");
            commit(git, "widen");

            GitBaselineReader reader = new GitBaselineReader(project);
            Baseline baseline = reader.read("v1.0.0", List.of("src/main/kubernetes"));

            assertThat(baseline.files()).extracting(SourceFile::path)
                    .containsExactly("src/main/kubernetes/np.yaml", "src/main/kubernetes/sub/ns.yml");
            assertThat(text(baseline.files().get(0))).isEqualTo("version: 1\n");
            assertThat(baseline.spec()).isEqualTo("git:v1.0.0");
            assertThat(baseline.description()).startsWith("git v1.0.0 (");
            assertThat(Files.readString(project.resolve("src/main/kubernetes/np.yaml"))).isEqualTo("version: 2\n");
            assertThat(git.status().call().isClean()).isTrue();
            assertThat(reader.repositoryRoot()).contains(repoDir.toAbsolutePath().normalize());
        }
    }

    @Test
    void aCachedCommitIsReadFromTheCacheAndABrokenEntryIsReadAgainFromGit() throws Exception {
        Path cache = repoDir.resolve("target/netpol/baseline-cache");
        try (Git git = Git.init().setDirectory(repoDir.toFile()).setInitialBranch("main").call()) {
            write(repoDir.resolve("k8s/a.yaml"), "a: 1\n");
            write(repoDir.resolve("k8s/b.yaml"), "b: [1, 2]\n");
            commit(git, "one");
            git.tag().setName("v1.0.0").call();

            Baseline first = new GitBaselineReader(repoDir, cache).read("v1.0.0", List.of("k8s"));
            List<Path> entries;
            try (var list = Files.list(cache)) {
                entries = list.toList();
            }
            assertThat(entries).hasSize(1);
            assertThat(entries.get(0).getFileName().toString()).startsWith("git-").endsWith(".yaml");

            // the cache, not git, answers now: an edited entry shows through
            Files.writeString(entries.get(0), Files.readString(entries.get(0)).replace("a: 1", "a: 9"));
            Baseline cached = new GitBaselineReader(repoDir, cache).read("v1.0.0", List.of("k8s"));
            assertThat(cached.files()).extracting(SourceFile::path).containsExactly("k8s/a.yaml", "k8s/b.yaml");
            assertThat(text(cached.files().get(0))).isEqualTo("a: 9\n");
            assertThat(cached.description()).isEqualTo(first.description());

            // other source paths are another entry
            new GitBaselineReader(repoDir, cache).read("v1.0.0", List.of("k8s/a.yaml"));
            try (var list = Files.list(cache)) {
                assertThat(list.count()).isEqualTo(2);
            }

            Files.writeString(entries.get(0), "not: [a bundle");
            Baseline reread = new GitBaselineReader(repoDir, cache).read("v1.0.0", List.of("k8s"));
            assertThat(reread.files()).extracting(GitBaselineReaderTest::text).containsExactly("a: 1\n", "b: [1, 2]\n");
        }
    }

    @Test
    void newestTagSkipsHeadsOwnTag() throws Exception {
        try (Git git = Git.init().setDirectory(repoDir.toFile()).setInitialBranch("main").call()) {
            write(repoDir.resolve("k8s/a.yaml"), "a: 1\n");
            commit(git, "one");
            git.tag().setName("v1.0.0").call();
            write(repoDir.resolve("k8s/a.yaml"), "a: 2\n");
            commit(git, "two");
            git.tag().setName("v1.1.0").setAnnotated(true).setMessage("annotated").call();
            write(repoDir.resolve("k8s/a.yaml"), "a: 3\n");
            commit(git, "three");
            GitBaselineReader reader = new GitBaselineReader(repoDir);
            assertThat(reader.newestTagBeforeHead()).contains("v1.1.0");

            git.tag().setName("v1.2.0").call();
            assertThat(reader.newestTagBeforeHead()).contains("v1.1.0");
        }
    }

    @Test
    void noTagMeansEmpty() throws Exception {
        try (Git git = Git.init().setDirectory(repoDir.toFile()).setInitialBranch("main").call()) {
            write(repoDir.resolve("k8s/a.yaml"), "a: 1\n");
            commit(git, "one");
            assertThat(new GitBaselineReader(repoDir).newestTagBeforeHead()).isEmpty();
        }
    }

    @Test
    void unknownRefSaysWhatToDo() throws Exception {
        try (Git git = Git.init().setDirectory(repoDir.toFile()).setInitialBranch("main").call()) {
            write(repoDir.resolve("k8s/a.yaml"), "a: 1\n");
            commit(git, "one");
            assertThatThrownBy(() -> new GitBaselineReader(repoDir).read("v9.9.9", List.of("k8s")))
                    .isInstanceOf(BaselineException.class)
                    .hasMessageContaining("git:v9.9.9")
                    .hasMessageContaining("no branch, tag or commit named 'v9.9.9'")
                    .hasMessageContaining("git fetch --unshallow --tags");
        }
    }

    @Test
    void symbolicLinksInTheTreeAreFollowedInsideTheRepositoryNeverDropped() throws Exception {
        Path project = Files.createDirectories(repoDir.resolve("services/shop"));
        try (Git git = Git.init().setDirectory(repoDir.toFile()).setInitialBranch("main").call()) {
            write(project.resolve("src/main/kubernetes/own.yaml"), "own: 1\n");
            write(repoDir.resolve("shared-policies/allow-all.yaml"), "allow: all\n");
            write(repoDir.resolve("common/dns.yaml"), "dns: 53\n");
            Files.createSymbolicLink(project.resolve("src/main/kubernetes/shared"), Path.of("../../../../../shared-policies"));
            Files.createSymbolicLink(project.resolve("src/main/kubernetes/dns.yaml"), Path.of("../../../../../common/dns.yaml"));
            Files.createSymbolicLink(project.resolve("src/main/kubernetes/again"), Path.of("shared"));
            commit(git, "links");
            git.tag().setName("v1").call();

            Baseline b = new GitBaselineReader(project).read("v1", List.of("src/main/kubernetes"));

            // the same file through two links is read once, under the first path met
            assertThat(b.files()).extracting(SourceFile::path).containsExactly("src/main/kubernetes/again/allow-all.yaml",
                    "src/main/kubernetes/dns.yaml", "src/main/kubernetes/own.yaml");
            assertThat(b.files()).extracting(GitBaselineReaderTest::text).containsExactly("allow: all\n", "dns: 53\n",
                    "own: 1\n");
        }
    }

    @Test
    void aLinkInTheTreeThatLeavesTheRepositoryDanglesOrLoopsFailsAtItsPath() throws Exception {
        try (Git git = Git.init().setDirectory(repoDir.toFile()).setInitialBranch("main").call()) {
            write(repoDir.resolve("k8s/a.yaml"), "a: 1\n");
            commit(git, "one");
            Files.createSymbolicLink(repoDir.resolve("k8s/passwd.yaml"), Path.of("/etc/passwd"));
            commit(git, "absolute");
            git.tag().setName("absolute").call();
            Files.delete(repoDir.resolve("k8s/passwd.yaml"));
            Files.createSymbolicLink(repoDir.resolve("k8s/up.yaml"), Path.of("../../outside.yaml"));
            commit(git, "relative");
            git.tag().setName("relative").call();
            Files.delete(repoDir.resolve("k8s/up.yaml"));
            Files.createSymbolicLink(repoDir.resolve("k8s/gone.yaml"), Path.of("nothing.yaml"));
            commit(git, "dangling");
            git.tag().setName("dangling").call();
            Files.delete(repoDir.resolve("k8s/gone.yaml"));
            Files.createSymbolicLink(repoDir.resolve("k8s/loop"), Path.of(".."));
            commit(git, "loop");
            git.tag().setName("loop").call();

            GitBaselineReader reader = new GitBaselineReader(repoDir);
            assertThatThrownBy(() -> reader.read("absolute", List.of("k8s")))
                    .hasMessageStartingWith("git:absolute: k8s/passwd.yaml is a symbolic link that resolves outside the repository");
            assertThatThrownBy(() -> reader.read("relative", List.of("k8s")))
                    .hasMessageStartingWith("git:relative: k8s/up.yaml is a symbolic link that resolves outside the repository");
            assertThatThrownBy(() -> reader.read("dangling", List.of("k8s")))
                    .hasMessageStartingWith("git:dangling: k8s/gone.yaml is a symbolic link to nothing.yaml, which does not exist");
            assertThatThrownBy(() -> reader.read("loop", List.of("k8s")))
                    .hasMessageStartingWith("git:loop: k8s/loop is a symbolic link to .., a directory that contains the link itself");
        }
    }

    @Test
    void outsideARepositoryTheMessageSaysSo() {
        GitBaselineReader reader = new GitBaselineReader(repoDir.resolve("nowhere"));
        assertThat(reader.repositoryRoot()).isEmpty();
        assertThatThrownBy(() -> reader.read("main", List.of("k8s")))
                .isInstanceOf(BaselineException.class).hasMessageContaining("is not inside a git repository");
    }

    private void commit(Git git, String message) throws Exception {
        git.add().addFilepattern(".").call();
        PersonIdent who = new PersonIdent("Test", "test@example.org", Instant.ofEpochSecond(1_700_000_000L + 60L * clock++),
                TimeZone.getTimeZone("UTC").toZoneId());
        git.commit().setMessage(message).setAuthor(who).setCommitter(who).setSign(false).call();
    }

    private static void write(Path file, String text) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static String text(SourceFile f) {
        return new String(f.content(), StandardCharsets.UTF_8);
    }
}
