package io.github.netpol.analysis;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * One instance of each equal set, shared by the two versions of a comparison. Their regions hold thousands of equal
 * cubes (every rule a change leaves alone), and {@link Region#minus} compares each cube of one version with its equal
 * twin of the other: with the same set instances on both sides that comparison ends at each set's identity instead of
 * walking its values, or its ranges and their bounds. Thread-safe: the sides of a version are built on every core.
 */
public final class SetPool {

    private final ConcurrentMap<DimSet, DimSet> sets = new ConcurrentHashMap<>();

    /** The instance of this pool equal to {@code set}: {@code set} itself the first time. */
    @SuppressWarnings("unchecked")
    <T extends DimSet> T canonical(T set) {
        DimSet earlier = sets.putIfAbsent(set, set);
        return earlier == null ? set : (T) earlier;
    }
}
