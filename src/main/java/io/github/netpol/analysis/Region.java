package io.github.netpol.analysis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A finite union of non-empty cubes. Immutable; operations return new regions.
 *
 * <p>A region that other regions are subtracted from keeps an index of its cubes, built on first use
 * ({@link RegionIndex}), so that subtracting it costs about the cubes that can meet, not every pair of cubes.
 * The index never changes a result: the cubes of every operation are the same, in the same order, as
 * comparing every pair would give.
 */
public final class Region {

    private static final Region EMPTY = new Region(List.of(), true);

    private final List<Cube> cubes;
    private volatile RegionIndex index;

    public Region(List<Cube> cubes) {
        List<Cube> kept = new ArrayList<>(cubes.size());
        for (Cube c : cubes) {
            if (!c.isEmpty()) {
                kept.add(c);
            }
        }
        this.cubes = Collections.unmodifiableList(kept);
    }

    /** Cubes known to be non-empty (those of regions, pieces of a difference), taken without a copy. */
    private Region(List<Cube> nonEmpty, boolean trusted) {
        this.cubes = Collections.unmodifiableList(nonEmpty);
    }

    /** The union of regions, their cubes in order: one copy, however many regions. */
    public static Region union(List<Region> regions) {
        int size = 0;
        for (Region r : regions) {
            size += r.cubes.size();
        }
        List<Cube> all = new ArrayList<>(size);
        for (Region r : regions) {
            all.addAll(r.cubes);
        }
        return new Region(all, true);
    }

    public static Region empty() {
        return EMPTY;
    }

    public static Region all() {
        return of(Cube.all());
    }

    public static Region of(Cube cube) {
        return new Region(List.of(cube));
    }

    public List<Cube> cubes() {
        return cubes;
    }

    public boolean isEmpty() {
        return cubes.isEmpty();
    }

    public Region union(Region other) {
        if (other.cubes.isEmpty()) {
            return this;
        }
        if (cubes.isEmpty()) {
            return other;
        }
        return union(List.of(this, other));
    }

    public Region intersect(Region other) {
        List<Cube> out = new ArrayList<>();
        for (Cube a : cubes) {
            for (Cube b : other.cubes) {
                out.add(a.intersect(b));
            }
        }
        return new Region(out);
    }

    public Region intersect(Cube cube) {
        return intersect(of(cube));
    }

    /**
     * Cube by cube: a cube inside one cube of {@code other} goes at once (the common case when two
     * versions share a rule), otherwise it is split only by the cubes it meets, which keeps the
     * fragments few.
     */
    public Region minus(Region other) {
        if (other.cubes.isEmpty()) {
            return this;
        }
        RegionIndex lookup = other.cubes.size() >= RegionIndex.WORTH_IT ? other.index() : null;
        List<Cube> out = new ArrayList<>();
        for (Cube a : cubes) {
            // the cubes of other that can meet a, in other's order (every cube without an index)
            List<Cube> meeting = lookup == null ? other.cubes : lookup.mayMeet(a);
            if (meeting == null) {
                continue; // an equal cube: a lies inside it
            }
            if (insideOne(a, meeting)) {
                continue;
            }
            List<Cube> pieces = List.of(a);
            for (Cube b : meeting) {
                if (pieces.isEmpty()) {
                    break;
                }
                if (a.isDisjoint(b)) {
                    continue;
                }
                List<Cube> next = new ArrayList<>();
                for (Cube p : pieces) {
                    next.addAll(p.minus(b));
                }
                pieces = next;
            }
            out.addAll(pieces);
        }
        return new Region(out, true);
    }

    private static boolean insideOne(Cube a, List<Cube> candidates) {
        for (Cube b : candidates) {
            if (a.isSubsetOf(b)) {
                return true;
            }
        }
        return false;
    }

    private RegionIndex index() {
        RegionIndex i = index;
        if (i == null) {
            // a benign race: two threads may both build it, and either copy answers the same
            i = new RegionIndex(cubes);
            index = i;
        }
        return i;
    }

    public boolean contains(Function<Dim, Object> point) {
        for (Cube c : cubes) {
            if (c.contains(point)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Region r && r.cubes.equals(cubes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(cubes);
    }

    @Override
    public String toString() {
        return "Region[cubes=" + cubes + "]";
    }
}
