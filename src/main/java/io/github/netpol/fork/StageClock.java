package io.github.netpol.fork;

import java.util.ArrayList;
import java.util.List;

/**
 * Each stage's wall time since the one before ({@code analysis, comparison and verdict 469 ms}), as a goal's debug
 * timing line gives them, in Maven's JVM and in a forked check's.
 */
public final class StageClock {

    private final List<String> stages = new ArrayList<>();
    private final long start = System.nanoTime();
    private long last = start;

    public void mark(String stage) {
        long now = System.nanoTime();
        stages.add(stage + " " + (now - last) / 1_000_000 + " ms");
        last = now;
    }

    /** A stage timed elsewhere (in a forked JVM), given with its time. */
    public void add(String timedStage) {
        stages.add(timedStage);
    }

    public List<String> stages() {
        return List.copyOf(stages);
    }

    public long totalMillis() {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
