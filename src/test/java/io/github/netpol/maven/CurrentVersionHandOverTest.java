package io.github.netpol.maven;

import io.github.netpol.load.SourceFile;
import io.github.netpol.validate.ReadVersion;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * validate hands what it read to test and check only for exactly the same files and default namespace; check, the last
 * to read them, takes it out.
 */
class CurrentVersionHandOverTest {

    private static final List<SourceFile> FILES = List.of(file("k8s/a.yaml", "kind: Namespace\nmetadata: {name: shop}\n"));

    @Test
    void theSameFilesAreHandedOverOnce() {
        MavenProject project = new MavenProject();
        ReadVersion read = ReadVersion.of(FILES, "default");
        CurrentVersionHandOver.offer(project, FILES, "default", read);
        assertThat(CurrentVersionHandOver.take(project, FILES, "default")).containsSame(read);
        assertThat(CurrentVersionHandOver.take(project, FILES, "default")).isEmpty();
    }

    @Test
    void testLooksAndLeavesItCheckTakesIt() {
        MavenProject project = new MavenProject();
        ReadVersion read = ReadVersion.of(FILES, "default");
        CurrentVersionHandOver.offer(project, FILES, "default", read);
        assertThat(CurrentVersionHandOver.peek(project, FILES, "default")).containsSame(read);
        assertThat(CurrentVersionHandOver.peek(project, FILES, "other")).isEmpty();
        assertThat(CurrentVersionHandOver.take(project, FILES, "default")).containsSame(read);
        assertThat(CurrentVersionHandOver.peek(project, FILES, "default")).isEmpty();
    }

    @Test
    void aOneByteChangeOrAnotherDefaultNamespaceIsNotHandedOver() {
        MavenProject project = new MavenProject();
        ReadVersion read = ReadVersion.of(FILES, "default");
        CurrentVersionHandOver.offer(project, FILES, "default", read);
        assertThat(CurrentVersionHandOver.take(project,
                List.of(file("k8s/a.yaml", "kind: Namespace\nmetadata: {name: shoq}\n")), "default")).isEmpty();
        CurrentVersionHandOver.offer(project, FILES, "default", read);
        assertThat(CurrentVersionHandOver.take(project, FILES, "other")).isEmpty();
        CurrentVersionHandOver.offer(project, FILES, "default", read);
        assertThat(CurrentVersionHandOver.take(project, List.of(file("k8s/b.yaml", "kind: Namespace\nmetadata: {name: shop}\n")),
                "default")).isEmpty();
    }

    @Test
    void withoutAProjectNothingIsShared() {
        CurrentVersionHandOver.offer(null, FILES, "default", ReadVersion.of(FILES, "default"));
        assertThat(CurrentVersionHandOver.take(null, FILES, "default")).isEmpty();
        assertThat(CurrentVersionHandOver.take(new MavenProject(), FILES, "default")).isEmpty();
    }

    private static SourceFile file(String path, String text) {
        return new SourceFile(path, text.getBytes(StandardCharsets.UTF_8));
    }
}
