package io.github.netpol.load;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static io.github.netpol.load.LoadFixtures.POLICY_AND_NAMESPACE;
import static io.github.netpol.load.LoadFixtures.file;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LoadResultCodecTest {

    private static final String ONE_DOCUMENT = """
            kind: Namespace
            metadata:
              name: other
            """;

    private static byte[] written(LoadResult loaded) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        LoadResultCodec.write(loaded, out);
        out.flush();
        return bytes.toByteArray();
    }

    private static LoadResult read(byte[] bytes) throws IOException {
        return LoadResultCodec.read(new DataInputStream(new ByteArrayInputStream(bytes)));
    }

    @Test
    void theDocumentsOfSeveralFilesComeBackEqualWithTheirPositions() throws IOException {
        LoadResult loaded = new ManifestLoader().load(List.of(file("a.yaml", POLICY_AND_NAMESPACE),
                file("b.yaml", ONE_DOCUMENT), file("c.yaml", POLICY_AND_NAMESPACE)));
        LoadResult back = read(written(loaded));
        assertThat(back).isEqualTo(loaded);
        assertThat(back.documents()).extracting(RawDocument::file).containsExactly("a.yaml", "a.yaml", "b.yaml",
                "c.yaml", "c.yaml");
        assertThat(back.documents().get(0).positions().get("/spec/podSelector"))
                .satisfies(p -> assertThat(p.line()).isEqualTo(7));
        assertThat(back.documents().get(1).positions().get("/metadata/labels/quoted key"))
                .satisfies(p -> assertThat(p.line()).isEqualTo(13));
        assertThat(back.documents().get(2).positions().get("/metadata/name"))
                .satisfies(p -> assertThat(p.line()).isEqualTo(3));
        RawDocument renamed = back.documents().get(3).inFile("previous/c.yaml");
        assertThat(renamed.positions().get("/metadata/namespace"))
                .satisfies(p -> {
                    assertThat(p.file()).isEqualTo("previous/c.yaml");
                    assertThat(p.line()).isEqualTo(5);
                });
    }

    @Test
    void positionsAreDecodedOnFirstUseAndADamagedBlockFailsThenNotSilently() throws IOException {
        LoadResult loaded = new ManifestLoader().load(List.of(file("b.yaml", ONE_DOCUMENT)));
        byte[] bytes = written(loaded);
        // one file, so its positions block comes last: a new table (-1, size), each pointer new (-1, length, UTF-8),
        // then a line and a column per pointer; its first int is the table's reference
        StringTable pointers = loaded.documents().get(0).positions().table().pointers();
        int blockLength = 8;
        for (int i = 0; i < pointers.size(); i++) {
            blockLength += 8 + pointers.get(i).getBytes(StandardCharsets.UTF_8).length + 8;
        }
        assertThat(ByteBuffer.wrap(bytes, bytes.length - blockLength - 4, 8).getLong())
                .as("the block's length, then a new table").isEqualTo(((long) blockLength << 32) | 0xFFFFFFFFL);
        ByteBuffer.wrap(bytes, bytes.length - blockLength, 4).putInt(7);

        LoadResult back = read(bytes);
        assertThat(back.documents()).singleElement().satisfies(d -> {
            assertThat(d.tree()).isEqualTo(new ManifestLoader().load(List.of(file("b.yaml", ONE_DOCUMENT)))
                    .documents().get(0).tree());
            assertThat(d.positions().file()).isEqualTo("b.yaml");
            assertThatThrownBy(() -> d.inFile("previous/b.yaml").positions().get("/metadata/name"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("previous/b.yaml: ")
                    .hasMessageContaining("source positions of its kept parse cannot be read (table reference 7 out of"
                            + " range)")
                    .hasMessageContaining("delete the plugin's caches (.cache/netpol-maven-plugin/ in the local Maven"
                            + " repository");
        });
    }

    @Test
    void aBlockLongerThanTheStreamIsRefusedWhenRead() throws IOException {
        byte[] bytes = written(new ManifestLoader().load(List.of(file("b.yaml", ONE_DOCUMENT))));
        byte[] cut = java.util.Arrays.copyOf(bytes, bytes.length - 1);
        assertThatThrownBy(() -> read(cut)).isInstanceOf(IOException.class).hasMessageContaining("positions cut short");
    }
}
