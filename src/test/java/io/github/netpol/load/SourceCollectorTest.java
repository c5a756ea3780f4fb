package io.github.netpol.load;

import io.github.netpol.finding.Finding;
import io.github.netpol.finding.FindingCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The sources are the project's files, all of them, and nothing outside the project's root is ever read. */
class SourceCollectorTest {

    private static final String SECRET = "root:x:0:0:secret-marker";
    private static final List<Path> SOURCES = List.of(Path.of("src/main/kubernetes"));

    @TempDir
    Path tmp;

    /** The git work tree (the root) holding the project in a subdirectory; {@code outside} is beyond the root. */
    private Path root;
    private Path project;
    private Path sources;
    private Path outside;

    @BeforeEach
    void layout() throws Exception {
        root = Files.createDirectories(tmp.resolve("repo"));
        project = Files.createDirectories(root.resolve("services/shop"));
        sources = Files.createDirectories(project.resolve("src/main/kubernetes"));
        outside = Files.createDirectories(tmp.resolve("elsewhere"));
        write(sources.resolve("own.yaml"), "own: 1\n");
        write(outside.resolve("passwd.yaml"), SECRET + "\n");
    }

    private CollectedSources scan() {
        return new SourceCollector(root).scan(project, SOURCES);
    }

    @Test
    void aDirectoryLinkInsideTheRootIsFollowedAndItsFilesKeepTheLinksPath() throws Exception {
        write(root.resolve("shared-policies/allow-all.yaml"), "allow: all\n");
        write(root.resolve("shared-policies/nested/deny.yml"), "deny: all\n");
        Files.createSymbolicLink(sources.resolve("shared"), Path.of("../../../../../shared-policies"));

        CollectedSources c = scan();

        assertThat(c.problems()).isEmpty();
        assertThat(c.files()).extracting(SourceFile::path).containsExactly("src/main/kubernetes/own.yaml",
                "src/main/kubernetes/shared/allow-all.yaml", "src/main/kubernetes/shared/nested/deny.yml");
    }

    @Test
    void aFileLinkInsideTheRootIsRead() throws Exception {
        write(root.resolve("common/dns.yaml"), "dns: 53\n");
        Files.createSymbolicLink(sources.resolve("dns.yaml"), root.resolve("common/dns.yaml"));
        assertThat(scan().files()).extracting(SourceFile::path).contains("src/main/kubernetes/dns.yaml");
    }

    @Test
    void linksOutOfTheRootAreErrorsAtTheLinkAndTheirTargetIsNeverRead() throws Exception {
        Files.createSymbolicLink(sources.resolve("passwd.yaml"), outside.resolve("passwd.yaml"));
        Files.createSymbolicLink(sources.resolve("elsewhere"), outside);

        CollectedSources c = scan();

        assertThat(c.files()).extracting(SourceFile::path).containsExactly("src/main/kubernetes/own.yaml");
        assertThat(c.problems()).extracting(Finding::id).containsExactly(FindingCode.SYMLINK_OUTSIDE_ROOT.id(),
                FindingCode.SYMLINK_OUTSIDE_ROOT.id());
        assertThat(c.problems()).extracting(f -> f.location().file())
                .containsExactly("src/main/kubernetes/elsewhere", "src/main/kubernetes/passwd.yaml");
        assertThat(c.problems()).allSatisfy(f -> assertThat(f.message())
                .contains("resolves outside the project's root (" + root.toRealPath() + ")").contains("its target is not read")
                .doesNotContain("secret-marker"));
    }

    @Test
    void aDanglingLinkAndLoopsAreErrors() throws Exception {
        Files.createSymbolicLink(sources.resolve("gone.yaml"), Path.of("nothing-here.yaml"));
        Files.createSymbolicLink(sources.resolve("up"), Path.of(".."));
        Files.createSymbolicLink(sources.resolve("a.yaml"), Path.of("b.yaml"));
        Files.createSymbolicLink(sources.resolve("b.yaml"), Path.of("a.yaml"));

        CollectedSources c = scan();

        assertThat(c.files()).extracting(SourceFile::path).containsExactly("src/main/kubernetes/own.yaml");
        assertThat(c.problems()).extracting(f -> f.id() + " " + f.location().file()).containsExactly(
                "symlink-loop src/main/kubernetes/a.yaml", "symlink-loop src/main/kubernetes/b.yaml",
                "symlink-dangling src/main/kubernetes/gone.yaml", "symlink-loop src/main/kubernetes/up");
        assertThat(c.problems().get(2).message()).contains("points to nothing-here.yaml, which does not exist");
    }

    @Test
    void aFileReachedTwiceIsReadOnce() throws Exception {
        Files.createSymbolicLink(sources.resolve("again"), Path.of("."));
        Files.createDirectories(sources.resolve("sub"));
        write(sources.resolve("sub/x.yaml"), "x: 1\n");
        Files.createSymbolicLink(sources.resolve("also"), Path.of("sub"));

        CollectedSources c = scan();

        assertThat(c.files()).extracting(SourceFile::path)
                .containsExactly("src/main/kubernetes/also/x.yaml", "src/main/kubernetes/own.yaml");
        assertThat(c.problems()).extracting(f -> f.id() + " " + f.location().file())
                .containsExactly("symlink-loop src/main/kubernetes/again");
    }

    @Test
    void aSourceConfiguredOutsideTheRootIsTheUsersChoiceAndItsOwnLinksMayStayInsideIt() throws Exception {
        write(outside.resolve("sub/np.yaml"), "np: 1\n");
        Files.createSymbolicLink(outside.resolve("linked"), Path.of("sub"));

        CollectedSources c = new SourceCollector(root).scan(project, List.of(outside));

        assertThat(c.problems()).isEmpty();
        assertThat(c.files()).extracting(SourceFile::path).containsExactly(outside + "/linked/np.yaml",
                outside + "/passwd.yaml");
    }

    @Test
    void aSourceWhosePathLeavesTheRootThroughALinkedDirectoryIsAnError() throws Exception {
        Files.createSymbolicLink(project.resolve("k8s"), outside);

        CollectedSources c = new SourceCollector(root).scan(project, List.of(Path.of("k8s/passwd.yaml")));

        assertThat(c.files()).isEmpty();
        assertThat(c.problems()).singleElement().satisfies(f -> {
            assertThat(f.id()).isEqualTo(FindingCode.SYMLINK_OUTSIDE_ROOT.id());
            assertThat(f.location().file()).isEqualTo("k8s/passwd.yaml");
        });
    }

    @Test
    void withoutARootTheBaseDirectoryIsTheRoot() throws Exception {
        write(project.resolve("shared/np.yaml"), "np: 1\n");
        write(root.resolve("above/np.yaml"), "np: 2\n");
        Files.createSymbolicLink(sources.resolve("shared"), Path.of("../../../shared"));
        Files.createSymbolicLink(sources.resolve("above"), Path.of("../../../../../above"));

        CollectedSources c = new SourceCollector().scan(project, SOURCES);

        assertThat(c.files()).extracting(SourceFile::path).contains("src/main/kubernetes/shared/np.yaml");
        assertThat(c.problems()).extracting(f -> f.id() + " " + f.location().file())
                .containsExactly("symlink-outside-root src/main/kubernetes/above");
    }

    private static void write(Path file, String text) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
