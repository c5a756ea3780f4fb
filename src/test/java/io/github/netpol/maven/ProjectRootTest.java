package io.github.netpol.maven;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Report paths are relative to the repository root, with or without git. */
class ProjectRootTest {

    @Test
    void withoutGitTheTopLevelProjectIsTheRoot(@TempDir Path dir) throws Exception {
        Path module = Files.createDirectories(dir.resolve("services/shop"));
        assertThat(ProjectRoot.prefix(module, dir)).isEqualTo("services/shop");
        assertThat(ProjectRoot.prefix(dir, dir)).isEmpty();
        // a project built on its own is its own root
        assertThat(ProjectRoot.prefix(module, null)).isEmpty();
    }

    @Test
    void withGitTheWorkTreeIsTheRoot(@TempDir Path dir) throws Exception {
        Path repo = Files.createDirectories(dir.resolve("repo"));
        Files.createDirectories(repo.resolve(".git"));
        Path module = Files.createDirectories(repo.resolve("deploy/shop"));
        // built from the module alone: still relative to the work tree
        assertThat(ProjectRoot.prefix(module, module)).isEqualTo("deploy/shop");
        // a worktree or submodule has a .git file
        Path sub = Files.createDirectories(dir.resolve("sub"));
        Files.writeString(sub.resolve(".git"), "gitdir: ../repo/.git/worktrees/sub\n");
        assertThat(ProjectRoot.of(Files.createDirectories(sub.resolve("a")), null)).isEqualTo(sub);
    }
}
