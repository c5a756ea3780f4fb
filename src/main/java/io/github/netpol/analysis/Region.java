package io.github.netpol.analysis;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Function;

/** A finite union of non-empty cubes. Immutable; operations return new regions. */
public record Region(List<Cube> cubes) {

    public Region {
        LinkedHashSet<Cube> kept = new LinkedHashSet<>();
        for (Cube c : cubes) {
            if (!c.isEmpty()) {
                kept.add(c);
            }
        }
        cubes = List.copyOf(kept);
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

    public Region minus(Region other) {
        List<Cube> current = cubes;
        for (Cube b : other.cubes) {
            if (current.isEmpty()) {
                break;
            }
            List<Cube> next = new ArrayList<>();
            for (Cube a : current) {
                next.addAll(a.minus(b));
            }
            current = next;
        }
        return new Region(current);
    }

    public boolean contains(Function<Dim, Object> point) {
        return cubes.stream().anyMatch(c -> c.contains(point));
    }
}
