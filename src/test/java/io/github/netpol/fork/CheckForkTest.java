package io.github.netpol.fork;

import io.github.netpol.analysis.AnalysisOptions;
import io.github.netpol.baseline.Baseline;
import io.github.netpol.baseline.BaselineOutcome;
import io.github.netpol.gate.AcceptedChanges;
import io.github.netpol.gate.CheckRequest;
import io.github.netpol.gate.FailPolicy;
import io.github.netpol.load.ParseStore;
import io.github.netpol.report.ConsoleLine;
import io.github.netpol.report.ShopReports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A check in a JVM of its own prints, writes and decides exactly what the same check in this JVM does. */
class CheckForkTest {

    private static final List<String> FORMATS = List.of("console", "json", "markdown", "sarif", "junit");

    @TempDir
    Path dir;

    @Test
    void theForkedCheckPrintsWritesAndDecidesAsTheCheckInThisJvm() throws Exception {
        CheckRequest request = shopAgainstBaseline(new ParseStore(dir.resolve("parsed"), "test"));
        Path here = dir.resolve("here");
        List<ConsoleLine> hereLines = new ArrayList<>();
        CheckRun.Outcome inThisJvm = new CheckRun(reports(here), stage -> { }).run(request, hereLines::add);

        Path there = dir.resolve("there");
        List<ConsoleLine> thereLines = new ArrayList<>();
        ForkCodec.ForkOutcome forked = fork(there).run(new ForkRequest(request, null, reports(there), true),
                thereLines::add);

        assertThat(inThisJvm.passed()).as("the shop widens api -> payments").isFalse();
        assertThat(forked.outcome()).isEqualTo(inThisJvm);
        assertThat(thereLines.get(0).text()).as("the command is logged first").contains(ForkedCheckMain.class.getName())
                .contains("-XX:TieredStopAtLevel=1");
        assertThat(thereLines.subList(1, thereLines.size())).isEqualTo(hereLines.stream()
                .map(l -> new ConsoleLine(l.level(), l.text().replace(here.toString(), there.toString()))).toList());
        assertThat(hereLines).anySatisfy(l -> {
            assertThat(l.level()).isEqualTo(ConsoleLine.Level.ERROR);
            assertThat(l.text()).contains("WIDENED");
        });
        assertThat(forked.stages()).extracting(s -> s.replaceAll(" \\d+ ms$", "")
                .replaceAll("most \\d+ MiB", "most <n> MiB")).containsExactly(
                // the check in this JVM kept the six contents, and the forked one finds them
                "both versions read and validated (file contents: 0 parsed, 6 from the parse cache)",
                "analysis, comparison and verdict", "reports", "heap peak at most <n> MiB (the sum of each heap pool's peak)");
        for (String report : List.of("check.md", "check.sarif", "check.json", "TEST-netpol-check.xml")) {
            assertThat(normalized(there.resolve(report), there)).as(report)
                    .isEqualTo(normalized(here.resolve(report), here));
        }
        try (var left = Files.list(there)) {
            assertThat(left.map(p -> p.getFileName().toString())).as("the request and outcome files are removed")
                    .noneMatch(name -> name.startsWith("fork-"));
        }
    }

    @Test
    void theFirstForkWritesAClassArchiveTheNextUseItAndOneCutShortIsDeletedAndTheCheckRunsWithout() throws Exception {
        List<Path> jars = jarClasspath();
        Path archives = dir.resolve("archives");
        CheckRequest request = shopAgainstBaseline(null);
        List<CheckRun.Outcome> outcomes = new ArrayList<>();
        List<List<ConsoleLine>> runs = new ArrayList<>();
        for (int run = 0; run < 3; run++) {
            if (run == 2) {
                Path archive = onlyArchive(archives);
                byte[] whole = Files.readAllBytes(archive);
                Files.write(archive, Arrays.copyOf(whole, whole.length / 2));
            }
            List<ConsoleLine> lines = new ArrayList<>();
            Path out = dir.resolve("out" + run);
            outcomes.add(new CheckFork(CheckFork.currentJava(), jars, 256L << 20, out, archives)
                    .run(new ForkRequest(request, null, reports(out)), lines::add).outcome());
            runs.add(lines);
            if (run < 2) {
                assertThat(onlyArchive(archives)).as("run %d leaves one archive", run).isRegularFile();
            }
        }
        assertThat(outcomes).as("the same verdict every time").containsOnly(outcomes.get(0));
        assertThat(commands(runs.get(0))).singleElement().asString().contains("-XX:ArchiveClassesAtExit=");
        assertThat(commands(runs.get(1))).singleElement().asString().contains("-XX:SharedArchiveFile=");
        // the archive cut short stopped the JVM: deleted, the check ran without one, and that run wrote none
        assertThat(commands(runs.get(2))).hasSize(2).last().asString().doesNotContain("-XX:SharedArchiveFile")
                .doesNotContain("-XX:ArchiveClassesAtExit");
        assertThat(runs.get(2)).anySatisfy(l -> assertThat(l.text()).contains("which is deleted; running it again"));
        try (var left = Files.list(archives)) {
            assertThat(left).as("nothing is left, half-written or cut short").isEmpty();
        }
        try (var left = Files.list(Path.of(""))) {
            assertThat(left).as("the JVM that stopped wrote its crash report where it ran, and that is removed")
                    .noneMatch(p -> p.getFileName().toString().startsWith("hs_err_pid"));
        }
    }

    @Test
    void aForkedJvmThatFailsFailsTheCheckWithWhatItPrinted() throws IOException {
        CheckFork broken = new CheckFork(CheckFork.currentJava(), List.of(dir.resolve("no-such.jar")), 0, dir);
        CheckRequest request = shopAgainstBaseline(null);
        assertThatThrownBy(() -> broken.run(new ForkRequest(request, null, reports(dir.resolve("out"))), line -> { }))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("the check's JVM exited with status 1")
                .hasMessageContaining(ForkedCheckMain.class.getName())
                .hasMessageContaining("its files are in " + dir.resolve("fork-"));
        assertThat(dir.resolve("out")).as("no report of a check that did not run").doesNotExist();
    }

    @Test
    void aForkedJvmThatEndsWellWithoutAWholeOutcomeFailsTheCheck() throws Exception {
        CheckRequest request = shopAgainstBaseline(null);
        // a stand-in for the forked JVM's entry that exits 0 having written nothing
        CheckFork silent = new CheckFork(CheckFork.currentJava(), List.of(stub("silent", "")), 0, dir);
        assertThatThrownBy(() -> silent.run(new ForkRequest(request, null, reports(dir.resolve("out"))), line -> { }))
                .isInstanceOf(IOException.class).hasMessageStartingWith("the check's JVM left no outcome");
        // and one that writes an outcome that is not one
        CheckFork garbled = new CheckFork(CheckFork.currentJava(), List.of(stub("garbled",
                "java.nio.file.Files.writeString(java.nio.file.Path.of(args[1]), \"PASSED\");")), 0, dir);
        assertThatThrownBy(() -> garbled.run(new ForkRequest(request, null, reports(dir.resolve("out"))), line -> { }))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("the check's JVM left an outcome that does not read back");
        assertThat(dir.resolve("out")).as("no report of a check that did not run").doesNotExist();
    }

    /** A class path whose {@link ForkedCheckMain} runs {@code body} and exits 0. */
    private Path stub(String name, String body) throws IOException {
        Path source = dir.resolve(name + "-src/io/github/netpol/fork/ForkedCheckMain.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, "package io.github.netpol.fork;\npublic class ForkedCheckMain {\n"
                + "    public static void main(String[] args) throws Exception {\n        " + body + "\n"
                + "        System.exit(0);\n    }\n}\n");
        Path classes = dir.resolve(name + "-classes");
        int status = javax.tools.ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(),
                source.toString());
        assertThat(status).isZero();
        return classes;
    }

    @Test
    void theCommandCarriesTheQuickCompilerAndMavensHeapLimit() {
        CheckFork fork = new CheckFork(Path.of("/jdk/bin/java"), List.of(Path.of("/a.jar"), Path.of("/b.jar")),
                512L << 20, dir);
        assertThat(fork.command(Path.of("/r"), Path.of("/o"))).containsSubsequence("/jdk/bin/java",
                "-XX:TieredStopAtLevel=1", "-Xmx512m", "-cp", "/a.jar" + File.pathSeparator + "/b.jar",
                ForkedCheckMain.class.getName(), "/r", "/o");
        assertThat(new CheckFork(Path.of("java"), List.of(), 0, dir).command(Path.of("/r"), Path.of("/o")))
                .noneMatch(arg -> arg.startsWith("-Xmx"));
        assertThat(fork.command(Path.of("/r"), Path.of("/o"))).as("files and language as in this JVM")
                .contains("-Dfile.encoding=" + System.getProperty("file.encoding"),
                        "-Duser.language=" + System.getProperty("user.language"),
                        "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"));
    }

    private static CheckRequest shopAgainstBaseline(ParseStore store) {
        return new CheckRequest(List.of(io.github.netpol.load.SourceEnvironment.plain(
                new io.github.netpol.load.CollectedSources(ShopReports.shop(), List.of(), List.of()))),
                new BaselineOutcome.Found(new Baseline("dir:baseline", "directory baseline", ShopReports.baseline())),
                AcceptedChanges.none(), FailPolicy.parse(List.of("widening", "isolation")), false,
                AnalysisOptions.defaults(), "default", LocalDate.of(2026, 1, 15), "netpol-accepted.yaml", Map.of(),
                null, store);
    }

    private static ReportSettings reports(Path out) {
        return new ReportSettings(FORMATS, out, "1.2.3", "shop", "");
    }

    /** This test's own class path: the plugin's classes and every library they use. */
    private CheckFork fork(Path work) {
        List<Path> classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(Path::of).toList();
        return new CheckFork(CheckFork.currentJava(), classpath, 256L << 20, work);
    }

    /** The plugin's classes in a jar, and the jars they use: a class path the JVM archives classes of. */
    private List<Path> jarClasspath() throws IOException {
        List<Path> out = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(entry);
            if (Files.isRegularFile(p)) {
                out.add(p);
            } else if (p.endsWith(Path.of("target", "classes"))) {
                out.add(0, jar(p, dir.resolve("plugin.jar")));
            }
        }
        return out;
    }

    private static Path jar(Path classes, Path jar) throws IOException {
        try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar)); var files = Files.walk(classes)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new java.util.jar.JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, out);
                out.closeEntry();
            }
        }
        return jar;
    }

    private static Path onlyArchive(Path archives) throws IOException {
        try (var files = Files.list(archives)) {
            List<Path> jsa = files.filter(p -> p.toString().endsWith(".jsa")).toList();
            assertThat(jsa).hasSize(1);
            return jsa.get(0);
        }
    }

    private static List<String> commands(List<ConsoleLine> lines) {
        return lines.stream().map(ConsoleLine::text).filter(t -> t.startsWith("netpol: check runs in a JVM")).toList();
    }

    /** A report with its directory and its timings taken out. */
    private static String normalized(Path report, Path directory) throws IOException {
        return Files.readString(report).replace(directory.toString(), "<dir>")
                .replaceAll("time=\"[0-9.]+\"", "time=\"t\"").replaceAll("timestamp=\"[^\"]+\"", "timestamp=\"t\"");
    }
}
