package io.github.netpol.load;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static io.github.netpol.load.LoadFixtures.POLICY;
import static io.github.netpol.load.LoadFixtures.file;
import static org.assertj.core.api.Assertions.assertThat;

class ParsedFilesTest {


    @Test
    void aFileOfTheSameContentTakesTheEarlierParseUnderItsOwnName() {
        ParsedFiles parsed = new ParsedFiles();
        LoadResult current = new ManifestLoader(parsed).load(List.of(file("src/main/kubernetes/deny.yaml", POLICY)));
        LoadResult old = new ManifestLoader(parsed).load(List.of(file("previous/deny.yaml", POLICY)));

        RawDocument now = current.documents().get(0);
        RawDocument before = old.documents().get(0);
        assertThat(before.tree()).isSameAs(now.tree());
        assertThat(before.file()).isEqualTo("previous/deny.yaml");
        assertThat(before.positions().get("/spec/podSelector").file()).isEqualTo("previous/deny.yaml");
        assertThat(before.positions().get("/spec/podSelector").line()).isEqualTo(7);
        assertThat(before).isEqualTo(new ManifestLoader().load(List.of(file("previous/deny.yaml", POLICY)))
                .documents().get(0));
    }

    @Test
    void differentContentOrAProblemIsParsedAgainAndTheProblemNamesItsOwnFile() {
        ParsedFiles parsed = new ParsedFiles();
        AtomicInteger parses = new AtomicInteger();
        String broken = "kind: [";
        for (String name : List.of("a/x.yaml", "b/x.yaml")) {
            LoadResult r = parsed.read(file(name, broken), false, () -> {
                parses.incrementAndGet();
                return new ManifestLoader().load(List.of(file(name, broken)));
            });
            assertThat(r.problems()).singleElement().satisfies(p -> assertThat(p.location().file()).isEqualTo(name));
        }
        assertThat(parses).hasValue(2);

        parsed.read(file("a/p.yaml", POLICY), false, () -> {
            parses.incrementAndGet();
            return new ManifestLoader().load(List.of(file("a/p.yaml", POLICY)));
        });
        parsed.read(file("b/p.yaml", POLICY + "# changed\n"), false, () -> {
            parses.incrementAndGet();
            return new ManifestLoader().load(List.of(file("b/p.yaml", POLICY + "# changed\n")));
        });
        parsed.read(file("b/p.json", POLICY), true, () -> {
            parses.incrementAndGet();
            return new ManifestLoader().load(List.of(file("b/p.json", POLICY)));
        });
        assertThat(parses).as("other bytes, or the same bytes read as JSON, are parsed again").hasValue(5);
        parsed.read(file("c/p.yaml", POLICY), false, () -> {
            parses.incrementAndGet();
            return null;
        });
        assertThat(parses).as("the same bytes read as YAML are not").hasValue(5);
    }

    @Test
    void twoVersionsReadAtOnceParseEachContentOnceAndKeepTheirFilesOrder() {
        List<SourceFile> current = IntStream.range(0, 200)
                .mapToObj(i -> file("src/f" + i + ".yaml", POLICY.replace("deny", "deny-" + i))).toList();
        List<SourceFile> old = IntStream.range(0, 200)
                .mapToObj(i -> file("previous/f" + i + ".yaml", POLICY.replace("deny", "deny-" + (i % 150)))).toList();
        ParsedFiles parsed = new ParsedFiles();
        var both = List.of(current, old).parallelStream().map(files -> new ManifestLoader(parsed).load(files)).toList();
        for (int v = 0; v < 2; v++) {
            List<SourceFile> files = v == 0 ? current : old;
            LoadResult alone = new ManifestLoader().load(files);
            assertThat(both.get(v)).isEqualTo(alone);
        }
    }
}
