package io.github.netpol.analysis;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Random cubes over two dimensions (a local label and the port) and every point that tells them apart, for
 * the tests that compare {@link Cube} and {@link Region} with membership point by point.
 */
final class RegionAlgebra {

    static final Dim LABEL = Dim.localLabel("app");
    private static final List<String> VALUES = Arrays.asList("a", "b", "unnamed", null);
    private static final int PORTS = 12;

    private RegionAlgebra() {
    }

    /** Every (label value, port) pair; ports above 10 stand for the ports no random set names. */
    static List<Function<Dim, Object>> points() {
        List<Function<Dim, Object>> out = new ArrayList<>();
        for (String value : VALUES) {
            for (int port = 1; port <= PORTS; port++) {
                BigInteger p = BigInteger.valueOf(port);
                out.add(new Point(value, p));
            }
        }
        return out;
    }

    static Cube cube(Random random) {
        Cube c = Cube.all();
        if (random.nextInt(3) > 0) {
            Set<String> values = new TreeSet<>();
            for (String v : List.of("a", "b")) {
                if (random.nextBoolean()) {
                    values.add(v);
                }
            }
            c = c.with(LABEL, new ValueSet(random.nextBoolean(), values, random.nextBoolean()));
        }
        if (random.nextInt(3) > 0) {
            int lo = 1 + random.nextInt(10);
            c = c.with(Dim.PORT, IntervalSet.of(lo, Math.min(10, lo + random.nextInt(5))));
        }
        return c;
    }

    static Region region(Random random) {
        List<Cube> cubes = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            cubes.add(cube(random));
        }
        return new Region(cubes);
    }

    /** One point; its text names it in assertion messages. */
    private record Point(String value, BigInteger port) implements Function<Dim, Object> {
        @Override
        public Object apply(Dim dim) {
            return dim.equals(Dim.PORT) ? port : value;
        }

        @Override
        public String toString() {
            return "app=" + value + ",port=" + port;
        }
    }
}
