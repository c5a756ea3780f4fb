package io.github.netpol.maven;

import io.github.netpol.fork.StageClock;

import java.util.function.Consumer;

/**
 * How long each stage of one goal took, for one debug line ({@code netpol: check stages: ...}): where a cold
 * build spends its time, without a profiler. Measured on the goal's own thread, wall time.
 */
final class StageTimes {

    private final String goal;
    private final StageClock clock = new StageClock();

    StageTimes(String goal) {
        this.goal = goal;
    }

    void mark(String stage) {
        clock.mark(stage);
    }

    /** A stage timed elsewhere (in a forked JVM), given with its time. */
    void add(String timedStage) {
        clock.add(timedStage);
    }

    void log(Consumer<String> debug) {
        debug.accept("netpol: " + goal + " stages: " + String.join(", ", clock.stages()) + "; total "
                + clock.totalMillis() + " ms");
    }
}
