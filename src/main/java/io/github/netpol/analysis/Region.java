package io.github.netpol.analysis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/** A finite union of non-empty cubes. Immutable; operations return new regions. */
public record Region(List<Cube> cubes) {

    public Region {
        List<Cube> kept = new ArrayList<>(cubes.size());
        for (Cube c : cubes) {
            if (!c.isEmpty()) {
                kept.add(c);
            }
        }
        cubes = Collections.unmodifiableList(kept);
    }

    public static Region empty() {
        return new Region(List.of());
    }

    public static Region all() {
        return of(Cube.all());
    }

    public static Region of(Cube cube) {
        return new Region(List.of(cube));
    }

    public boolean isEmpty() {
        return cubes.isEmpty();
    }

    public Region union(Region other) {
        List<Cube> all = new ArrayList<>(cubes);
        all.addAll(other.cubes);
        return new Region(all);
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
        List<Cube> out = new ArrayList<>();
        for (Cube a : cubes) {
            if (other.cubes.stream().anyMatch(a::isSubsetOf)) {
                continue;
            }
            List<Cube> pieces = List.of(a);
            for (Cube b : other.cubes) {
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
        return new Region(out);
    }

    public boolean contains(Function<Dim, Object> point) {
        return cubes.stream().anyMatch(c -> c.contains(point));
    }
}
