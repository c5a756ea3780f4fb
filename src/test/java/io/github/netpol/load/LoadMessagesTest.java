package io.github.netpol.load;

import io.github.netpol.finding.Finding;
import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The exact words of the loader's messages for the mistakes people make with files: they say what to do. */
class LoadMessagesTest {

    private static Finding only(String name, byte[] content) {
        LoadResult r = new ManifestLoader().load(List.of(new SourceFile(name, content)));
        assertThat(r.problems()).hasSize(1);
        return r.problems().get(0);
    }

    private static Finding only(String text) {
        return only("f.yaml", text.getBytes(StandardCharsets.UTF_8));
    }

    static final String POLICY = """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: db
              namespace: shop
            spec:
              podSelector:
                matchLabels:
                  app: db
              policyTypes: [Ingress]
            """;

    @Test
    void aKeyIndentedLessThanItsSiblingsIsExplainedAsAnIndentationStep() {
        // the parser alone says "expected <block end>, but found '<block mapping start>'"
        assertThat(only(POLICY.replace("  policyTypes:", " policyTypes:")).consoleLine()).isEqualTo("f.yaml:10:2: error:"
                + " Invalid YAML: line 10 is indented by 1 space, which lines up with no block above it: the keys and list"
                + " items above start at 0, 2, 4 or 6 spaces. YAML nests by indentation, so keys of one map (and items of"
                + " one list) must start in the same column: indent 'policyTypes' like the key or item it belongs with."
                + " [yaml-syntax]");
    }

    @Test
    void aKeyIndentedMoreThanTheKeyAboveIsExplainedAsAnIndentationStep() {
        // the parser alone says "mapping values are not allowed here"
        assertThat(only(POLICY.replace("  namespace: shop", "    namespace: shop")).consoleLine()).isEqualTo("f.yaml:5:5:"
                + " error: Invalid YAML: line 5 is indented by 4 spaces, more than the key on line 4 (2 spaces), so YAML"
                + " reads it as the rest of that key's value and then finds a ':' it cannot place. Indent 'namespace' like"
                + " the key it belongs with, by 0 or 2 spaces (or quote the value if the ':' belongs to it). [yaml-syntax]");
    }

    @Test
    void aListItemOutOfLineIsExplained() {
        Finding f = only(POLICY + """
                  ingress:
                    - from:
                        - podSelector: {}
                   - from: []
                """);
        assertThat(f.consoleLine()).isEqualTo("f.yaml:14:4: error: Invalid YAML: line 14 is indented by 3 spaces, which"
                + " lines up with no block above it: the keys and list items above start at 0, 2, 4, 6, 8 or 10 spaces."
                + " YAML nests by indentation, so keys of one map (and items of one list) must start in the same column:"
                + " indent 'from' like the key or item it belongs with. [yaml-syntax]");
    }

    @Test
    void aColonInAPlainValueIsNotTakenForAnIndentationStep() {
        Finding f = only(POLICY.replace("name: db", "name: db: x"));
        assertThat(f.message()).startsWith("Invalid YAML: mapping values are not allowed here");
    }

    @Test
    void utf16FilesAreToldToBeSavedAsUtf8() {
        assertThat(only("u.yaml", POLICY.getBytes(StandardCharsets.UTF_16LE)).consoleLine()).isEqualTo("u.yaml:1:1: error:"
                + " The file is UTF-16 (little-endian) text, not UTF-8: re-save it as UTF-8 (in the editor's encoding menu,"
                + " or with iconv -f UTF-16 -t UTF-8). [binary-file]");
        // with a byte-order mark (Java writes big-endian)
        assertThat(only("u.yaml", POLICY.getBytes(StandardCharsets.UTF_16)).message()).startsWith("The file is UTF-16"
                + " (big-endian) text, not UTF-8: re-save it as UTF-8");
    }

    @Test
    void latin1FilesAreToldToBeSavedAsUtf8() {
        byte[] latin1 = POLICY.replace("app: db", "app: db # Café").getBytes(Charset.forName("ISO-8859-1"));
        assertThat(only("l.yaml", latin1).consoleLine()).isEqualTo("l.yaml:9:20: error: The byte 0xE9 here is not UTF-8:"
                + " the file looks like Latin-1 (ISO-8859-1) or Windows-1252 text, where it is 'é'. Re-save the file as"
                + " UTF-8 (in the editor's encoding menu, or with iconv -f WINDOWS-1252 -t UTF-8). [binary-file]");
    }

    @Test
    void aBinaryFileIsStillOne() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};
        assertThat(only("logo.yaml", png).message()).isEqualTo("The file contains a NUL byte and is not a UTF-8 text"
                + " manifest: remove it from the sources.");
    }
}
