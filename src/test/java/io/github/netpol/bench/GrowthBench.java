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

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * How the work grows with each dimension ({@link ShapeGenerator}): per shape and size, in one warm JVM, the median
 * CPU time (all threads of the process but the JIT compiler's, see {@link WorkCpu}) of what a build running
 * {@code validate} and {@code check} does, split into the two goals, and the ratio from one size to the next. Not a
 * test; see docs/performance.md:
 * {@code java -Xmx1g -cp ... io.github.netpol.bench.GrowthBench [shapes] [sizes] [runs]}, e.g.
 * {@code rules,peers,ports 1000,10000 3}.
 */
public final class GrowthBench {

    private static final int WARM_UP_RUNS = 3;
    private static final long WARM_UP_NANOS = 3_000_000_000L;
    private static final long SAMPLE_NANOS = 1_000_000_000L;

    private GrowthBench() {
    }

    public static void main(String[] args) {
        List<ShapeGenerator.Shape> shapes = args.length > 0 && !args[0].equals("all")
                ? Arrays.stream(args[0].split(",")).map(ShapeGenerator.Shape::of).toList()
                : List.of(ShapeGenerator.Shape.values());
        int[] sizes = Arrays.stream((args.length > 1 ? args[1] : "1000,10000").split(",")).mapToInt(Integer::parseInt).toArray();
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        System.out.println("| shape | size | MiB (both) | validate cpu | check cpu | total cpu | wall | growth (cpu) | findings "
                + "| JIT cpu per run, left out |");
        System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        for (ShapeGenerator.Shape shape : shapes) {
            List<ShapeGenerator.Versions> versions = new ArrayList<>();
            int[] repeats = new int[sizes.length];
            for (int i = 0; i < sizes.length; i++) {
                versions.add(new ShapeGenerator().generate(shape, sizes[i]));
                repeats[i] = warmUp(versions.get(i));
            }
            // the sizes' samples alternate, so that the machine's changes of speed (this one's vary by a third from
            // one minute to the next) fall on every size alike
            List<List<long[]>> samples = new ArrayList<>();
            long[] compiling = new long[sizes.length];
            int[] findings = new int[sizes.length];
            for (int i = 0; i < sizes.length; i++) {
                samples.add(new ArrayList<>());
            }
            for (int r = 0; r < runs; r++) {
                for (int i = 0; i < sizes.length; i++) {
                    WorkCpu cpu = WorkCpu.now();
                    long compiledBefore = cpu.compilerNanos();
                    long[] sample = new long[3];
                    for (int k = 0; k < repeats[i]; k++) {
                        Sample s = measure(versions.get(i), cpu);
                        sample[0] += s.validateCpu;
                        sample[1] += s.checkCpu;
                        sample[2] += s.wall;
                        findings[i] = s.findings;
                    }
                    for (int k = 0; k < sample.length; k++) {
                        sample[k] /= repeats[i];
                    }
                    samples.get(i).add(sample);
                    compiling[i] += (cpu.compilerNanos() - compiledBefore) / repeats[i];
                }
            }
            long previous = -1;
            for (int i = 0; i < sizes.length; i++) {
                long validate = median(samples.get(i), 0);
                long check = median(samples.get(i), 1);
                long wall = median(samples.get(i), 2);
                long total = validate + check;
                String growth = previous < 0 ? "" : String.format("%.1f×", total / (double) previous);
                System.out.printf("| %s | %,d | %.1f | %s | %s | %s | %s | %s | %d | %s |%n", shape.label(), sizes[i],
                        versions.get(i).bytes() / 1048576.0, ms(validate), ms(check), ms(total), ms(wall), growth,
                        findings[i], ms(compiling[i] / runs));
                previous = total;
            }
        }
    }

    /**
     * Warms one size up on its own (at least WARM_UP_RUNS runs and WARM_UP_NANOS) and returns how often a sample
     * repeats it to last about SAMPLE_NANOS. With one warm-up run of the smallest size and all threads counted, a
     * shape's growth swung between 4x and 17x from one run of the bench to the next, as the rows caught the JIT
     * compiling or not; and the CPU clocks tick in 10 ms, so a 30 ms run measured alone gave ratios that were mostly
     * rounding.
     */
    private static int warmUp(ShapeGenerator.Versions versions) {
        long warmUntil = System.nanoTime() + WARM_UP_NANOS;
        long lastWall = 0;
        for (int w = 0; w < WARM_UP_RUNS || System.nanoTime() < warmUntil; w++) {
            lastWall = measure(versions, WorkCpu.now()).wall;
        }
        return (int) Math.max(1, SAMPLE_NANOS / Math.max(1, lastWall));
    }

    private record Sample(long validateCpu, long checkCpu, long wall, int findings) {
    }

    private static Sample measure(ShapeGenerator.Versions versions, WorkCpu cpu) {
        List<SourceFile> current = files(versions.current());
        List<SourceFile> old = files(versions.baseline());
        long c0 = cpu.nanos();
        long t0 = System.nanoTime();
        ValidationRun validation = ValidationRun.of(new CollectedSources(current, List.of(), List.of()), "default",
                LintSettings.defaults());
        long c1 = cpu.nanos();
        List<Finding> errors = validation.findings().stream().filter(f -> f.severity() == Severity.ERROR).toList();
        if (!errors.isEmpty()) {
            throw new IllegalStateException(versions.shape().label() + " does not validate: " + errors.get(0).consoleLine());
        }
        CheckResult check = new Check().run(new CheckRequest(current, List.of(),
                new BaselineOutcome.Found(new Baseline("dir:old", "directory old", old)), AcceptedChanges.none(),
                FailPolicy.parse(List.of("widening", "isolation")), false, AnalysisOptions.defaults(), "default",
                LocalDate.now(), "netpol-accepted.yaml").withCurrentRead("", validation.readVersion()));
        long c2 = cpu.nanos();
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
