package io.github.netpol.load;

import io.github.netpol.analysis.oracle.PeerCorpus;
import io.github.netpol.bench.ShapeGenerator;
import io.github.netpol.finding.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The streaming reader against the reader it stands in for, composing the file and converting the node graph: where
 * it reads a file, the documents (trees with their value types, indexes and source maps) must be the composed ones,
 * and the composed reading must have found no problem; everywhere else it must give up.
 */
class EventTreeReaderTest {

    private record Readings(List<RawDocument> streamed, List<RawDocument> composed, List<Finding> problems) {
    }

    private static Readings read(String name, String text) {
        var options = YamlLimits.options();
        var resolver = new YamlScalarResolver();
        var scalars = new NodeTreeConverter.ScalarConstructor(options);
        List<RawDocument> streamed = EventTreeReader.read(name, text, options, resolver, scalars, new Interner());
        List<RawDocument> composed = new ArrayList<>();
        List<Finding> problems = new ArrayList<>();
        ManifestLoader.compose(name, text, options, resolver, scalars, new Interner(), composed, problems);
        return new Readings(streamed, composed, problems);
    }

    private static void assertSameWhereRead(String name, String text) {
        Readings r = read(name, text);
        if (r.streamed() != null) {
            assertThat(r.problems()).as(name).isEmpty();
            assertThat(r.streamed()).as(name).isEqualTo(r.composed());
            for (int i = 0; i < r.streamed().size(); i++) {
                assertSameTypes(name, r.streamed().get(i).tree(), r.composed().get(i).tree());
                assertThat(r.streamed().get(i).positions().asMap()).as(name)
                        .containsExactlyEntriesOf(r.composed().get(i).positions().asMap());
            }
        }
    }

    /** Equal maps may hold an Integer where the other holds a Long; the validation of a port would not. */
    private static void assertSameTypes(String name, Object streamed, Object composed) {
        assertThat(streamed == null ? null : streamed.getClass()).as(name)
                .isEqualTo(composed == null ? null : composed.getClass());
        if (streamed instanceof Map<?, ?> map) {
            map.forEach((k, v) -> assertSameTypes(name, v, ((Map<?, ?>) composed).get(k)));
        } else if (streamed instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                assertSameTypes(name, list.get(i), ((List<?>) composed).get(i));
            }
        }
    }

    @Test
    void readsEveryKindOfScalarCollectionAndDocumentAsComposingDoes() {
        String text = """
                %YAML 1.1
                ---
                ints: [0, -1, +7, 017, 0x1F, 0b101, 1_000, 190:20:30, 9223372036854775807, 9223372036854775808]
                floats: [1.5, -.5, 1e3, .inf, -.Inf, .NaN, 6.8523015e+5, 190:20:30.15]
                bools: [yes, No, ON, off, true, FALSE, y, n]
                nulls: [~, null, NULL, "null", {k: }]
                empty:
                times: [2001-12-14, 2001-12-14t21:59:43.10-05:00]
                quoted: ['it''s', "tab\\tand \\u00e9", '123', "true"]
                blocks:
                  literal: |
                    two
                    lines
                  folded: >-
                    folded
                    text
                "a/b~c": escaped   # a comment
                ? plain complex-looking key
                : value
                flow: {x: 1, y: [a, {z: 2}], "q": 'r'}
                ...
                ---
                ---
                # a document of a comment only
                ---
                - just
                - a list
                --- scalar root
                """;
        Readings r = read("kinds.yaml", text);
        assertThat(r.problems()).isEmpty();
        assertThat(r.streamed()).isNotNull();
        assertThat(r.streamed()).extracting(RawDocument::index).containsExactly(0, 3, 4);
        assertSameWhereRead("kinds.yaml", text);
    }

    @Test
    void readsLongListsAndWideMapsWithTheirPointersAsComposingDoes() {
        String wide = IntStream.range(0, 40).mapToObj(i -> "  k" + i + ": v" + i).collect(Collectors.joining("\n"));
        String longList = IntStream.range(0, 40).mapToObj(i -> "  - {name: n" + i + ", port: " + i + "}")
                .collect(Collectors.joining("\n"));
        String text = "wide:\n" + wide + "\nlist:\n" + longList + "\n";
        assertThat(read("wide.yaml", text).streamed()).isNotNull();
        assertSameWhereRead("wide.yaml", text);
        for (ShapeGenerator.Shape shape : ShapeGenerator.Shape.values()) {
            new ShapeGenerator().generate(shape, 120).current().forEach(this::assertReadAndSame);
        }
    }

    private void assertReadAndSame(String name, String text) {
        assertThat(read(name, text).streamed()).as(name).isNotNull();
        assertSameWhereRead(name, text);
    }

    /**
     * Random documents written by SnakeYAML's emitter in every flow style, scalar style and indentation: keys with
     * the characters a pointer escapes, texts that read as numbers, booleans, nulls and dates, long lists and wide
     * maps, several documents to a file. Where the stream reads one, it reads what composing reads; and it reads three
     * quarters of them (it gives up on what the emitter tags explicitly and on a key {@code <<}).
     */
    @Test
    void readsRandomDocumentsInEveryStyleAsComposingDoes() {
        Random random = new Random(20261201);
        int streamed = 0;
        int files = 400;
        for (int i = 0; i < files; i++) {
            DumperOptions options = new DumperOptions();
            options.setDefaultFlowStyle(DumperOptions.FlowStyle.values()[random.nextInt(3)]);
            options.setDefaultScalarStyle(random.nextInt(3) == 0
                    ? DumperOptions.ScalarStyle.values()[random.nextInt(DumperOptions.ScalarStyle.values().length)]
                    : DumperOptions.ScalarStyle.PLAIN);
            options.setIndent(2 + random.nextInt(3));
            options.setIndicatorIndent(random.nextInt(options.getIndent() - 1));
            options.setExplicitStart(random.nextBoolean());
            List<Object> documents = new ArrayList<>();
            for (int d = random.nextInt(3); d >= 0; d--) {
                documents.add(randomValue(random, 0));
            }
            String text = new Yaml(options).dumpAll(documents.iterator());
            Readings r = read("random-" + i + ".yaml", text);
            if (r.streamed() != null) {
                streamed++;
            }
            assertSameWhereRead("random-" + i + ".yaml:\n" + text, text);
        }
        assertThat(streamed).isGreaterThan(files * 3 / 4);
    }

    private static final String[] TEXTS = {"a", "app", "a/b", "x~y", "~", "k e y", "é", "1", "-2", "0x1F", "017", "1.5",
            ".inf", "yes", "No", "on", "null", "~", "", " ", "2001-12-14", "12:30:00", "true", "#", "- a", "a: b", "'q'",
            "\"dq\"", "line\nbreak", "tab\there", "*", "&", "!", "%", "@", "`", "{", "[", "<<", "=", "?"};

    private static Object randomValue(Random random, int depth) {
        int kind = random.nextInt(depth > 4 ? 4 : 7);
        return switch (kind) {
            case 0 -> TEXTS[random.nextInt(TEXTS.length)] + (random.nextBoolean() ? "" : random.nextInt(100));
            case 1 -> random.nextBoolean() ? (Object) random.nextInt() : random.nextLong();
            case 2 -> random.nextBoolean() ? (Object) random.nextBoolean() : null;
            case 3 -> random.nextInt(4) == 0 ? Double.NaN : random.nextDouble() * 1000 - 500;
            case 4, 5 -> {
                Map<String, Object> map = new LinkedHashMap<>();
                for (int n = random.nextInt(random.nextInt(10) == 0 ? 30 : 6); n > 0; n--) {
                    map.put(TEXTS[random.nextInt(TEXTS.length)] + n, randomValue(random, depth + 1));
                }
                yield map;
            }
            default -> {
                List<Object> list = new ArrayList<>();
                for (int n = random.nextInt(random.nextInt(10) == 0 ? 40 : 5); n > 0; n--) {
                    list.add(randomValue(random, depth + 1));
                }
                yield list;
            }
        };
    }

    @Test
    void readsJsonAsComposingDoes() {
        String json = "{\"apiVersion\": \"v1\", \"kind\": \"Namespace\",\n \"metadata\": {\"name\": \"a\", \"labels\": {}},"
                + " \"n\": [1, 2.5, true, null, \"x\"]}\n";
        assertReadAndSame("ns.json", json);
    }

    @Test
    void nestsToTheLimitAndGivesUpBeyondIt() {
        String deepest = "[".repeat(YamlLimits.MAX_NESTING) + "1" + "]".repeat(YamlLimits.MAX_NESTING) + "\n";
        assertReadAndSame("deepest.yaml", deepest);
        String deeper = "[" + deepest.strip() + "]\n";
        Readings r = read("deeper.yaml", deeper);
        assertThat(r.streamed()).isNull();
        assertThat(r.problems()).extracting(Finding::id).containsExactly("nesting-too-deep");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "a: &x 1\nb: *x\n",
            "a: &x {p: 1}\n",
            "base: &b {x: 1}\nm:\n  <<: *b\n  y: 2\n",
            "m:\n  <<: {x: 1}\n  y: 2\n",
            "a: !!str 1\n",
            "a: !!int '7'\n",
            "a: !custom x\n",
            "a: ! x\n",
            "!!map {a: 1}\n",
            "a: !!binary aGk=\n",
            "a: tag:yaml.org,2002:x\nb: !<tag:example.com,2000:x> y\n",
            "? [a]\n: b\n",
            "{? {a: 1} : b}\n",
            "a: 1\na: 2\n",
            "a: <<\n",
            "a: [1, 2\n",
            "a: b\n c: d\n",
            "ok: 1\n---\na: 1\na: 2\n",
    })
    void givesUpWhereComposingDecidesAndTheLoaderThenComposes(String text) {
        Readings r = read("odd.yaml", text);
        assertThat(r.streamed()).isNull();
        LoadResult loaded = new ManifestLoader().load(List.of(LoadFixtures.file("odd.yaml", text)));
        assertThat(loaded.documents()).isEqualTo(r.composed());
        assertThat(loaded.problems()).isEqualTo(r.problems());
    }

    @Test
    void givesUpAtADuplicateKeyOfAWideMap() {
        String wide = IntStream.range(0, 30).mapToObj(i -> "k" + i + ": v").collect(Collectors.joining("\n"));
        Readings r = read("dup.yaml", wide + "\nk3: again\n");
        assertThat(r.streamed()).isNull();
        assertThat(r.problems()).extracting(Finding::id).containsExactly("duplicate-key");
    }

    /**
     * Every manifest, chart value file and fixture the project and the peer analyser's corpus hold: where the stream
     * reads one, it reads what composing reads. Nine tenths of them must be read by the stream (1,503 of 1,528
     * were when this was written), or this shows little.
     */
    @Test
    void readsTheProjectsAndTheCorpussFilesAsComposingDoes() throws IOException {
        List<Path> roots = new ArrayList<>(List.of(Path.of("src/test/resources"), Path.of("src/it"), Path.of("examples")));
        PeerCorpus.locate("CASES.json").ifPresent(roots::add);
        int files = 0;
        int streamed = 0;
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            List<Path> yaml;
            try (Stream<Path> walk = Files.walk(root)) {
                yaml = walk.filter(Files::isRegularFile).filter(p -> {
                    String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                    return n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json");
                }).sorted().toList();
            }
            for (Path p : yaml) {
                TextScreen.Decoded decoded = TextScreen.decode(p.toString(), Files.readAllBytes(p));
                if (decoded.problem() != null) {
                    continue;
                }
                String text = p.toString().endsWith(".json") ? decoded.text().replace('\t', ' ') : decoded.text();
                files++;
                if (read(p.toString(), text).streamed() != null) {
                    streamed++;
                }
                assertSameWhereRead(p.toString(), text);
            }
        }
        assertThat(files).isGreaterThan(300);
        assertThat(streamed).isGreaterThan(files * 9 / 10);
    }
}
