package io.github.netpol.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link JsonText} writes the bytes Jackson's {@code ObjectMapper} wrote before it (reports with
 * {@code INDENT_OUTPUT}, digests with {@code ORDER_MAP_ENTRIES_BY_KEYS}): over random trees of maps, lists, text
 * with escapes and characters beyond the BMP, integers of every width, doubles (also NaN and infinities),
 * booleans and {@code null}.
 */
class JsonTextTest {

    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectMapper CANONICAL = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    private static final String[] TEXTS = {"", "a", "x\"y", "back\\slash", "tab\tnew\nline", "\u0001\u001f", "é ü ß",
            "日本", "\uD83D\uDE00 emoji", "</script>", "key.with/slash", "~0~1"};

    @Test
    void writesWhatObjectMapperWrote(@TempDir Path dir) throws Exception {
        Random random = new Random(1401);
        for (int i = 0; i < 2_000; i++) {
            Object tree = value(random, 0);
            assertThat(JsonText.pretty(tree)).isEqualTo(PRETTY.writeValueAsString(tree));
            assertThat(new String(JsonText.canonical(tree), StandardCharsets.UTF_8))
                    .isEqualTo(CANONICAL.writeValueAsString(tree));
            if (i % 50 == 0) {
                Path mine = dir.resolve("mine.json");
                Path theirs = dir.resolve("theirs.json");
                JsonText.write(mine, tree);
                PRETTY.writeValue(theirs.toFile(), tree);
                assertThat(Files.readAllBytes(mine)).isEqualTo(Files.readAllBytes(theirs));
            }
        }
    }

    private static Object value(Random random, int depth) {
        int kind = random.nextInt(depth > 3 ? 8 : 11);
        return switch (kind) {
            case 0 -> null;
            case 1 -> TEXTS[random.nextInt(TEXTS.length)];
            case 2 -> random.nextBoolean();
            case 3 -> random.nextInt();
            case 4 -> random.nextLong();
            case 5 -> new BigInteger(70 + random.nextInt(30), random);
            case 6 -> List.of(0.1, -0.0, 1e300, 1.5e-7, Double.NaN, Double.POSITIVE_INFINITY, 3.0).get(random.nextInt(7));
            case 7 -> TEXTS[random.nextInt(TEXTS.length)] + random.nextInt(100);
            case 8 -> {
                List<Object> list = new ArrayList<>();
                for (int n = random.nextInt(4); n > 0; n--) {
                    list.add(value(random, depth + 1));
                }
                yield list;
            }
            default -> {
                Map<String, Object> map = kind == 9 ? new LinkedHashMap<>() : new TreeMap<>();
                for (int n = random.nextInt(5); n > 0; n--) {
                    map.put(TEXTS[random.nextInt(TEXTS.length)] + random.nextInt(3), value(random, depth + 1));
                }
                yield map;
            }
        };
    }
}
