package io.github.netpol.load;

import io.github.netpol.finding.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class ManifestLoaderTest {

    private final ManifestLoader loader = new ManifestLoader();

    private LoadResult load(String name, String text) {
        return loader.load(List.of(new SourceFile(name, text.getBytes(StandardCharsets.UTF_8))));
    }

    private static Finding only(LoadResult result) {
        assertThat(result.problems()).hasSize(1);
        return result.problems().get(0);
    }

    @Test
    void billionLaughsIsRefusedQuickly() {
        StringBuilder y = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'i'; c++) {
            char p = (char) (c - 1);
            y.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) {
                y.append(i == 0 ? "" : ",").append('*').append(p);
            }
            y.append("]\n");
        }
        LoadResult result = assertTimeoutPreemptively(Duration.ofSeconds(1), () -> load("lol.yaml", y.toString()));
        Finding f = only(result);
        assertThat(f.id()).isEqualTo("too-many-aliases");
        assertThat(f.location().line()).isBetween(2, 7);
        assertThat(result.documents()).isEmpty();
    }

    @Test
    void deepNestingIsRefusedQuickly() {
        String deep = "a: " + "[".repeat(5000) + "]".repeat(5000) + "\n";
        LoadResult result = assertTimeoutPreemptively(Duration.ofSeconds(1), () -> load("deep.yaml", deep));
        Finding f = only(result);
        assertThat(f.id()).isEqualTo("nesting-too-deep");
        assertThat(f.location().line()).isEqualTo(1);
    }

    @Test
    void hundredMegabyteFileIsRefusedQuicklyWithoutReadingIt(@TempDir Path dir) throws IOException {
        Path big = dir.resolve("src/big.yaml");
        Files.createDirectories(big.getParent());
        byte[] line = "- key: value\n".getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = Files.newOutputStream(big)) {
            byte[] chunk = new byte[line.length * 8192];
            for (int i = 0; i < 8192; i++) {
                System.arraycopy(line, 0, chunk, i * line.length, line.length);
            }
            for (long written = 0; written < 100L * 1024 * 1024; written += chunk.length) {
                out.write(chunk);
            }
        }
        CollectedSources sources = assertTimeoutPreemptively(Duration.ofSeconds(1),
                () -> new SourceCollector().scan(dir, List.of(Path.of("src"))));
        assertThat(sources.files()).isEmpty();
        assertThat(sources.problems()).singleElement().satisfies(f -> {
            assertThat(f.id()).isEqualTo("file-too-large");
            assertThat(f.location().file()).isEqualTo("src/big.yaml");
        });
    }

    @Test
    void oversizedContentIsRefusedByTheLoaderToo() {
        byte[] content = new byte[(int) SourceCollector.MAX_FILE_BYTES + 1];
        java.util.Arrays.fill(content, (byte) 'a');
        LoadResult result = assertTimeoutPreemptively(Duration.ofSeconds(1),
                () -> loader.load(List.of(new SourceFile("big.yaml", content))));
        assertThat(only(result).id()).isEqualTo("file-too-large");
    }

    @Test
    void duplicateKeyIsAnErrorAtTheSecondKey() {
        Finding f = only(load("d.yaml", "metadata:\n  name: a\n  name: b\n"));
        assertThat(f.id()).isEqualTo("duplicate-key");
        assertThat(f.location()).hasToString("d.yaml:3:3");
    }

    @Test
    void tabIndentationIsAnErrorAtTheTab() {
        Finding f = only(load("t.yaml", "metadata:\n  name: a\n\tlabels: {}\n"));
        assertThat(f.id()).isEqualTo("tab-indentation");
        assertThat(f.location()).hasToString("t.yaml:3:1");
    }

    @Test
    void templateIsAnErrorAtItsLine() {
        Finding f = only(load("h.yaml", "kind: NetworkPolicy\nmetadata:\n  name: {{ include \"x\" . }}\n"));
        assertThat(f.id()).isEqualTo("unrendered-template");
        assertThat(f.location()).hasToString("h.yaml:3:9");
    }

    @Test
    void binaryFileIsRefusedAtTheBadByte() {
        byte[] bytes = {'a', ':', ' ', '1', '\n', 'b', ':', 0, 1, 2};
        Finding f = only(loader.load(List.of(new SourceFile("x.yaml", bytes))));
        assertThat(f.id()).isEqualTo("binary-file");
        assertThat(f.location()).hasToString("x.yaml:2:3");
        byte[] latin1 = {'a', ':', ' ', (byte) 0xE9, '\n'};
        assertThat(only(loader.load(List.of(new SourceFile("l.yaml", latin1)))).id()).isEqualTo("binary-file");
    }

    @Test
    void bomAndCrlfKeepPositions() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] text = "a: 1\r\nb:\r\n  c: x\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[bom.length + text.length];
        System.arraycopy(bom, 0, all, 0, 3);
        System.arraycopy(text, 0, all, 3, text.length);
        LoadResult result = loader.load(List.of(new SourceFile("w.yaml", all)));
        assertThat(result.problems()).isEmpty();
        RawDocument doc = result.documents().get(0);
        assertThat(doc.tree()).isEqualTo(Map.of("a", 1, "b", Map.of("c", "x")));
        assertThat(doc.positions().get("/b/c")).hasToString("w.yaml:3:3");
    }

    @Test
    void multiDocumentYamlKeepsIndexesAndSkipsEmptyDocuments() {
        LoadResult result = load("m.yaml", "---\n# nothing\n---\na: 1\n---\nb: 2\n");
        assertThat(result.problems()).isEmpty();
        assertThat(result.documents()).extracting(RawDocument::index).containsExactly(1, 2);
        assertThat(result.documents().get(1).positions().get("/b")).hasToString("m.yaml:6:1");
    }

    @Test
    void jsonWithTabsIsRead() {
        LoadResult result = load("j.json", "{\n\t\"a\": [1, {\"b/c\": true}]\n}\n");
        assertThat(result.problems()).isEmpty();
        assertThat(result.documents().get(0).positions().get("/a/1/b~1c")).hasToString("j.json:2:12");
    }

    @Test
    void theItemsOfALongListHaveTheSamePointersAsTheFirstOnes() {
        // the first items' pointers are interned, the later ones built; both must read the same
        StringBuilder yaml = new StringBuilder("rules:\n");
        for (int i = 0; i < 20; i++) {
            yaml.append("  - {\"a/b~c\": [").append(i).append("]}\n");
        }
        LoadResult result = load("l.yaml", yaml.toString());
        assertThat(result.problems()).isEmpty();
        NodePositions positions = result.documents().get(0).positions();
        assertThat(positions.get("/rules/3/a~1b~0c/0")).hasToString("l.yaml:5:16");
        assertThat(positions.get("/rules/19/a~1b~0c/0")).hasToString("l.yaml:21:16");
        assertThat(positions.size()).isEqualTo(2 + 3 * 20);
    }

    @Test
    void syntaxErrorIsAFindingNotAnException() {
        Finding f = only(load("s.yaml", "a: [1, 2\nb: 3\n"));
        assertThat(f.id()).isEqualTo("yaml-syntax");
        assertThat(f.location().line()).isEqualTo(2);
    }

    @Test
    void globalTagsAreRefused() {
        Finding f = only(load("g.yaml", "a: !!javax.script.ScriptEngineManager [x]\n"));
        assertThat(f.id()).isIn("unsupported-yaml-tag", "yaml-syntax");
        assertThat(f.location().line()).isEqualTo(1);
    }

    @Test
    void recursiveAliasIsRefused() {
        Finding f = only(load("r.yaml", "a: &x [1, *x]\n"));
        assertThat(f.id()).isIn("recursive-alias", "yaml-syntax");
    }
}
