package io.github.netpol.bench;

import io.github.netpol.analysis.AnalysisOptions;
import io.github.netpol.analysis.PolicyAnalyzer;
import io.github.netpol.baseline.Baseline;
import io.github.netpol.baseline.BaselineOutcome;
import io.github.netpol.diff.DiffResult;
import io.github.netpol.diff.VersionDiff;
import io.github.netpol.finding.Finding;
import io.github.netpol.finding.Severity;
import io.github.netpol.gate.AcceptedChanges;
import io.github.netpol.gate.Check;
import io.github.netpol.gate.CheckRequest;
import io.github.netpol.gate.CheckResult;
import io.github.netpol.gate.FailPolicy;
import io.github.netpol.load.CollectedSources;
import io.github.netpol.load.SourceCollector;
import io.github.netpol.load.SourceFile;
import io.github.netpol.model.ManifestReader;
import io.github.netpol.model.ManifestSet;
import io.github.netpol.report.ReportInput;
import io.github.netpol.report.ReportWriter;
import io.github.netpol.report.ReportWriters;
import io.github.netpol.validate.ValidationRun;
import io.github.netpol.validate.apiserver.ApiServerValidator;
import io.github.netpol.validate.lint.LintSettings;
import io.github.netpol.validate.lint.engine.LintEngine;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Benchmark of the whole pipeline on generated repositories (not a test; see docs/performance.md):
 * {@code ./mvnw -B -ntp -Pbench test-compile exec:exec [-Dnetpol.bench.sizes=50,1000]}.
 * For each size it writes the repository and its changed version to disk, warms up, then reports the
 * median of the measured runs per stage and the heap peak of the runs.
 */
public final class NetpolBench {

    private static final AnalysisOptions OPTIONS = AnalysisOptions.defaults();

    /**
     * {@code -Dnetpol.bench.stage=load} measures only the load stage (parse floor, load, heap peak of loading
     * both versions) and prints, under the table, the heap the two loaded sets retain after a full GC.
     */
    private static final boolean LOAD_ONLY = "load".equals(System.getProperty("netpol.bench.stage"));

    private NetpolBench() {
    }

    /** One run's times in nanoseconds and heap peak in bytes. */
    record Run(long floor, long parallelFloor, long load, long validate, long analysis, long diff, long report,
               long total, long check, long heap, int findings) {
    }

    public static void main(String[] args) throws IOException {
        int[] sizes = args.length > 0 && !args[0].isBlank()
                ? Arrays.stream(args[0].split(",")).mapToInt(s -> Integer.parseInt(s.trim())).toArray()
                : new int[] {50, 100, 1_000, 10_000};
        Path work = Files.createTempDirectory("netpol-bench");
        System.out.printf("netpol benchmark: %d cores, max heap %d MiB, %s %s%n", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.vm.name"), System.getProperty("java.version"));
        System.out.println();
        System.out.println("| policies | workloads | files | MiB (both) | parse floor | floor, 2 cores | load | validate"
                + " | analysis | diff | report | total | total/floor | check goal | heap peak | findings |");
        System.out.println("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        RepositoryGenerator generator = new RepositoryGenerator();
        for (int size : sizes) {
            RepositoryGenerator.Repository old = generator.generate(size);
            RepositoryGenerator.Repository current = new ChangeGenerator().change(old);
            Path oldDir = write(old, work.resolve(size + "/old"));
            Path newDir = write(current, work.resolve(size + "/new"));
            // a build's JVM has run Maven's own code for seconds before the plugin starts; small sizes get
            // enough rounds to reach steady state, large ones are warm after one
            int warmUps = size <= 100 ? 40 : size <= 1_000 ? 10 : size <= 10_000 ? 2 : 1;
            int measured = size <= 100 ? 15 : size <= 1_000 ? 7 : size <= 10_000 ? 3 : 1;
            for (int i = 0; i < warmUps; i++) {
                if (LOAD_ONLY) {
                    loadOnly(oldDir, newDir);
                } else {
                    run(oldDir, newDir, work.resolve(size + "/reports"));
                }
            }
            List<Run> runs = new ArrayList<>();
            long retained = 0;
            for (int i = 0; i < measured; i++) {
                if (LOAD_ONLY) {
                    LoadOnly l = loadOnly(oldDir, newDir);
                    runs.add(l.run());
                    retained = Math.max(retained, l.retained());
                } else {
                    runs.add(run(oldDir, newDir, work.resolve(size + "/reports")));
                }
            }
            Run m = median(runs);
            System.out.printf("| %,d | %,d | %,d | %.1f | %s | %s | %s | %s | %s | %s | %s | %s | %.1f | %s | %,d MiB | %d |%n",
                    current.policies(), current.workloads(), current.files().size(), (old.bytes() + current.bytes()) / 1048576.0,
                    ms(m.floor()), ms(m.parallelFloor()), ms(m.load()), ms(m.validate()), ms(m.analysis()), ms(m.diff()),
                    ms(m.report()), ms(m.total()), m.total() / (double) m.floor(), ms(m.check()), m.heap() >> 20, m.findings());
            if (LOAD_ONLY) {
                System.out.printf("  (load only: both loaded versions retain %,d MiB after a full GC)%n", retained >> 20);
            }
        }
    }

    private record LoadOnly(Run run, long retained) {
    }

    /** Loads both versions only: time, heap peak while loading, heap still used by the two sets after a full GC. */
    private static LoadOnly loadOnly(Path oldDir, Path newDir) {
        resetHeapPeak();
        long base = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        SourceCollector collector = new SourceCollector();
        long t0 = System.nanoTime();
        List<SourceFile> currentFiles = collector.collect(newDir, List.of(Path.of(".")));
        List<SourceFile> oldFiles = collector.collect(oldDir, List.of(Path.of(".")));
        ManifestReader reader = new ManifestReader();
        ManifestSet current = reader.read(currentFiles, "default");
        ManifestSet old = reader.read(oldFiles, "default");
        long t1 = System.nanoTime();
        long heap = heapPeak();
        System.gc();
        long retained = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() - base;
        if (!current.problems().isEmpty() || current.policies().isEmpty() || old.policies().isEmpty()) {
            throw new IllegalStateException("the generated repository does not load: " + current.problems());
        }
        long floor = parseFloor(currentFiles, oldFiles, false);
        long parallelFloor = parseFloor(currentFiles, oldFiles, true);
        return new LoadOnly(new Run(floor, parallelFloor, t1 - t0, 0, 0, 0, 0, t1 - t0, 0, heap, 0), retained);
    }

    /** What the check-goal run needs from the pipeline run; the loaded sets themselves must be unreachable by then. */
    private record Pipeline(Run run, List<SourceFile> currentFiles, List<SourceFile> oldFiles) {
    }

    private static Run run(Path oldDir, Path newDir, Path reports) {
        Pipeline p = pipeline(oldDir, newDir, reports);
        resetHeapPeak();
        long t0 = System.nanoTime();
        CheckResult build = build(oldDir, newDir, reports);
        long t1 = System.nanoTime();
        long heap = heapPeak();
        CheckResult check = new Check().run(request(p.currentFiles(), p.oldFiles()));
        long t2 = System.nanoTime();
        for (CheckResult r : List.of(build, check)) {
            if (r.passed() || r.findings().size() != p.run().findings()) {
                throw new IllegalStateException("the check must fail on the widened rule and agree with the diff: " + r.summary());
            }
        }
        long floor = parseFloor(p.currentFiles(), p.oldFiles(), false);
        long parallelFloor = parseFloor(p.currentFiles(), p.oldFiles(), true);
        Run r = p.run();
        return new Run(floor, parallelFloor, r.load(), r.validate(), r.analysis(), r.diff(), r.report(), t1 - t0, t2 - t1,
                heap, r.findings());
    }

    /**
     * What a build running the {@code validate} and {@code check} goals does: validate (read, API server, lint)
     * the current sources, hand what was read to the check, which reads and validates the baseline and compares,
     * then write the check's reports.
     */
    private static CheckResult build(Path oldDir, Path newDir, Path reports) {
        SourceCollector collector = new SourceCollector();
        ValidationRun validation = ValidationRun.of(collector.scan(newDir, List.of(Path.of("."))), "default",
                LintSettings.defaults());
        if (validation.findings().stream().anyMatch(f -> f.severity() == Severity.ERROR)) {
            throw new IllegalStateException("the generated repository does not validate");
        }
        List<SourceFile> oldFiles = collector.collect(oldDir, List.of(Path.of(".")));
        CheckResult check = new Check().run(request(validation.sources().files(), oldFiles)
                .withCurrentRead("", validation.readVersion()));
        writeReports(new ReportInput("check", check.passed(), check.findings(), check.baseline(), check.summary(), "",
                check.units()), reports);
        return check;
    }

    private static CheckRequest request(List<SourceFile> current, List<SourceFile> old) {
        return new CheckRequest(current, List.of(),
                new BaselineOutcome.Found(new Baseline("dir:old", "directory old", old)), AcceptedChanges.none(),
                FailPolicy.parse(List.of("widening", "isolation")), false, OPTIONS, "default", LocalDate.now(),
                "netpol-accepted.yaml");
    }

    private static Pipeline pipeline(Path oldDir, Path newDir, Path reports) {
        SourceCollector collector = new SourceCollector();
        long t0 = System.nanoTime();
        CollectedSources currentFiles = collector.scan(newDir, List.of(Path.of(".")));
        List<SourceFile> oldFiles = collector.collect(oldDir, List.of(Path.of(".")));
        ManifestReader reader = new ManifestReader();
        ManifestSet current = reader.read(currentFiles.files(), "default");
        ManifestSet old = reader.read(oldFiles, "default");
        long t1 = System.nanoTime();
        ApiServerValidator validator = new ApiServerValidator();
        List<Finding> validation = new ArrayList<>(validator.validate(current));
        validation.addAll(validator.validate(old));
        validation.addAll(new LintEngine().run(current, LintSettings.defaults()));
        long t2 = System.nanoTime();
        PolicyAnalyzer.analyze(current, OPTIONS);
        long t3 = System.nanoTime();
        DiffResult diff = new VersionDiff(OPTIONS, "netpol-accepted.yaml").compare(old, current);
        long t4 = System.nanoTime();
        writeReports(new ReportInput("check", false, diff.findings(), Map.of("spec", "dir:old"), "bench", "",
                diff.units()), reports);
        long t5 = System.nanoTime();
        if (validation.stream().anyMatch(f -> f.severity() == Severity.ERROR) || !current.problems().isEmpty()) {
            throw new IllegalStateException("the generated repository does not validate: " + validation.stream()
                    .filter(f -> f.severity() == Severity.ERROR).limit(3).map(Finding::consoleLine).toList()
                    + current.problems());
        }
        return new Pipeline(new Run(0, 0, t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4, 0, 0, 0, diff.findings().size()),
                currentFiles.files(), oldFiles);
    }

    /** Plain SnakeYAML: every document of both versions to maps and lists, nothing else; on one core or all. */
    private static long parseFloor(List<SourceFile> current, List<SourceFile> old, boolean parallel) {
        List<SourceFile> all = new ArrayList<>(current);
        all.addAll(old);
        long t0 = System.nanoTime();
        int documents = (parallel ? all.parallelStream() : all.stream()).mapToInt(f -> {
            Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
            int n = 0;
            for (Object doc : yaml.loadAll(new ByteArrayInputStream(f.content()))) {
                n += doc == null ? 0 : 1;
            }
            return n;
        }).sum();
        long t1 = System.nanoTime();
        if (documents == 0) {
            throw new IllegalStateException("nothing parsed");
        }
        return t1 - t0;
    }

    private static void writeReports(ReportInput input, Path reports) {
        try {
            for (ReportWriter writer : ReportWriters.standard().select(List.of("json", "sarif", "markdown", "junit", "html"))) {
                writer.write(input, reports);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path write(RepositoryGenerator.Repository repository, Path dir) throws IOException {
        for (Map.Entry<String, String> e : repository.files().entrySet()) {
            Path file = dir.resolve(e.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, e.getValue(), StandardCharsets.UTF_8);
        }
        return dir;
    }

    private static void resetHeapPeak() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** The sum of the heap pools' peaks since the reset: an upper bound of the heap the run needed. */
    private static long heapPeak() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    private static Run median(List<Run> runs) {
        return new Run(med(runs, Run::floor), med(runs, Run::parallelFloor), med(runs, Run::load), med(runs, Run::validate),
                med(runs, Run::analysis), med(runs, Run::diff), med(runs, Run::report), med(runs, Run::total),
                med(runs, Run::check), runs.stream().mapToLong(Run::heap).max().orElse(0), runs.get(0).findings());
    }

    private static long med(List<Run> runs, java.util.function.ToLongFunction<Run> f) {
        long[] v = runs.stream().mapToLong(f).sorted().toArray();
        return v[v.length / 2];
    }

    private static String ms(long nanos) {
        return nanos >= 10_000_000_000L ? String.format("%.1f s", nanos / 1e9)
                : nanos >= 1_000_000_000L ? String.format("%.2f s", nanos / 1e9) : String.format("%d ms", nanos / 1_000_000);
    }
}
