package io.github.netpol.load;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class YamlScalarResolverTest {

    private static final List<String> WORDS = List.of(
            "yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE",
            "on", "On", "ON", "off", "Off", "OFF", "y", "Y", "n", "N", "yEs", "tRUE", "fAlse", "oN", "oFF",
            "~", "null", "Null", "NULL", "nULL", "nul", "nulls", " ", "  ", "", "<<", "<", "<<<", "=", "==",
            "!", "&", "*", "!!", "&a", "*a", "name", "namespace", "nginx", "Never", "OnFailure", "false ", " true");

    private static final List<String> NUMBERS = List.of(
            "0", "-0", "+0", "7", "80", "8080", "-12", "+12", "1_000", "1__0", "_1", "1_", "00", "007", "0_7", "08",
            "0b0", "0b1010", "-0b1_0", "+0b_1", "0b", "0b2", "0o17", "0x0", "0x1F", "0x_1f", "-0X1F", "0xg", "0x",
            "1:30", "1:30:00", "190:20:30", "-1:2", "1:60", "1:5:9", "0:30",
            "1.5", "1.", ".5", "-.5", "+.5", "1e3", "1E3", "1e+3", "1e-3", "1.5e3", ".5e-3", "1_000.5", "1.2.3",
            "190:20:30.15", "1:30.5", ".inf", ".Inf", ".INF", "-.inf", "+.Inf", ".iNF", ".nan", ".NaN", ".NAN",
            "-.nan", ".", "..", "-", "+", "-.", "e3", "1e", "1e+", "10.0.0.0/8", "192.168.1.1", "1.0.0", "3.14159",
            "2001-12-14", "2001-12-14t21:59:43.10-05:00", "2001-12-14 21:59:43.10 -5", "2001-12-15T02:59:43.1Z",
            "2002-1-1 1:00:00", "2001-12-14\t21:59:43", "2001-12-14T21:59:43+01:00", "2001-12-14T21:59:43.", "2001-1-14",
            "2001-12-14T", "20011214", "9999-99-99", "1-1-1");

    private static final String ALPHABET = "0123456789+-._:eExXbBoOtTZzinfaNlsuyYF<=!&*~ \t/abcdz";

    private final Resolver reference = new Resolver();
    private final Resolver fast = new YamlScalarResolver();

    @Test
    void answersLikeTheDefaultResolverForEverySpellingItsRulesKnow() {
        Set<String> values = new LinkedHashSet<>(WORDS);
        values.addAll(NUMBERS);
        assertSame(values);
        // the regular expressions really were exercised: every implicit tag occurs
        assertThat(values.stream().map(v -> fast.resolve(NodeId.scalar, v, true)).distinct())
                .contains(Tag.BOOL, Tag.NULL, Tag.INT, Tag.FLOAT, Tag.TIMESTAMP, Tag.MERGE, Tag.YAML, Tag.STR);
    }

    @Test
    void answersLikeTheDefaultResolverForEveryFirstCharacter() {
        Set<String> values = new LinkedHashSet<>();
        for (char c = 0; c < 256; c++) {
            for (String rest : List.of("", "a", "1", "es", "rue", "alse", "ull", "ULL", "<", "x1F", ".5", "e3", ":30",
                    "001-12-14", "0000000000", "some-long-name-that-goes-on")) {
                values.add(c + rest);
            }
        }
        values.add("\u00e9t\u00e9");
        values.add("\u65e5\u672c");
        assertSame(values);
    }

    @Test
    void answersLikeTheDefaultResolverForRandomAndMutatedStrings() {
        Random random = new Random(20261126);
        Set<String> values = new LinkedHashSet<>();
        for (int i = 0; i < 200_000; i++) {
            int length = random.nextInt(14);
            StringBuilder s = new StringBuilder();
            for (int k = 0; k < length; k++) {
                s.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            values.add(s.toString());
        }
        List<String> seeds = new ArrayList<>(WORDS);
        seeds.addAll(NUMBERS);
        for (int i = 0; i < 100_000; i++) {
            StringBuilder s = new StringBuilder(seeds.get(random.nextInt(seeds.size())));
            int edits = 1 + random.nextInt(2);
            for (int e = 0; e < edits; e++) {
                int at = s.length() == 0 ? 0 : random.nextInt(s.length());
                char c = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
                switch (random.nextInt(3)) {
                    case 0 -> s.insert(at, c);
                    case 1 -> {
                        if (s.length() > 0) {
                            s.deleteCharAt(at);
                        }
                    }
                    default -> {
                        if (s.length() > 0) {
                            s.setCharAt(at, c);
                        }
                    }
                }
            }
            values.add(s.toString());
        }
        assertSame(values);
    }

    @Test
    void answersLikeTheDefaultResolverAroundTheLengthLimitsOfItsRules() {
        Set<String> values = new LinkedHashSet<>();
        for (int n : new int[] {9, 10, 11, 49, 50, 51, 1023, 1024, 1025}) {
            values.add("1".repeat(n));
            values.add("1".repeat(n - 2) + ".5");
            values.add("0x" + "f".repeat(n - 2));
            values.add("n".repeat(n));
            values.add("2001-12-14T21:59:43." + "0".repeat(Math.max(0, n - 20)));
        }
        assertSame(values);
    }

    @Test
    void quotedScalarsAndCollectionsAreResolvedLikeTheDefault() {
        for (String v : List.of("true", "null", "", "80", "1.5", "2001-12-14", "<<", "name")) {
            assertThat(fast.resolve(NodeId.scalar, v, false)).isEqualTo(reference.resolve(NodeId.scalar, v, false))
                    .isEqualTo(Tag.STR);
        }
        assertThat(fast.resolve(NodeId.sequence, "", true)).isEqualTo(Tag.SEQ);
        assertThat(fast.resolve(NodeId.mapping, "", true)).isEqualTo(Tag.MAP);
        assertThat(fast.resolve(NodeId.sequence, "x", false)).isEqualTo(reference.resolve(NodeId.sequence, "x", false));
        assertThat(fast.resolve(NodeId.mapping, "x", false)).isEqualTo(reference.resolve(NodeId.mapping, "x", false));
    }

    private void assertSame(Set<String> values) {
        List<String> different = new ArrayList<>();
        for (String v : values) {
            Tag expected = reference.resolve(NodeId.scalar, v, true);
            if (!fast.resolve(NodeId.scalar, v, true).equals(expected)) {
                different.add("'" + v + "' should be " + expected);
            }
        }
        assertThat(different).as("over %d scalars", values.size()).isEmpty();
    }
}
