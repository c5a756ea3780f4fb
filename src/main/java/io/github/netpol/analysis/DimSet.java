package io.github.netpol.analysis;

/**
 * The set of values one dimension of a {@link Cube} may take. Implementations are immutable and
 * closed under intersection and difference, which is all a region of cubes needs.
 */
public sealed interface DimSet permits ValueSet, IntervalSet {

    DimSet intersect(DimSet other);

    DimSet minus(DimSet other);

    boolean isEmpty();

    /** Membership of one concrete value: a {@code String} (null = absent) or a {@code BigInteger}. */
    boolean containsValue(Object value);
}
