package io.github.netpol.baseline;

import java.util.List;

/**
 * The result of looking for a baseline: found, proven absent (a first release), or not asked for
 * ({@code netpol.baseline=none}). Everything else, anything that leaves it unknown whether an earlier
 * version exists, is a {@link BaselineException}.
 */
public sealed interface BaselineOutcome {

    record Found(Baseline baseline) implements BaselineOutcome {
    }

    /**
     * A first release: nothing to compare with, and shown to be so. {@code proof} says what was looked at
     * (every repository answered, the complete git history holds no earlier tag ...), for the warning.
     */
    record Absent(List<String> proof) implements BaselineOutcome {
        public Absent {
            proof = List.copyOf(proof);
        }
    }

    /** {@code netpol.baseline=none}: the user chose to compare with nothing. */
    record NotRequested() implements BaselineOutcome {
    }
}
