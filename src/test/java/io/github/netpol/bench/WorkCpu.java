package io.github.netpol.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The CPU time of the process without its JIT compiler threads, for benchmarks that measure the work of warm code:
 * the compiler keeps compiling long after a warm-up, on its own threads, and counted with the rest it made the
 * smaller sizes of a growth measurement look slower than they are. On Linux the compiler threads' time is read from
 * {@code /proc/self/task} (threads named {@code C1/C2 CompilerThread}, in clock ticks of 10 ms); elsewhere nothing is
 * taken off and the figure is the whole process's.
 */
final class WorkCpu {

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final Path TASKS = Path.of("/proc/self/task");
    private static final long NANOS_PER_TICK = 10_000_000L;

    private WorkCpu() {
    }

    /** Process CPU minus the compiler threads', in nanoseconds. */
    static long nanos() {
        return OS.getProcessCpuTime() - compilerNanos();
    }

    /** The compiler threads' CPU in nanoseconds; 0 where {@code /proc} is not there. */
    static long compilerNanos() {
        if (!Files.isDirectory(TASKS)) {
            return 0;
        }
        long ticks = 0;
        try (Stream<Path> tasks = Files.list(TASKS)) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                ticks += compilerTicks(task);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + TASKS, e);
        }
        return ticks * NANOS_PER_TICK;
    }

    private static long compilerTicks(Path task) {
        try {
            String name = Files.readString(task.resolve("comm")).trim();
            if (!name.startsWith("C1 CompilerThre") && !name.startsWith("C2 CompilerThre")) {
                return 0;
            }
            // fields after the parenthesised name: state is the 3rd field, utime the 14th and stime the 15th
            String stat = Files.readString(task.resolve("stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException e) {
            return 0; // the thread ended while the tasks were listed
        }
    }
}
