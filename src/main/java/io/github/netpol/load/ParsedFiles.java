package io.github.netpol.load;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The clean parses of one run, by file content: a comparison reads two versions that mostly hold the same files
 * (a pull request changes a few), and a file whose bytes are the same parses to the same documents, so the second
 * version takes them instead of parsing again, under its own file name. Only a parse without problems is shared
 * (a problem's finding names its file, and a refused file is rare). Thread-safe: both versions read at once, and a
 * version reading a file the other is parsing waits for that parse rather than doing it twice.
 * <p>
 * With a {@link ParseStore}, a content this run has not met yet is looked up there before it is parsed, and a clean
 * parse is kept there for later builds.
 */
public final class ParsedFiles {

    private final ConcurrentMap<Content, CompletableFuture<List<RawDocument>>> parses = new ConcurrentHashMap<>();
    private final ParseStore store;
    private final AtomicInteger parsedHere = new AtomicInteger();
    private final AtomicInteger takenFromStore = new AtomicInteger();

    /** The parses of this run alone. */
    public ParsedFiles() {
        this(null);
    }

    /** @param store where parses are kept between builds, or null */
    public ParsedFiles(ParseStore store) {
        this.store = store;
    }

    /**
     * What reading {@code file} gives: the documents of the same bytes (read the same way, {@code json} or not) when
     * they were read cleanly before, under this file's name, else what {@code read} returns.
     */
    LoadResult read(SourceFile file, boolean json, Supplier<LoadResult> read) {
        Content key = new Content(new ContentKey(file.content()), json);
        CompletableFuture<List<RawDocument>> mine = new CompletableFuture<>();
        CompletableFuture<List<RawDocument>> earlier = parses.putIfAbsent(key, mine);
        if (earlier == null) {
            LoadResult result = null;
            try {
                result = store == null ? read.get() : readThroughStore(file, json, read);
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

    private LoadResult readThroughStore(SourceFile file, boolean json, Supplier<LoadResult> read) {
        Optional<List<RawDocument>> kept = store.find(file, json);
        if (kept.isPresent()) {
            takenFromStore.incrementAndGet();
            return new LoadResult(kept.get(), List.of());
        }
        LoadResult result = read.get();
        parsedHere.incrementAndGet();
        store.keep(file, json, result);
        return result;
    }

    /**
     * How the contents met so far were read, for the goals' timing line: {@code 3 parsed, 3,000 from the parse
     * cache}; empty without a store.
     */
    public String summary() {
        return store == null ? "" : parsedHere.get() + " parsed, " + takenFromStore.get() + " from the parse cache";
    }

    /** The same bytes, read the same way. */
    private record Content(ContentKey bytes, boolean json) {
    }
}
