package io.github.netpol.bench;

import io.github.netpol.analysis.AnalysisOptions;
import io.github.netpol.baseline.Baseline;
import io.github.netpol.baseline.BaselineOutcome;
import io.github.netpol.finding.Finding;
import io.github.netpol.finding.Severity;
import io.github.netpol.gate.AcceptedChanges;
import io.github.netpol.gate.Check;
import io.github.netpol.gate.CheckRequest;
import io.github.netpol.gate.CheckResult;
import io.github.netpol.gate.FailPolicy;
import io.github.netpol.load.CollectedSources;
import io.github.netpol.load.SourceFile;
import io.github.netpol.validate.ValidationRun;
import io.github.netpol.validate.lint.LintSettings;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * How the work grows with each dimension ({@link ShapeGenerator}): per shape and size, in one warm JVM, the median
 * CPU time (all threads of the process) of what a build running {@code validate} and {@code check} does, split into
 * the two goals, and the ratio from one size to the next. Not a test; see docs/performance.md:
 * {@code java -Xmx1g -cp ... io.github.netpol.bench.GrowthBench [shapes] [sizes] [runs]}, e.g.
 * {@code rules,peers,ports 1000,10000 3}.
 */
public final class GrowthBench {

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private static final int WARM_UP_RUNS = 3;
    private static final long WARM_UP_NANOS = 3_000_000_000L;

    private GrowthBench() {
    }

    public static void main(String[] args) {
        List<ShapeGenerator.Shape> shapes = args.length > 0 && !args[0].equals("all")
                ? Arrays.stream(args[0].split(",")).map(ShapeGenerator.Shape::of).toList()
                : List.of(ShapeGenerator.Shape.values());
        int[] sizes = Arrays.stream((args.length > 1 ? args[1] : "1000,10000").split(",")).mapToInt(Integer::parseInt).toArray();
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        System.out.println("| shape | size | MiB (both) | validate cpu | check cpu | total cpu | wall | growth (cpu) | findings |");
        System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        for (ShapeGenerator.Shape shape : shapes) {
            long previous = -1;
            for (int size : sizes) {
                ShapeGenerator.Versions versions = new ShapeGenerator().generate(shape, size);
                // each size warmed up on its own until the JIT and the heap have settled (at least WARM_UP_RUNS runs
                // and WARM_UP_NANOS): the CPU time counts the compiler threads too, and a single warm-up run of the
                // smallest size left one row or the other measuring compilations (a shape's growth swung between 4x
                // and 17x from one run of the bench to the next)
                long warmUntil = System.nanoTime() + WARM_UP_NANOS;
                for (int w = 0; w < WARM_UP_RUNS || System.nanoTime() < warmUntil; w++) {
                    measure(versions);
                }
                List<long[]> samples = new ArrayList<>();
                int findings = 0;
                for (int r = 0; r < runs; r++) {
                    Sample s = measure(versions);
                    samples.add(new long[] {s.validateCpu, s.checkCpu, s.wall});
                    findings = s.findings;
                }
                long validate = median(samples, 0);
                long check = median(samples, 1);
                long wall = median(samples, 2);
                long total = validate + check;
                String growth = previous < 0 ? "" : String.format("%.1f×", total / (double) previous);
                System.out.printf("| %s | %,d | %.1f | %s | %s | %s | %s | %s | %d |%n", shape.label(), size,
                        versions.bytes() / 1048576.0, ms(validate), ms(check), ms(total), ms(wall), growth, findings);
                previous = total;
            }
        }
    }

    private record Sample(long validateCpu, long checkCpu, long wall, int findings) {
    }

    private static Sample measure(ShapeGenerator.Versions versions) {
        List<SourceFile> current = files(versions.current());
        List<SourceFile> old = files(versions.baseline());
        long c0 = OS.getProcessCpuTime();
        long t0 = System.nanoTime();
        ValidationRun validation = ValidationRun.of(new CollectedSources(current, List.of(), List.of()), "default",
                LintSettings.defaults());
        long c1 = OS.getProcessCpuTime();
        List<Finding> errors = validation.findings().stream().filter(f -> f.severity() == Severity.ERROR).toList();
        if (!errors.isEmpty()) {
            throw new IllegalStateException(versions.shape().label() + " does not validate: " + errors.get(0).consoleLine());
        }
        CheckResult check = new Check().run(new CheckRequest(current, List.of(),
                new BaselineOutcome.Found(new Baseline("dir:old", "directory old", old)), AcceptedChanges.none(),
                FailPolicy.parse(List.of("widening", "isolation")), false, AnalysisOptions.defaults(), "default",
                LocalDate.now(), "netpol-accepted.yaml").withCurrentRead("", validation.readVersion()));
        long c2 = OS.getProcessCpuTime();
        long t1 = System.nanoTime();
        if (check.passed()) {
            throw new IllegalStateException(versions.shape().label() + ": the check must find the widening");
        }
        return new Sample(c1 - c0, c2 - c1, t1 - t0, check.findings().size());
    }

    private static List<SourceFile> files(Map<String, String> files) {
        return files.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> new SourceFile(e.getKey(), e.getValue().getBytes(StandardCharsets.UTF_8))).toList();
    }

    private static long median(List<long[]> samples, int i) {
        long[] values = samples.stream().mapToLong(s -> s[i]).sorted().toArray();
        return values[values.length / 2];
    }

    private static String ms(long nanos) {
        return nanos >= 1_000_000_000L ? String.format("%.2f s", nanos / 1e9) : String.format("%d ms", nanos / 1_000_000);
    }
}
