package io.github.netpol.fork;

import io.github.netpol.analysis.AnalysisOptions;
import io.github.netpol.baseline.Baseline;
import io.github.netpol.baseline.BaselineCache;
import io.github.netpol.baseline.BaselineOutcome;
import io.github.netpol.baseline.RenderedFiles;
import io.github.netpol.gate.AcceptedChanges;
import io.github.netpol.gate.AcceptedChangesReader;
import io.github.netpol.gate.CheckRequest;
import io.github.netpol.gate.FailPolicy;
import io.github.netpol.load.BoundedReads;
import io.github.netpol.load.CollectedSources;
import io.github.netpol.load.Derived;
import io.github.netpol.load.LoadResult;
import io.github.netpol.load.ParseStore;
import io.github.netpol.load.SourceEnvironment;
import io.github.netpol.load.SourceFile;
import io.github.netpol.model.semantics.Cidr;
import io.github.netpol.report.ConsoleLine;
import io.github.netpol.validate.apiserver.CrdChannel;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The two files between Maven's JVM and a forked check: the request, and the outcome with the console lines. Both
 * are written by this plugin build and read by the same build (the forked JVM runs the plugin's own jars), so a
 * file that does not read back exactly is an error, never a guess.
 * <p>
 * Only what the check reads crosses: the files with their bytes and SHA-256, the baseline's description, files and
 * cache slot (the forked JVM finds or keeps the cached documents itself), the accepted-changes file as text, and the
 * settings. A request that carries anything else (a version already read, problems met while collecting the
 * sources) is not forked: {@link #forkable} says why.
 */
public final class ForkCodec {

    private static final String REQUEST = "netpol-fork-request\n";
    private static final String OUTCOME = "netpol-fork-outcome\n";
    private static final int FORMAT = 2;
    private static final int SHA256_BYTES = 32;

    private ForkCodec() {
    }

    /** Null when the request can cross to another JVM as it is, else why it cannot. */
    public static String forkable(CheckRequest request) {
        if (!request.currentReads().isEmpty()) {
            return "validate read the current manifests in this build, and that reading is used here";
        }
        if (!request.sourceProblems().isEmpty()) {
            return "collecting the sources met problems";
        }
        return null;
    }

    public static void writeRequest(ForkRequest fork, DataOutputStream out) throws IOException {
        CheckRequest r = fork.check();
        String refused = forkable(r);
        if (refused != null) {
            throw new IllegalArgumentException("not a request to fork: " + refused);
        }
        out.writeUTF(REQUEST);
        out.writeInt(FORMAT);
        WrittenContents contents = new WrittenContents();
        out.writeInt(r.environments().size());
        for (SourceEnvironment env : r.environments()) {
            string(out, env.name());
            files(out, env.files(), contents);
        }
        baseline(out, r.baseline(), contents);
        string(out, fork.acceptedText());
        out.writeBoolean(r.failPolicy().widening());
        out.writeBoolean(r.failPolicy().isolation());
        out.writeBoolean(r.failIfNoBaseline());
        out.writeUTF(r.analysis().namespaceLabels().name());
        strings(out, r.analysis().podCidrs().stream().map(Cidr::text).toList());
        out.writeUTF(r.defaultNamespace());
        out.writeUTF(r.today().toString());
        string(out, r.acceptedFile());
        out.writeUTF(r.channel().name());
        out.writeBoolean(r.parseStore() != null);
        if (r.parseStore() != null) {
            out.writeUTF(r.parseStore().directory().toString());
            out.writeUTF(r.parseStore().pluginBuild());
        }
        ReportSettings s = fork.reports();
        strings(out, s.formats());
        out.writeUTF(s.outputDirectory().toString());
        string(out, s.toolVersion());
        string(out, s.module());
        out.writeUTF(s.repositoryPrefix());
        out.writeBoolean(fork.heapPeak());
    }

    public static ForkRequest readRequest(DataInputStream in) throws IOException {
        if (!REQUEST.equals(in.readUTF()) || in.readInt() != FORMAT) {
            throw new IOException("not a request of this plugin build");
        }
        List<SourceEnvironment> environments = new ArrayList<>();
        List<SourceFile> contents = new ArrayList<>();
        for (int i = count(in); i > 0; i--) {
            String name = string(in);
            environments.add(new SourceEnvironment(name, new CollectedSources(files(in, contents), List.of(),
                    List.of()), null));
        }
        BaselineOutcome baseline = baseline(in, contents);
        String acceptedText = string(in);
        FailPolicy failPolicy = new FailPolicy(in.readBoolean(), in.readBoolean());
        boolean failIfNoBaseline = in.readBoolean();
        AnalysisOptions.NamespaceLabels labels = AnalysisOptions.NamespaceLabels.valueOf(in.readUTF());
        List<Cidr> podCidrs = new ArrayList<>();
        for (String text : strings(in)) {
            podCidrs.add(Cidr.parse(text).orElseThrow(() -> new IOException("not a CIDR: " + text)));
        }
        String defaultNamespace = in.readUTF();
        LocalDate today = LocalDate.parse(in.readUTF());
        String acceptedFile = string(in);
        CrdChannel channel = CrdChannel.valueOf(in.readUTF());
        ParseStore store = in.readBoolean() ? new ParseStore(Path.of(in.readUTF()), in.readUTF()) : null;
        ReportSettings reports = new ReportSettings(strings(in), Path.of(in.readUTF()), string(in), string(in),
                in.readUTF());
        boolean heapPeak = in.readBoolean();
        if (in.read() != -1) {
            throw new IOException("more than a request");
        }
        AcceptedChanges accepted = acceptedText == null ? AcceptedChanges.none()
                : new AcceptedChangesReader().read(acceptedFile, acceptedText);
        return new ForkRequest(new CheckRequest(environments, baseline, accepted, failPolicy, failIfNoBaseline,
                new AnalysisOptions(labels, podCidrs), defaultNamespace, today, acceptedFile, Map.of(), channel, store),
                acceptedText, reports, heapPeak);
    }

    public static void writeOutcome(CheckRun.Outcome outcome, List<String> stages, List<ConsoleLine> lines,
                                    DataOutputStream out) throws IOException {
        out.writeUTF(OUTCOME);
        out.writeInt(FORMAT);
        out.writeBoolean(outcome.passed());
        string(out, outcome.summary());
        string(out, outcome.writeFailure());
        strings(out, stages);
        out.writeInt(lines.size());
        for (ConsoleLine line : lines) {
            out.writeByte(line.level().ordinal());
            string(out, line.text());
        }
    }

    /** What a forked check hands back. */
    public record ForkOutcome(CheckRun.Outcome outcome, List<String> stages, List<ConsoleLine> lines) {
    }

    public static ForkOutcome readOutcome(DataInputStream in) throws IOException {
        if (!OUTCOME.equals(in.readUTF()) || in.readInt() != FORMAT) {
            throw new IOException("not an outcome of this plugin build");
        }
        CheckRun.Outcome outcome = new CheckRun.Outcome(in.readBoolean(), string(in), string(in));
        List<String> stages = strings(in);
        List<ConsoleLine> lines = new ArrayList<>();
        ConsoleLine.Level[] levels = ConsoleLine.Level.values();
        for (int i = count(in); i > 0; i--) {
            int level = in.readUnsignedByte();
            if (level >= levels.length) {
                throw new IOException("not a log level: " + level);
            }
            lines.add(new ConsoleLine(levels[level], string(in)));
        }
        if (in.read() != -1) {
            throw new IOException("more than an outcome");
        }
        return new ForkOutcome(outcome, stages, lines);
    }

    private static void baseline(DataOutputStream out, BaselineOutcome outcome, WrittenContents contents)
            throws IOException {
        if (outcome instanceof BaselineOutcome.NotRequested) {
            out.writeByte(0);
        } else if (outcome instanceof BaselineOutcome.Absent a) {
            out.writeByte(1);
            strings(out, a.proof());
        } else if (outcome instanceof BaselineOutcome.Found f) {
            out.writeByte(2);
            Baseline b = f.baseline();
            out.writeUTF(b.spec());
            out.writeUTF(b.description());
            files(out, b.files(), contents);
            out.writeInt(b.environments().size());
            for (RenderedFiles e : b.environments()) {
                out.writeUTF(e.name());
                string(out, e.source());
                string(out, e.tool());
                string(out, e.inputsDigest());
                files(out, e.files(), contents);
            }
            BaselineCache.Slot slot = b.cacheSlot();
            out.writeBoolean(slot != null);
            if (slot != null) {
                string(out, slot.cache().outputCache() == null ? null : slot.cache().outputCache().toString());
                out.writeUTF(slot.cache().pluginBuild());
                string(out, slot.bundle() == null ? null : slot.bundle().toString());
                out.writeUTF(slot.digest());
            }
        } else {
            throw new IllegalArgumentException("not a baseline outcome: " + outcome);
        }
    }

    private static BaselineOutcome baseline(DataInputStream in, List<SourceFile> contents) throws IOException {
        int kind = in.readByte();
        switch (kind) {
            case 0:
                return new BaselineOutcome.NotRequested();
            case 1:
                return new BaselineOutcome.Absent(strings(in));
            case 2:
                String spec = in.readUTF();
                String description = in.readUTF();
                List<SourceFile> files = files(in, contents);
                List<RenderedFiles> environments = new ArrayList<>();
                for (int i = count(in); i > 0; i--) {
                    environments.add(new RenderedFiles(in.readUTF(), string(in), string(in), string(in),
                            files(in, contents)));
                }
                if (!in.readBoolean()) {
                    return new BaselineOutcome.Found(new Baseline(spec, description, files, environments));
                }
                String outputCache = string(in);
                BaselineCache cache = new BaselineCache(outputCache == null ? null : Path.of(outputCache), in.readUTF());
                String bundle = string(in);
                BaselineCache.Slot slot = cache.slot(bundle == null ? null : Path.of(bundle), in.readUTF());
                // the entry Maven's JVM found is found again here; without one the bundle is parsed and kept, as there
                LoadResult cached = slot.find().map(BaselineCache.Entry::loaded).orElse(null);
                return new BaselineOutcome.Found(new Baseline(spec, description, files, environments, cached, slot));
            default:
                throw new IOException("not a baseline outcome: " + kind);
        }
    }

    /**
     * The contents a request has written so far, by SHA-256: the two versions of a comparison are mostly the same
     * files, and each content crosses once (at 10,000 policies, 15 MB instead of 30 MB). The bytes are compared as
     * well, so a reference always stands for the very same bytes.
     */
    private static final class WrittenContents {
        private final Map<ByteBuffer, Integer> indexBySha = new HashMap<>();
        private final List<byte[]> written = new ArrayList<>();

        /** The index of the same content written before, or -1 after numbering this one as the next. */
        int earlierOrAdd(SourceFile file) {
            ByteBuffer sha = ByteBuffer.wrap(file.sha256());
            Integer earlier = indexBySha.get(sha);
            if (earlier != null && Arrays.equals(written.get(earlier), file.content())) {
                return earlier;
            }
            indexBySha.putIfAbsent(sha, written.size());
            written.add(file.content());
            return -1;
        }
    }

    /** Each file: its path, then its length, bytes and SHA-256, or {@code -1 - index} of the same content earlier. */
    private static void files(DataOutputStream out, List<SourceFile> files, WrittenContents contents)
            throws IOException {
        out.writeInt(files.size());
        for (SourceFile f : files) {
            out.writeUTF(f.path());
            int earlier = contents.earlierOrAdd(f);
            if (earlier >= 0) {
                out.writeInt(-1 - earlier);
                continue;
            }
            out.writeInt(f.content().length);
            out.write(f.content());
            out.write(f.sha256());
        }
    }

    /** @param contents the files read so far with a content of their own, in order: what a reference points at */
    private static List<SourceFile> files(DataInputStream in, List<SourceFile> contents) throws IOException {
        int count = count(in);
        List<SourceFile> files = new ArrayList<>(Math.min(count, 1 << 16));
        for (int i = 0; i < count; i++) {
            String path = in.readUTF();
            int length = in.readInt();
            if (length < 0) {
                int earlier = -1 - length;
                if (earlier >= contents.size()) {
                    throw new IOException("a reference to content " + earlier + " of " + contents.size());
                }
                SourceFile same = contents.get(earlier);
                files.add(new SourceFile(path, same.content(), Derived.known(same.sha256())));
                continue;
            }
            byte[] content = BoundedReads.exactly(in, length, "file");
            byte[] sha256 = BoundedReads.exactly(in, SHA256_BYTES, "file digest");
            SourceFile file = new SourceFile(path, content, Derived.known(sha256));
            contents.add(file);
            files.add(file);
        }
        return files;
    }

    private static void strings(DataOutputStream out, List<String> values) throws IOException {
        out.writeInt(values.size());
        for (String v : values) {
            string(out, v);
        }
    }

    private static List<String> strings(DataInputStream in) throws IOException {
        List<String> out = new ArrayList<>();
        for (int i = count(in); i > 0; i--) {
            out.add(string(in));
        }
        return out;
    }

    /** A string of any length, or null; {@code writeUTF} stops at 64 KiB and a finding's line may not. */
    private static void string(DataOutputStream out, String value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String string(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length == -1) {
            return null;
        }
        return new String(BoundedReads.exactly(in, length, "string"), StandardCharsets.UTF_8);
    }

    private static int count(DataInputStream in) throws IOException {
        int count = in.readInt();
        if (count < 0) {
            throw new IOException("a negative count");
        }
        return count;
    }
}
