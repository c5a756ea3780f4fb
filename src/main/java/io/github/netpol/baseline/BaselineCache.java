package io.github.netpol.baseline;

import io.github.netpol.load.BoundedReads;
import io.github.netpol.load.LoadResult;
import io.github.netpol.load.LoadResultCodec;
import io.github.netpol.load.SealedFiles;
import io.github.netpol.load.SourceFile;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * A released bundle's files and their parsed documents, kept so that a later build does not parse the same
 * bundle again: a release never changes, and its bundle's digest names it. Entries live in the build's output
 * directory and next to the bundle in the local repository; both are safe to delete.
 * <p>
 * An entry is used only when everything about it checks out: the format, the plugin build that wrote it, the
 * digest of the bundle it was made from (the bundle is read and hashed every time), and a CRC-32 of the whole entry
 * ({@link io.github.netpol.load.SealedFiles}). Anything else (a partial write, a flipped byte, another plugin build)
 * is a miss, and the bundle is read as if there were no cache. Entries are written to a temporary file and moved
 * into place, so a reader never sees half of one. Only a bundle that parsed without a problem is kept; validation
 * runs on the trees every time, so a cache entry can change no verdict.
 */
public final class BaselineCache {

    /** The directory under the build's output directory that holds entries. */
    public static final String DIRECTORY = "bundle-cache";
    private static final String MAGIC = "netpol-baseline-cache\n";
    /** Raise when the entry's layout or the loader's trees change meaning. */
    private static final int FORMAT = 2;

    private final Path outputCache;
    private final String pluginBuild;
    private final List<Path> directories;
    private final SealedFiles.Header header;

    /**
     * @param outputCache where the build keeps entries (under {@code target/}), or null
     * @param pluginBuild the plugin's version and build: an entry written by another build is not read
     */
    public BaselineCache(Path outputCache, String pluginBuild) {
        this.outputCache = outputCache;
        this.pluginBuild = pluginBuild;
        this.directories = outputCache == null ? List.of() : List.of(outputCache);
        this.header = new SealedFiles.Header(MAGIC, FORMAT, pluginBuild);
    }

    /** Where the build keeps entries, or null: with {@link #pluginBuild()}, what makes this cache again elsewhere. */
    public Path outputCache() {
        return outputCache;
    }

    public String pluginBuild() {
        return pluginBuild;
    }

    /** The entries of one bundle: the bundle's file and the digest of its bytes. */
    public Slot slot(Path bundle, String digest) {
        return new Slot(this, bundle, digest);
    }

    /** The entries of one bundle, found or kept together (a forked check carries it to its own JVM). */
    public record Slot(BaselineCache cache, Path bundle, String digest) {

        public Optional<Entry> find() {
            return cache.find(bundle, digest);
        }

        public void store(List<SourceFile> files, LoadResult loaded) {
            cache.store(bundle, digest, files, loaded);
        }
    }

    /** What a cached or fresh bundle gives: its files, and their documents when a valid entry had them. */
    public record Entry(List<SourceFile> files, LoadResult loaded) {
    }

    /** The SHA-256 of the bundle's bytes, in hex: the key of its entries. */
    public static String digest(byte[] bundle) {
        return HexFormat.of().formatHex(SealedFiles.sha256().digest(bundle));
    }

    /** The entry of the bundle at {@code bundle} with digest {@code digest}, if one is there and valid. */
    public Optional<Entry> find(Path bundle, String digest) {
        for (Path candidate : places(bundle, digest)) {
            Optional<Entry> entry = read(candidate, digest);
            if (entry.isPresent()) {
                return entry;
            }
        }
        return Optional.empty();
    }

    /**
     * Keeps a clean load of the bundle in every place. Best effort: a place that cannot be written is left
     * without an entry (the next build parses the bundle again), never a reason to fail the build.
     */
    public void store(Path bundle, String digest, List<SourceFile> files, LoadResult loaded) {
        if (!loaded.problems().isEmpty()) {
            return;
        }
        byte[] bytes;
        try {
            bytes = encode(digest, files, loaded);
        } catch (IOException | RuntimeException e) {
            return;
        }
        for (Path place : places(bundle, digest)) {
            SealedFiles.write(place, bytes);
        }
    }

    /** Under the output directory by digest, and next to the bundle in the local repository. */
    List<Path> places(Path bundle, String digest) {
        List<Path> places = new ArrayList<>();
        for (Path d : directories) {
            places.add(d.resolve(digest + ".bin"));
        }
        if (bundle != null && bundle.getFileName() != null) {
            places.add(bundle.resolveSibling(bundle.getFileName() + ".netpol-cache"));
        }
        return places;
    }

    private byte[] encode(String digest, List<SourceFile> files, LoadResult loaded) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(buffer);
        header.write(out);
        out.writeUTF(digest);
        out.writeInt(files.size());
        for (SourceFile f : files) {
            byte[] path = f.path().getBytes(StandardCharsets.UTF_8);
            out.writeInt(path.length);
            out.write(path);
            out.writeInt(f.content().length);
            out.write(f.content());
        }
        LoadResultCodec.write(loaded, out);
        out.flush();
        return buffer.toByteArray();
    }

    private Optional<Entry> read(Path place, String digest) {
        Optional<DataInputStream> body = SealedFiles.open(place);
        if (body.isEmpty()) {
            return Optional.empty();
        }
        try {
            DataInputStream in = body.get();
            if (!header.readFrom(in) || !digest.equals(in.readUTF())) {
                return Optional.empty();
            }
            int count = in.readInt();
            if (count < 0) {
                return Optional.empty();
            }
            List<SourceFile> files = new ArrayList<>(Math.min(count, 1 << 16));
            for (int i = 0; i < count; i++) {
                String path = new String(BoundedReads.sized(in, "entry path"), StandardCharsets.UTF_8);
                files.add(new SourceFile(path, BoundedReads.sized(in, "entry file")));
            }
            LoadResult loaded = LoadResultCodec.read(in);
            if (in.read() != -1) {
                return Optional.empty();
            }
            return Optional.of(new Entry(files, loaded));
        } catch (IOException | RuntimeException e) {
            // cut short or not ours: parse the bundle instead
            return Optional.empty();
        }
    }

}
