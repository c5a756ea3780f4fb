package io.github.netpol.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The CPU time of the process without its JIT compiler threads, for benchmarks that measure the work of warm code:
 * the compiler keeps compiling long after a warm-up, on its own threads, and counted with the rest it made the
 * smaller sizes of a growth measurement look slower than they are. On Linux the compiler threads' time is read from
 * {@code /proc/self/task} (threads named {@code C1/C2 CompilerThread}, in clock ticks of 10 ms); elsewhere nothing is
 * taken off and the figure is the whole process's.
 *
 * <p>An instance knows the compiler threads there were when it was made, so that each reading opens only their
 * {@code stat} files: listing every thread on every reading cost about a millisecond, a few per cent of the
 * smallest runs. A compiler thread started later counts as work; make a new instance per sample.
 */
final class WorkCpu {

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final Path TASKS = Path.of("/proc/self/task");
    private static final long NANOS_PER_TICK = 10_000_000L;

    private final List<Path> compilerStats;

    private WorkCpu(List<Path> compilerStats) {
        this.compilerStats = compilerStats;
    }

    /** The compiler threads running now. */
    static WorkCpu now() {
        List<Path> stats = new ArrayList<>();
        if (Files.isDirectory(TASKS)) {
            try (Stream<Path> tasks = Files.list(TASKS)) {
                for (Path task : (Iterable<Path>) tasks::iterator) {
                    if (isCompiler(task)) {
                        stats.add(task.resolve("stat"));
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + TASKS, e);
            }
        }
        return new WorkCpu(stats);
    }

    private static boolean isCompiler(Path task) {
        try {
            String name = Files.readString(task.resolve("comm")).trim();
            return name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre");
        } catch (IOException e) {
            return false; // the thread ended while the tasks were listed
        }
    }

    /** Process CPU minus the compiler threads', in nanoseconds. */
    long nanos() {
        return OS.getProcessCpuTime() - compilerNanos();
    }

    /** The compiler threads' CPU in nanoseconds. */
    long compilerNanos() {
        long ticks = 0;
        for (Path stat : compilerStats) {
            ticks += ticks(stat);
        }
        return ticks * NANOS_PER_TICK;
    }

    private static long ticks(Path stat) {
        try {
            // fields after the parenthesised name: state is the 3rd field, utime the 14th and stime the 15th
            String line = Files.readString(stat);
            String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException e) {
            return 0; // the thread has ended
        }
    }
}
