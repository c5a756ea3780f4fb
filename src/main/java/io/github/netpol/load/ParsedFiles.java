package io.github.netpol.load;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;
import java.util.zip.CRC32;

/**
 * The clean parses of one run, by file content: a comparison reads two versions that mostly hold the same files
 * (a pull request changes a few), and a file whose bytes are the same parses to the same documents, so the second
 * version takes them instead of parsing again, under its own file name. Only a parse without problems is shared
 * (a problem's finding names its file, and a refused file is rare). Thread-safe: both versions read at once, and a
 * version reading a file the other is parsing waits for that parse rather than doing it twice.
 */
public final class ParsedFiles {

    private final ConcurrentMap<Content, CompletableFuture<List<RawDocument>>> parses = new ConcurrentHashMap<>();

    /**
     * What reading {@code file} gives: the documents of the same bytes (read the same way, {@code json} or not) when
     * they were read cleanly before, under this file's name, else what {@code read} returns.
     */
    LoadResult read(SourceFile file, boolean json, Supplier<LoadResult> read) {
        Content key = new Content(file.content(), json);
        CompletableFuture<List<RawDocument>> mine = new CompletableFuture<>();
        CompletableFuture<List<RawDocument>> earlier = parses.putIfAbsent(key, mine);
        if (earlier == null) {
            LoadResult result = null;
            try {
                result = read.get();
            } finally {
                mine.complete(result == null || !result.problems().isEmpty() ? null : result.documents());
            }
            return result;
        }
        List<RawDocument> shared = earlier.join();
        if (shared == null) {
            return read.get();
        }
        return new LoadResult(shared.stream().map(d -> d.inFile(file.path())).toList(), List.of());
    }

    /** File bytes as a key: the CRC is native code, cheap even before the JIT has compiled anything. */
    private record Content(byte[] bytes, boolean json, int crc) {

        Content(byte[] bytes, boolean json) {
            this(bytes, json, crc(bytes));
        }

        private static int crc(byte[] bytes) {
            CRC32 crc = new CRC32();
            crc.update(bytes);
            return (int) crc.getValue();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Content other && crc == other.crc && json == other.json
                    && Arrays.equals(bytes, other.bytes);
        }

        @Override
        public int hashCode() {
            return crc;
        }
    }
}
