package io.github.netpol.load;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.CRC32;

import static org.assertj.core.api.Assertions.assertThat;

class SourceFileTest {

    @Test
    void filesOfTheSameBytesAreHashedOnceAndEachFileHasTheDigestOfItsOwnBytes() {
        SourceFile a = file("src/a.yaml", "kind: Namespace\n");
        SourceFile same = file("baseline/a.yaml", "kind: Namespace\n");
        SourceFile other = file("src/b.yaml", "kind: Namespaze\n");

        SourceFile.hashOnce(List.of(a, same, other));

        assertThat(same.sha256()).as("taken from its twin, not computed again").isSameAs(a.sha256())
                .isEqualTo(sha256(a.content()));
        assertThat(other.sha256()).isEqualTo(sha256(other.content())).isNotEqualTo(a.sha256());
    }

    @Test
    void filesWhoseLengthAndCrcAgreeButWhoseBytesDoNotEachGetTheirOwnDigest() {
        byte[][] pair = crcCollision();
        SourceFile first = new SourceFile("a.yaml", pair[0]);
        SourceFile second = new SourceFile("b.yaml", pair[1]);

        SourceFile.hashOnce(List.of(first, second));

        assertThat(second.sha256()).isEqualTo(sha256(pair[1])).isNotEqualTo(first.sha256());
        assertThat(first.sha256()).isEqualTo(sha256(pair[0]));
    }

    /** Two different 8-byte arrays with one CRC-32, found by the birthday bound (a fixed seed: always the same). */
    private static byte[][] crcCollision() {
        Random random = new Random(42);
        Map<Long, byte[]> seen = new HashMap<>();
        while (true) {
            byte[] bytes = new byte[8];
            random.nextBytes(bytes);
            CRC32 crc = new CRC32();
            crc.update(bytes);
            byte[] earlier = seen.putIfAbsent(crc.getValue(), bytes);
            if (earlier != null && !java.util.Arrays.equals(earlier, bytes)) {
                return new byte[][] {earlier, bytes};
            }
        }
    }

    private static SourceFile file(String path, String text) {
        return new SourceFile(path, text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] sha256(byte[] bytes) {
        return SealedFiles.sha256().digest(bytes);
    }
}
