package io.github.netpol.baseline;

import io.github.netpol.load.LoadResult;
import io.github.netpol.load.ManifestLoader;
import io.github.netpol.load.SourceFile;
import io.github.netpol.model.KubernetesObjects;
import io.github.netpol.validate.ReadVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class BaselineCacheTest {

    private static final String PLUGIN = "1.2.3 4711@1700000000000";

    @TempDir
    Path dir;

    @Test
    void aCachedBundleIsReusedWithoutParsingAndReadsAsTheBundleDoes() throws Exception {
        Path bundle = writeBundle(shopFiles());
        Baseline first = obtain(bundle, PLUGIN);
        assertThat(first.cached()).as("nothing cached yet").isNull();
        LoadResult parsed = first.load();
        assertThat(cacheEntries(bundle)).as("kept under target/ and next to the bundle").hasSize(2)
                .allMatch(Files::isRegularFile);

        Baseline second = obtain(bundle, PLUGIN);
        assertThat(second.cached()).as("read from the cache").isNotNull();
        assertThat(List.of(second.cacheSlot().bundle(), second.cacheSlot().digest())).as("the slot it came from")
                .isEqualTo(List.of(first.cacheSlot().bundle(), first.cacheSlot().digest()));
        // load() hands out the cached documents: the manifests are not parsed again
        assertThat(second.load()).isSameAs(second.cached());
        assertThat(second.files()).usingRecursiveFieldByFieldElementComparator().isEqualTo(first.files());
        assertThat(second.cached()).isEqualTo(parsed);
        // read and validated, the cached documents give the same manifests and the same errors as a parse
        ReadVersion fromCache = ReadVersion.of(second.load(), "default", new KubernetesObjects());
        ReadVersion fromBundle = ReadVersion.of(first.files(), "default", new KubernetesObjects());
        assertThat(fromCache).isEqualTo(fromBundle);
        assertThat(fromCache.set().policies()).isNotEmpty();
    }

    @Test
    void theCopyNextToTheBundleServesABuildWithoutTarget() throws Exception {
        Path bundle = writeBundle(shopFiles());
        obtain(bundle, PLUGIN).load();
        deleteTree(dir.resolve("target"));
        assertThat(obtain(bundle, PLUGIN).cached()).isNotNull();
    }

    @Test
    void aCorruptedPartialOrForeignEntryIsIgnoredAndRebuilt() throws Exception {
        Path bundle = writeBundle(shopFiles());
        obtain(bundle, PLUGIN).load();
        List<Path> entries = cacheEntries(bundle);
        byte[] good = Files.readAllBytes(entries.get(0));
        Path otherBundle = writeBundle(List.of(new SourceFile("a.yaml", "kind: Namespace\n".getBytes(StandardCharsets.UTF_8))));
        obtain(otherBundle, PLUGIN).load();
        byte[] foreign = Files.readAllBytes(cacheEntries(otherBundle).get(1));

        Map<String, Consumer<Path>> damages = Map.of(
                "a flipped byte", p -> rewrite(p, flipped(good, good.length / 2)),
                "a flipped checksum byte", p -> rewrite(p, flipped(good, good.length - 1)),
                "cut short", p -> rewrite(p, java.util.Arrays.copyOf(good, good.length - 100)),
                "a byte appended", p -> rewrite(p, java.util.Arrays.copyOf(good, good.length + 1)),
                "empty", p -> rewrite(p, new byte[0]),
                "another bundle's entry", p -> rewrite(p, foreign));
        for (Map.Entry<String, Consumer<Path>> damage : damages.entrySet()) {
            entries.forEach(damage.getValue());
            Baseline b = obtain(bundle, PLUGIN);
            assertThat(b.cached()).as(damage.getKey()).isNull();
            b.load();
            for (Path entry : entries) {
                assertThat(Files.readAllBytes(entry)).as(damage.getKey() + ": rebuilt").isEqualTo(good);
            }
            assertThat(obtain(bundle, PLUGIN).cached()).as(damage.getKey() + ": used after the rebuild").isNotNull();
        }
    }

    @Test
    void anotherPluginBuildOrAChangedBundleDoesNotUseTheEntry() throws Exception {
        Path bundle = writeBundle(shopFiles());
        obtain(bundle, PLUGIN).load();
        assertThat(obtain(bundle, "1.2.3 4712@1700000000001").cached()).isNull();
        // the same path with other bytes: the bundle is hashed every time
        List<SourceFile> changed = new ArrayList<>(shopFiles());
        changed.set(0, new SourceFile(changed.get(0).path(), "kind: Namespace\nmetadata: {name: x}\n".getBytes(StandardCharsets.UTF_8)));
        Files.writeString(bundle, new PolicyBundle().write("io.example:shop", "1.0.0", changed));
        Baseline b = obtain(bundle, PLUGIN);
        assertThat(b.cached()).isNull();
        assertThat(b.files()).extracting(f -> new String(f.content(), StandardCharsets.UTF_8))
                .contains("kind: Namespace\nmetadata: {name: x}\n");
    }

    @Test
    void aBundleThatDoesNotParseCleanlyIsNeverCached() throws Exception {
        Path bundle = writeBundle(List.of(new SourceFile("bad.yaml", "a: [\n".getBytes(StandardCharsets.UTF_8))));
        Baseline b = obtain(bundle, PLUGIN);
        assertThat(b.load().problems()).isNotEmpty();
        assertThat(cacheEntries(bundle)).noneMatch(Files::exists);
    }

    @Test
    void aBundleWithRenderedEnvironmentsIsNeverCached() throws Exception {
        List<SourceFile> plain = shopFiles();
        RenderedFiles prod = new RenderedFiles("prod", "kustomize/overlays/prod", "kustomize", "abc",
                List.of(new SourceFile("prod/np.yaml", "kind: Namespace\nmetadata: {name: p}\n".getBytes(StandardCharsets.UTF_8))));
        Path repo = Files.createDirectories(dir.resolve("repo/env"));
        Path bundle = Files.writeString(repo.resolve("shop-1.0.0-netpol.yaml"),
                new PolicyBundle().write("io.example:shop", "1.0.0", plain, List.of(prod)));
        Baseline first = obtain(bundle, PLUGIN);
        assertThat(first.environments()).extracting(RenderedFiles::name).containsExactly("prod");
        assertThat(first.cacheSlot()).isNull();
        first.load();
        assertThat(cacheEntries(bundle)).noneMatch(Files::exists);
        assertThat(obtain(bundle, PLUGIN).environments()).hasSize(1);
    }

    @Test
    void everyKindOfValueComesBackEqualAndOfTheSameType() throws Exception {
        String yaml = """
                kind: ConfigMap
                metadata: {name: "n\\u00e9", labels: {a: b}}
                data:
                  int: 1
                  long: 9000000000
                  big: 123456789012345678901234567890
                  float: 1.5
                  yes: true
                  no: false
                  nothing: null
                  when: 2024-01-01
                  nested: [[1, 2], {x: [], y: {}}, "", ~]
                ---
                kind: List
                items: [{kind: Namespace, metadata: {name: a}}, {kind: Namespace, metadata: {name: b}}]
                """;
        Path bundle = writeBundle(List.of(new SourceFile("all.yaml", yaml.getBytes(StandardCharsets.UTF_8))));
        LoadResult parsed = obtain(bundle, PLUGIN).load();
        assertThat(parsed.problems()).isEmpty();
        LoadResult cached = obtain(bundle, PLUGIN).cached();
        assertThat(cached).isEqualTo(parsed);
        Map<?, ?> data = (Map<?, ?>) ((Map<?, ?>) cached.documents().get(0).tree()).get("data");
        Map<?, ?> fresh = (Map<?, ?>) ((Map<?, ?>) parsed.documents().get(0).tree()).get("data");
        for (Object key : fresh.keySet()) {
            Object v = fresh.get(key);
            assertThat(data.get(key) == null ? null : data.get(key).getClass()).as(String.valueOf(key))
                    .isEqualTo(v == null ? null : v.getClass());
        }
        assertThat(cached.documents().get(0).positions()).isEqualTo(parsed.documents().get(0).positions());
        assertThat(new ManifestLoader().load(List.of(new SourceFile("all.yaml", yaml.getBytes(StandardCharsets.UTF_8)))))
                .isEqualTo(cached);
    }

    private Baseline obtain(Path bundle, String plugin) throws Exception {
        BaselineProvider p = new BaselineProvider(dir, List.of("src/main/kubernetes"), new BaselineProviderTest.FakeReleases(Map.of("1.0.0", bundle)),
                () -> {
                    throw new AssertionError("git reader made");
                }, d -> List.of()).caching(new BaselineCache(dir.resolve("target/netpol").resolve(BaselineCache.DIRECTORY), plugin));
        return ((BaselineOutcome.Found) p.obtain(new BaselineSpec.Release("1.0.0"))).baseline();
    }

    private List<Path> cacheEntries(Path bundle) throws Exception {
        String digest = BaselineCache.digest(Files.readAllBytes(bundle));
        return new BaselineCache(dir.resolve("target/netpol").resolve(BaselineCache.DIRECTORY), PLUGIN).places(bundle, digest);
    }

    private int bundles;

    private Path writeBundle(List<SourceFile> files) throws Exception {
        Path repo = Files.createDirectories(dir.resolve("repo/io/example/shop/1.0.0-" + bundles++));
        return Files.writeString(repo.resolve("shop-1.0.0-netpol.yaml"),
                new PolicyBundle().write("io.example:shop", "1.0.0", files));
    }

    private static List<SourceFile> shopFiles() throws Exception {
        Path root = Path.of("examples/shop/previous-release");
        try (Stream<Path> s = Files.walk(root)) {
            List<SourceFile> files = new ArrayList<>();
            for (Path p : s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                files.add(new SourceFile("src/main/kubernetes/" + root.relativize(p).toString().replace('\\', '/'),
                        Files.readAllBytes(p)));
            }
            assertThat(files).hasSizeGreaterThan(3);
            return files;
        }
    }

    private static byte[] flipped(byte[] b, int at) {
        byte[] c = b.clone();
        c[at] ^= 0x20;
        return c;
    }

    private static void rewrite(Path p, byte[] bytes) {
        try {
            Files.write(p, bytes);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path root) throws Exception {
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
