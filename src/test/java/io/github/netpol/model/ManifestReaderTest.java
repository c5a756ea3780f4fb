package io.github.netpol.model;

import io.github.netpol.finding.Finding;
import io.github.netpol.load.SourceFile;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A file in the sources that is not a manifest is named, with its line, never quoted. */
class ManifestReaderTest {

    private static ManifestSet read(String text) {
        return new ManifestReader().read(List.of(new SourceFile("k8s/passwd.yaml", text.getBytes(StandardCharsets.UTF_8))),
                "default");
    }

    @Test
    void aDocumentThatIsNotAMapSaysWhatTypeItIsNotWhatItHolds() {
        ManifestSet set = read("root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n");
        assertThat(set.problems()).singleElement().satisfies(f -> {
            assertThat(f.id()).isEqualTo("not-an-object");
            assertThat(f.message()).isEqualTo("A manifest document must be a map with apiVersion and kind, found a string.");
            assertThat(f.location().toString()).isEqualTo("k8s/passwd.yaml:1:1");
        });
    }

    @Test
    void brokenYamlIsNamedByLineAndProblemWithoutTheSnippet() {
        ManifestSet set = read("password: hunter2-secret\n  token: [unclosed secret-marker\n");
        assertThat(set.problems()).isNotEmpty().allSatisfy(f -> assertThat(f.consoleLine())
                .startsWith("k8s/passwd.yaml:2:").doesNotContain("hunter2").doesNotContain("secret-marker"));
        assertThat(set.problems()).extracting(Finding::id).containsOnly("yaml-syntax");
    }
}
