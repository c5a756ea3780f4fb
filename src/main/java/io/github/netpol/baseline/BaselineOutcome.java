package io.github.netpol.baseline;

import java.util.List;

/** The result of looking for a baseline: found, or legitimately absent (a first release). Errors are exceptions. */
public sealed interface BaselineOutcome {

    record Found(Baseline baseline) implements BaselineOutcome {
    }

    /** Nothing to compare with; {@code tried} lists what was looked at, for the warning. */
    record Absent(List<String> tried) implements BaselineOutcome {
        public Absent {
            tried = List.copyOf(tried);
        }
    }
}
