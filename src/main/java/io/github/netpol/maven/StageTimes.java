package io.github.netpol.maven;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * How long each stage of one goal took, for one debug line ({@code netpol: check stages: ...}): where a cold
 * build spends its time, without a profiler. Measured on the goal's own thread, wall time.
 */
final class StageTimes {

    private final String goal;
    private final List<String> parts = new ArrayList<>();
    private final long start = System.nanoTime();
    private long last = start;

    StageTimes(String goal) {
        this.goal = goal;
    }

    /** Ends the stage that began with the previous mark (or the goal). */
    void mark(String stage) {
        long now = System.nanoTime();
        parts.add(stage + " " + (now - last) / 1_000_000 + " ms");
        last = now;
    }

    /** One line with every stage and the total. */
    /** A stage timed elsewhere (in a forked JVM), given with its time. */
    void add(String timedStage) {
        parts.add(timedStage);
    }

    void log(Consumer<String> debug) {
        debug.accept("netpol: " + goal + " stages: " + String.join(", ", parts) + "; total "
                + (System.nanoTime() - start) / 1_000_000 + " ms");
    }
}
