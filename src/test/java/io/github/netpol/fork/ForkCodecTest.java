package io.github.netpol.fork;

import io.github.netpol.analysis.AnalysisOptions;
import io.github.netpol.baseline.Baseline;
import io.github.netpol.baseline.BaselineCache;
import io.github.netpol.baseline.BaselineOutcome;
import io.github.netpol.baseline.RenderedFiles;
import io.github.netpol.finding.Finding;
import io.github.netpol.finding.FindingCode;
import io.github.netpol.gate.AcceptedChanges;
import io.github.netpol.gate.AcceptedChangesReader;
import io.github.netpol.gate.CheckRequest;
import io.github.netpol.gate.FailPolicy;
import io.github.netpol.load.CollectedSources;
import io.github.netpol.load.ParseStore;
import io.github.netpol.load.SourceEnvironment;
import io.github.netpol.load.SourceFile;
import io.github.netpol.model.semantics.Cidr;
import io.github.netpol.report.ConsoleLine;
import io.github.netpol.validate.ReadVersion;
import io.github.netpol.validate.apiserver.CrdChannel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What crosses to a forked check comes back as it went, and anything else is refused. */
class ForkCodecTest {

    private static final String ACCEPTED = """
            accepted:
              - id: WIDENED_INGRESS/shop/allow-api
                reason: the api is public now
                expires: 2027-01-01
            """;

    @TempDir
    Path dir;

    @Test
    void aRequestComesBackWithEveryPartEqual() throws IOException {
        SourceFile plain = file("k8s/a.yaml", "kind: Namespace\nmetadata: {name: é}\n");
        SourceFile rendered = file("target/netpol/rendered/prod.yaml", "kind: Namespace\nmetadata: {name: p}\n");
        BaselineCache cache = new BaselineCache(dir.resolve("bundle-cache"), "1.0 42@7");
        Baseline baseline = new Baseline("release:1.0", "release 1.0 of io.example:shop", List.of(plain),
                List.of(new RenderedFiles("prod", "overlays/prod", "kustomize", "abc", List.of(rendered))), null,
                cache.slot(dir.resolve("shop-1.0-netpol.yaml"), "d1g3st"));
        AcceptedChanges accepted = new AcceptedChangesReader().read("netpol-accepted.yaml", ACCEPTED);
        CheckRequest request = new CheckRequest(List.of(SourceEnvironment.plain(new CollectedSources(List.of(plain),
                List.of(), List.of())), new SourceEnvironment("prod", new CollectedSources(List.of(rendered), List.of(),
                List.of()), null)), new BaselineOutcome.Found(baseline), accepted, new FailPolicy(true, false), true,
                new AnalysisOptions(AnalysisOptions.NamespaceLabels.ANY, List.of(Cidr.parse("10.0.0.0/8").orElseThrow())),
                "team", LocalDate.of(2026, 12, 1), "netpol-accepted.yaml", Map.of(), CrdChannel.EXPERIMENTAL,
                new ParseStore(dir.resolve("parsed"), "1.0 42@7"));
        ReportSettings reports = new ReportSettings(List.of("console", "json"), dir.resolve("out"), "1.0", "shop", "svc/");

        ForkRequest back = roundTrip(new ForkRequest(request, ACCEPTED, reports, true));

        CheckRequest r = back.check();
        assertThat(back.acceptedText()).isEqualTo(ACCEPTED);
        assertThat(back.heapPeak()).isTrue();
        assertThat(back.reports()).isEqualTo(reports);
        assertThat(r.environments()).extracting(SourceEnvironment::name).containsExactly(null, "prod");
        assertSameFiles(r.current(), request.current());
        Baseline b = ((BaselineOutcome.Found) r.baseline()).baseline();
        assertThat(b.spec()).isEqualTo(baseline.spec());
        assertThat(b.description()).isEqualTo(baseline.description());
        assertSameFiles(b.files(), baseline.files());
        assertThat(b.environments()).singleElement().satisfies(e -> {
            assertThat(List.of(e.name(), e.source(), e.tool(), e.inputsDigest()))
                    .isEqualTo(List.of("prod", "overlays/prod", "kustomize", "abc"));
            assertSameFiles(e.files(), List.of(rendered));
        });
        assertThat(List.of(b.cacheSlot().bundle(), b.cacheSlot().digest(), b.cacheSlot().cache().outputCache(),
                b.cacheSlot().cache().pluginBuild())).isEqualTo(List.of(dir.resolve("shop-1.0-netpol.yaml"), "d1g3st",
                dir.resolve("bundle-cache"), "1.0 42@7"));
        assertThat(b.cached()).as("no entry was kept for it").isNull();
        assertThat(r.accepted()).isEqualTo(accepted);
        assertThat(List.of(r.failPolicy(), r.failIfNoBaseline(), r.analysis(), r.defaultNamespace(), r.today(),
                r.acceptedFile(), r.channel())).isEqualTo(List.of(request.failPolicy(), true, request.analysis(), "team",
                request.today(), "netpol-accepted.yaml", CrdChannel.EXPERIMENTAL));
        assertThat(List.of(r.parseStore().directory(), r.parseStore().pluginBuild()))
                .isEqualTo(List.of(dir.resolve("parsed"), "1.0 42@7"));
    }

    @Test
    void aBaselineAbsentOrNotAskedForAndNoAcceptedFileComeBackAsTheyWent() throws IOException {
        for (BaselineOutcome outcome : List.of(new BaselineOutcome.Absent(List.of("no release", "no tag")),
                new BaselineOutcome.NotRequested())) {
            CheckRequest request = new CheckRequest(List.of(), List.of(), outcome, AcceptedChanges.none(),
                    new FailPolicy(false, true), false, AnalysisOptions.defaults(), "default", LocalDate.of(2026, 1, 2),
                    "netpol-accepted.yaml");
            CheckRequest back = roundTrip(new ForkRequest(request, null,
                    new ReportSettings(List.of(), dir, null, null, ""))).check();
            assertThat(back.baseline()).isEqualTo(outcome);
            assertThat(back.accepted()).isEqualTo(AcceptedChanges.none());
            assertThat(back.parseStore()).isNull();
            assertThat(back.failPolicy()).isEqualTo(new FailPolicy(false, true));
        }
    }

    @Test
    void aRequestWithAVersionAlreadyReadOrSourceProblemsIsNotForked() {
        SourceFile a = file("k8s/a.yaml", "kind: Namespace\nmetadata: {name: a}\n");
        CheckRequest plain = new CheckRequest(List.of(a), List.of(), new BaselineOutcome.NotRequested(),
                AcceptedChanges.none(), new FailPolicy(true, true), false, AnalysisOptions.defaults(), "default",
                LocalDate.of(2026, 1, 2), "netpol-accepted.yaml");
        assertThat(ForkCodec.forkable(plain)).isNull();
        CheckRequest read = plain.withCurrentRead("", ReadVersion.of(List.of(a), "default"));
        assertThat(ForkCodec.forkable(read)).contains("validate read the current manifests");
        assertThatThrownBy(() -> roundTrip(new ForkRequest(read, null, new ReportSettings(List.of(), dir, null, null,
                "")))).isInstanceOf(IllegalArgumentException.class);
        CheckRequest problems = new CheckRequest(List.of(a), List.of(Finding.of(FindingCode.UNREADABLE_FILE,
                "cannot read k8s/b.yaml")), new BaselineOutcome.NotRequested(), AcceptedChanges.none(),
                new FailPolicy(true, true), false, AnalysisOptions.defaults(), "default", LocalDate.of(2026, 1, 2),
                "netpol-accepted.yaml");
        assertThat(ForkCodec.forkable(problems)).contains("problems");
    }

    @Test
    void anOutcomeComesBackWithEveryLineInOrderAndLinesLongerThanWriteUtfTakes() throws IOException {
        String longLine = "x".repeat(70_000) + "é";
        List<ConsoleLine> lines = List.of(new ConsoleLine(ConsoleLine.Level.ERROR, "[WIDENED] a"),
                new ConsoleLine(ConsoleLine.Level.WARN, longLine), new ConsoleLine(ConsoleLine.Level.INFO, "summary"),
                new ConsoleLine(ConsoleLine.Level.DEBUG, "netpol: wrote x"));
        CheckRun.Outcome outcome = new CheckRun.Outcome(false, "netpol check failed", "Cannot write the json report");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ForkCodec.writeOutcome(outcome, List.of("reports 3 ms"), lines, new DataOutputStream(bytes));
        ForkCodec.ForkOutcome back = ForkCodec.readOutcome(in(bytes.toByteArray()));
        assertThat(back.outcome()).isEqualTo(outcome);
        assertThat(back.stages()).containsExactly("reports 3 ms");
        assertThat(back.lines()).isEqualTo(lines);
    }

    @Test
    void aCutOrAlteredFileIsAnErrorNeverAVerdict() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ForkCodec.writeOutcome(new CheckRun.Outcome(true, "passed", null), List.of(), List.of(), new DataOutputStream(bytes));
        byte[] whole = bytes.toByteArray();
        for (int cut = 0; cut < whole.length; cut++) {
            byte[] part = Arrays.copyOf(whole, cut);
            assertThatThrownBy(() -> ForkCodec.readOutcome(in(part))).as("cut at " + cut).isInstanceOf(IOException.class);
        }
        byte[] longer = Arrays.copyOf(whole, whole.length + 1);
        assertThatThrownBy(() -> ForkCodec.readOutcome(in(longer))).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> ForkCodec.readRequest(in(whole))).as("an outcome is not a request")
                .isInstanceOf(IOException.class);
    }

    @Test
    void aContentInBothVersionsCrossesOnceAndComesBackUnderEachPath() throws IOException {
        String shared = "kind: Namespace\nmetadata: {name: shared}\n".repeat(50);
        SourceFile current = file("src/main/kubernetes/a.yaml", shared);
        SourceFile changed = file("src/main/kubernetes/b.yaml", "kind: Namespace\nmetadata: {name: b2}\n");
        SourceFile before = file("previous/a.yaml", shared);
        SourceFile changedBefore = file("previous/b.yaml", "kind: Namespace\nmetadata: {name: b1}\n");
        // the same length as the shared content, one byte apart: crosses on its own
        SourceFile almost = file("previous/c.yaml", shared.substring(0, shared.length() - 2) + "x\n");
        byte[] request = write(dirRequest(List.of(current, changed), List.of(before, changedBefore, almost)));

        ForkRequest back = ForkCodec.readRequest(in(request));

        List<SourceFile> baseline = ((BaselineOutcome.Found) back.check().baseline()).baseline().files();
        assertSameFiles(back.check().current(), List.of(current, changed));
        assertSameFiles(baseline, List.of(before, changedBefore, almost));
        assertThat(baseline.get(0).content()).as("one array for both").isSameAs(back.check().current().get(0).content());
        assertThat(baseline.get(2).content()).isNotSameAs(baseline.get(0).content());
        byte[] apart = write(dirRequest(List.of(current, changed), List.of(file("previous/a.yaml", shared + " "),
                changedBefore, almost)));
        assertThat(apart.length - request.length).as("the shared content is written once")
                .isGreaterThanOrEqualTo(shared.length());
        for (int cut = 0; cut < request.length; cut++) {
            byte[] part = Arrays.copyOf(request, cut);
            assertThatThrownBy(() -> ForkCodec.readRequest(in(part))).as("cut at " + cut).isInstanceOf(IOException.class);
        }
    }

    @Test
    void aReferenceToAContentNotYetReadIsAnError() throws IOException {
        SourceFile only = file("src/a.yaml", "kind: Namespace\n");
        byte[] request = write(dirRequest(List.of(only), List.of()));
        // the first file's length follows the header, one environment without a name, the file count and its path
        java.io.ByteArrayOutputStream head = new java.io.ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(head);
        out.writeUTF("netpol-fork-request\n");
        out.writeInt(2);
        out.writeInt(1);
        out.writeInt(-1);
        out.writeInt(1);
        out.writeUTF(only.path());
        int at = head.size();
        assertThat(java.nio.ByteBuffer.wrap(request, at, 4).getInt()).as("the length is where it is expected")
                .isEqualTo(only.content().length);
        java.nio.ByteBuffer.wrap(request, at, 4).putInt(-1);

        assertThatThrownBy(() -> ForkCodec.readRequest(in(request))).isInstanceOf(IOException.class)
                .hasMessage("a reference to content 0 of 0");
    }

    private static ForkRequest dirRequest(List<SourceFile> current, List<SourceFile> baseline) {
        return new ForkRequest(new CheckRequest(List.of(SourceEnvironment.plain(new CollectedSources(current,
                List.of(), List.of()))), new BaselineOutcome.Found(new Baseline("dir:previous", "directory previous",
                baseline)), AcceptedChanges.none(), new FailPolicy(true, true), false, AnalysisOptions.defaults(),
                "default", LocalDate.of(2026, 12, 2), "netpol-accepted.yaml", Map.of()), null,
                new ReportSettings(List.of("console"), Path.of("out"), null, null, ""));
    }

    private static byte[] write(ForkRequest request) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ForkCodec.writeRequest(request, new DataOutputStream(bytes));
        return bytes.toByteArray();
    }

    private ForkRequest roundTrip(ForkRequest request) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ForkCodec.writeRequest(request, new DataOutputStream(bytes));
        return ForkCodec.readRequest(in(bytes.toByteArray()));
    }

    private static DataInputStream in(byte[] bytes) {
        return new DataInputStream(new ByteArrayInputStream(bytes));
    }

    private static void assertSameFiles(List<SourceFile> actual, List<SourceFile> expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < actual.size(); i++) {
            assertThat(actual.get(i).path()).isEqualTo(expected.get(i).path());
            assertThat(actual.get(i).content()).isEqualTo(expected.get(i).content());
            assertThat(actual.get(i).sha256()).isEqualTo(expected.get(i).sha256());
        }
    }

    private static SourceFile file(String path, String text) {
        return new SourceFile(path, text.getBytes(StandardCharsets.UTF_8));
    }
}
