package io.github.netpol.maven;

import io.github.netpol.baseline.BaselineException;
import io.github.netpol.baseline.BaselineSpec;
import io.github.netpol.baseline.GitBaselineReader;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A baseline that cannot be obtained is one error that names the spec once, then why and what to do. */
class BaselineFailureTest {

    @Test
    void anUnknownGitRefNamesTheSpecOnce(@TempDir Path dir) throws Exception {
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            git.commit().setMessage("first").setAllowEmpty(true).setSign(false).call();
        }
        GitBaselineReader reader = new GitBaselineReader(dir);
        BaselineSpec spec = BaselineSpec.parse("git:x");
        assertThatThrownBy(() -> reader.read("x", List.of("src/main/kubernetes")))
                .isInstanceOf(BaselineException.class)
                .satisfies(e -> assertThat(BaselineObtainer.failure(spec, e.getMessage())).isEqualTo("netpol: cannot obtain the"
                        + " baseline git:x: no branch, tag or commit named 'x' in " + dir.toRealPath() + ". Check the name"
                        + " with 'git rev-parse x', " + GitBaselineReader.FETCH_HISTORY + ", or choose another"
                        + " netpol.baseline."));
        assertThat(BaselineObtainer.failure(spec, "cannot read the bundle: no such file"))
                .isEqualTo("netpol: cannot obtain the baseline git:x: cannot read the bundle: no such file");
    }
}
