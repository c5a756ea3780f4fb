package io.github.netpol.load;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static io.github.netpol.load.LoadFixtures.POLICY_AND_NAMESPACE;
import static io.github.netpol.load.LoadFixtures.file;
import static org.assertj.core.api.Assertions.assertThat;

class ParseStoreTest {

    private static final String PLUGIN = "1.2.3 4711@1700000000000";

    @TempDir
    Path dir;

    private final AtomicInteger parses = new AtomicInteger();

    /** One build: a fresh run's parses, over the store in {@code dir}. */
    private LoadResult build(ParseStore store, SourceFile f) {
        return new ParsedFiles(store).read(f, f.path().endsWith(".json"), () -> {
            parses.incrementAndGet();
            return new ManifestLoader().load(List.of(f));
        });
    }

    private List<Path> entries() throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".bin")).toList();
        }
    }

    @Test
    void aLaterBuildTakesTheKeptParseUnderItsOwnFileNameInsteadOfParsing() throws IOException {
        LoadResult first = build(new ParseStore(dir, PLUGIN), file("src/main/kubernetes/shop.yaml", POLICY_AND_NAMESPACE));
        assertThat(parses).hasValue(1);
        assertThat(entries()).singleElement();

        LoadResult second = build(new ParseStore(dir, PLUGIN), file("previous/shop.yaml", POLICY_AND_NAMESPACE));
        assertThat(parses).as("not parsed again").hasValue(1);
        LoadResult parsedThere = new ManifestLoader().load(List.of(file("previous/shop.yaml", POLICY_AND_NAMESPACE)));
        assertThat(second).as("the same documents and positions as a parse of that file").isEqualTo(parsedThere);
        assertThat(second.documents()).hasSize(2);
        assertThat(second.documents().get(1).positions().get("/metadata/labels/quoted key"))
                .satisfies(p -> {
                    assertThat(p.file()).isEqualTo("previous/shop.yaml");
                    assertThat(p.line()).isEqualTo(13);
                });
        assertThat(first.documents().get(0).tree()).isEqualTo(second.documents().get(0).tree());
    }

    @Test
    void otherBytesOrTheSameBytesReadAsJsonAreParsedAndProblemsAreNeverKept() throws IOException {
        ParseStore store = new ParseStore(dir, PLUGIN);
        build(store, file("a.yaml", POLICY_AND_NAMESPACE));
        build(store, file("b.yaml", POLICY_AND_NAMESPACE + "# another comment\n"));
        build(store, file("c.json", "{\"kind\": \"Namespace\", \"metadata\": {\"name\": \"x\"}}"));
        build(store, file("c.yaml", "{\"kind\": \"Namespace\", \"metadata\": {\"name\": \"x\"}}"));
        assertThat(parses).hasValue(4);
        LoadResult broken = build(store, file("d.yaml", "kind: ["));
        assertThat(broken.problems()).singleElement();
        assertThat(entries()).as("four clean parses kept, the broken file not").hasSize(4);
        build(new ParseStore(dir, PLUGIN), file("e.yaml", "kind: ["));
        assertThat(parses).as("a file with a problem is parsed on every build").hasValue(6);
    }

    @Test
    void aCorruptedPartialOrForeignEntryIsIgnoredAndRebuilt() throws IOException {
        SourceFile shop = file("shop.yaml", POLICY_AND_NAMESPACE);
        build(new ParseStore(dir, PLUGIN), shop);
        Path entry = entries().get(0);
        byte[] good = Files.readAllBytes(entry);
        build(new ParseStore(dir, PLUGIN), file("other.yaml", "kind: Namespace\nmetadata: {name: other}\n"));
        byte[] foreign = Files.readAllBytes(entries().stream().filter(p -> !p.equals(entry)).findFirst().orElseThrow());
        LoadResult parsed = new ManifestLoader().load(List.of(shop));

        Map<String, UnaryOperator<byte[]>> damages = new LinkedHashMap<>();
        damages.put("a flipped byte", b -> flipped(b, b.length / 2));
        damages.put("a flipped seal byte", b -> flipped(b, b.length - 1));
        damages.put("cut short", b -> Arrays.copyOf(b, b.length - 40));
        damages.put("a byte appended", b -> Arrays.copyOf(b, b.length + 1));
        damages.put("empty", b -> new byte[0]);
        damages.put("another content's entry, sealed", b -> foreign);
        for (Map.Entry<String, UnaryOperator<byte[]>> damage : damages.entrySet()) {
            Files.write(entry, damage.getValue().apply(good));
            int before = parses.get();
            LoadResult read = build(new ParseStore(dir, PLUGIN), shop);
            assertThat(parses.get()).as(damage.getKey() + ": parsed").isEqualTo(before + 1);
            assertThat(read).as(damage.getKey()).isEqualTo(parsed);
            assertThat(Files.readAllBytes(entry)).as(damage.getKey() + ": rebuilt").isEqualTo(good);
        }
        int before = parses.get();
        build(new ParseStore(dir, PLUGIN), shop);
        assertThat(parses).as("the rebuilt entry is used").hasValue(before);
        build(new ParseStore(dir, "1.2.3 4712@1700000000001"), shop);
        assertThat(parses).as("another build of the plugin does not read it").hasValue(before + 1);
    }

    @Test
    void twoPluginBuildsUsedInTurnKeepTheirOwnEntries() throws IOException {
        SourceFile shop = file("shop.yaml", POLICY_AND_NAMESPACE);
        String other = "1.3.0 5000@1710000000000";
        build(new ParseStore(dir, PLUGIN), shop);
        build(new ParseStore(dir, other), shop);
        assertThat(parses).hasValue(2);
        assertThat(entries()).hasSize(2);
        for (int i = 0; i < 3; i++) {
            build(new ParseStore(dir, PLUGIN), shop);
            build(new ParseStore(dir, other), shop);
        }
        assertThat(parses).as("neither build overwrites the other's entry").hasValue(2);
    }

    @Test
    void oldEntriesAndLeftoverTemporaryFilesArePrunedOnceADay() throws IOException {
        ParseStore store = new ParseStore(dir, PLUGIN);
        build(store, file("a.yaml", POLICY_AND_NAMESPACE));
        Path old = entries().get(0);
        Path leftover = old.resolveSibling(old.getFileName() + "123.tmp");
        Files.write(leftover, new byte[] {1});
        Instant longAgo = Instant.now().minus(java.time.Duration.ofDays(ParseStore.KEPT_FOR_DAYS)).minusSeconds(60);
        Files.setLastModifiedTime(old, FileTime.from(longAgo));
        Files.setLastModifiedTime(leftover, FileTime.from(longAgo));
        // the first write pruned (nothing yet) and noted the day; a day later the next one prunes again
        Files.setLastModifiedTime(dir.resolve("pruned"), FileTime.from(Instant.now().minusSeconds(25 * 3600)));

        build(new ParseStore(dir, PLUGIN), file("b.yaml", "kind: Namespace\nmetadata: {name: b}\n"));
        assertThat(old).as("pruned on the day's first write").doesNotExist();
        assertThat(leftover).doesNotExist();
        assertThat(entries()).singleElement();

        build(new ParseStore(dir, PLUGIN), file("a.yaml", POLICY_AND_NAMESPACE));
        Path again = entries().stream().filter(p -> p.getFileName().equals(old.getFileName())).findFirst().orElseThrow();
        Files.setLastModifiedTime(again, FileTime.from(longAgo));
        build(new ParseStore(dir, PLUGIN), file("c.yaml", "kind: Namespace\nmetadata: {name: c}\n"));
        assertThat(again).as("not pruned twice in a day").exists();
    }

    @Test
    void theDaysPruningLeavesAFreshEmptyDirectoryForTheEntryAboutToBeWrittenThere() throws IOException {
        // the day's first write prunes while the version's other files are written on other threads (or by another
        // build): a directory just made for an entry is empty until that entry lands, and must not go meanwhile
        Path fresh = dir.resolve("0123456789abcdef").resolve("ab");
        Path stale = dir.resolve("fedcba9876543210").resolve("cd");
        Files.createDirectories(fresh);
        Files.createDirectories(stale);
        FileTime twoDaysAgo = FileTime.from(Instant.now().minusSeconds(49 * 3600));
        Files.setLastModifiedTime(stale, twoDaysAgo);
        Files.setLastModifiedTime(stale.getParent(), twoDaysAgo);

        build(new ParseStore(dir, PLUGIN), file("a.yaml", POLICY_AND_NAMESPACE));
        assertThat(fresh).as("made a moment ago, its entry still to come").isDirectory();
        assertThat(stale).as("empty and untouched for two days").doesNotExist();
        assertThat(entries()).singleElement();
    }

    @Test
    void aStoreThatCannotBeWrittenCostsAParseNeverTheRead() throws IOException {
        Path notADirectory = dir.resolve("file");
        Files.write(notADirectory, new byte[] {1});
        ParseStore store = new ParseStore(notADirectory, PLUGIN);
        LoadResult r = build(store, file("a.yaml", POLICY_AND_NAMESPACE));
        assertThat(r.problems()).isEmpty();
        assertThat(r.documents()).hasSize(2);
        assertThat(build(new ParseStore(notADirectory, PLUGIN), file("a.yaml", POLICY_AND_NAMESPACE))).isEqualTo(r);
        assertThat(parses).hasValue(2);
    }

    private static byte[] flipped(byte[] b, int at) {
        byte[] copy = b.clone();
        copy[at] ^= 0x5a;
        return copy;
    }

}
