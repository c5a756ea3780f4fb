package io.github.netpol.baseline;

import io.github.netpol.load.SourceFile;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PolicyBundleTest {

    private final PolicyBundle bundle = new PolicyBundle();

    @Test
    void filesSurviveTheRoundTripByteForByte() throws Exception {
        List<SourceFile> files = List.of(
                file("src/main/kubernetes/z.yaml", "kind: NetworkPolicy\r\nmetadata:\r\n  name: a  \r\n"),
                file("src/main/kubernetes/a.yaml", "# café ✓\n---\nkind: Namespace\n\tweird: tab\n\n\n"),
                file("src/main/kubernetes/b.json", "{\"kind\": \"List\", \"items\": []}"));

        String written = bundle.write("io.example:shop", "1.0.0", files);
        List<SourceFile> read = bundle.read(written.getBytes(StandardCharsets.UTF_8), "shop-1.0.0-netpol.yaml");

        assertThat(read).extracting(SourceFile::path)
                .containsExactly("src/main/kubernetes/a.yaml", "src/main/kubernetes/b.json", "src/main/kubernetes/z.yaml");
        for (SourceFile f : files) {
            SourceFile back = read.stream().filter(r -> r.path().equals(f.path())).findFirst().orElseThrow();
            assertThat(new String(back.content(), StandardCharsets.UTF_8))
                    .isEqualTo(new String(f.content(), StandardCharsets.UTF_8));
        }
        assertThat(written).contains("kind: PolicyBundle").contains("project: io.example:shop").contains("version: 1.0.0");
    }

    @Test
    void environmentsSurviveTheRoundTripWithTheirSourceToolAndInputsDigest() throws Exception {
        String rendered = "---\n# Source: chart/templates/np.yaml\nkind: NetworkPolicy\nmetadata:\n  name: web\n";
        RenderedFiles prod = new RenderedFiles("prod", "overlays/prod", "kubectl kustomize", "a".repeat(64),
                List.of(file("target/netpol/rendered/prod/manifests.yaml", rendered)));
        RenderedFiles staging = new RenderedFiles("staging", "chart", "Helm (helm-java 0.0.21)", "b".repeat(64),
                List.of(file("target/netpol/rendered/staging/manifests.yaml", rendered.replace("web", "api"))));
        List<SourceFile> plain = List.of(file("src/main/kubernetes/ns.yaml", "kind: Namespace\n"));

        String written = bundle.write("io.example:shop", "1.0.0", plain, List.of(staging, prod));
        PolicyBundle.Contents read = bundle.readContents(written.getBytes(StandardCharsets.UTF_8), "b.yaml");

        assertThat(read.files()).extracting(SourceFile::path).containsExactly("src/main/kubernetes/ns.yaml");
        assertThat(read.environments()).extracting(RenderedFiles::name).containsExactly("prod", "staging");
        for (RenderedFiles env : List.of(prod, staging)) {
            RenderedFiles back = read.environments().stream().filter(e -> e.name().equals(env.name())).findFirst()
                    .orElseThrow();
            assertThat(back.source()).isEqualTo(env.source());
            assertThat(back.tool()).isEqualTo(env.tool());
            assertThat(back.inputsDigest()).isEqualTo(env.inputsDigest());
            assertThat(back.files()).singleElement().satisfies(f -> {
                assertThat(f.path()).isEqualTo(env.files().get(0).path());
                assertThat(new String(f.content(), StandardCharsets.UTF_8))
                        .isEqualTo(new String(env.files().get(0).content(), StandardCharsets.UTF_8));
            });
        }
        assertThat(bundle.write("io.example:shop", "1.0.0", plain, List.of(prod, staging))).isEqualTo(written);
    }

    @Test
    void writingIsDeterministic() {
        List<SourceFile> files = List.of(file("b.yaml", "x: 1\n"), file("a.yaml", "y: 2\n"));
        assertThat(bundle.write("g:a", "1", files)).isEqualTo(bundle.write("g:a", "1", List.of(files.get(1), files.get(0))));
    }

    @Test
    void somethingElseIsRefusedWithAReason() {
        assertThatThrownBy(() -> bundle.read("kind: Deployment\n".getBytes(StandardCharsets.UTF_8), "x.yaml"))
                .isInstanceOf(BaselineException.class).hasMessageContaining("x.yaml is not a netpol bundle");
        assertThatThrownBy(() -> bundle.read("a: [\n".getBytes(StandardCharsets.UTF_8), "y.yaml"))
                .isInstanceOf(BaselineException.class).hasMessageContaining("y.yaml is not a readable netpol bundle");
    }

    @Test
    void aBrokenFileIsNamedWithItsLineNeverQuoted() {
        String secret = "root:x:0:0:root:/root:/bin/bash\n  secret-marker: [\n";
        assertThatThrownBy(() -> bundle.read(secret.getBytes(StandardCharsets.UTF_8), "z.yaml"))
                .isInstanceOf(BaselineException.class)
                .hasMessageStartingWith("z.yaml is not a readable netpol bundle: ").hasMessageContaining(" at line 2, column ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("root:x").doesNotContain("secret-marker"))
                .hasNoCause();
    }

    private static SourceFile file(String path, String text) {
        return new SourceFile(path, text.getBytes(StandardCharsets.UTF_8));
    }
}
