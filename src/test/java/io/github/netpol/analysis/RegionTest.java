package io.github.netpol.analysis;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link Region}: union, intersection and difference of unions of cubes against membership point by point. */
class RegionTest {

    @Test
    void emptyCubesAreDroppedAndAllHoldsEverything() {
        Cube none = Cube.all().with(Dim.PORT, IntervalSet.empty());
        assertThat(new Region(List.of(none)).isEmpty()).isTrue();
        assertThat(Region.all().minus(Region.all()).isEmpty()).isTrue();
        assertThat(Region.empty().union(Region.all()).cubes()).containsExactly(Cube.all());
    }

    @Test
    void operationsAgreeWithMembership() {
        Random random = new Random(9);
        List<Function<Dim, Object>> points = RegionAlgebra.points();
        for (int i = 0; i < 1_000; i++) {
            Region a = RegionAlgebra.region(random);
            Region b = RegionAlgebra.region(random);
            Region difference = a.minus(b);
            boolean anyLeft = false;
            for (Function<Dim, Object> p : points) {
                boolean inA = a.contains(p);
                boolean inB = b.contains(p);
                anyLeft |= inA && !inB;
                assertThat(a.union(b).contains(p)).as("%s ∪ %s at %s", a, b, p).isEqualTo(inA || inB);
                assertThat(a.intersect(b).contains(p)).as("%s ∩ %s at %s", a, b, p).isEqualTo(inA && inB);
                assertThat(difference.contains(p)).as("%s − %s at %s", a, b, p).isEqualTo(inA && !inB);
            }
            assertThat(difference.isEmpty()).as("%s − %s empty", a, b).isEqualTo(!anyLeft);
        }
    }

    /**
     * Large regions take the indexed path of {@link Region#minus}: its cubes must be exactly those of the pairwise
     * scan, in the same order (findings describe the first cube and count the rest), over label values, "absent",
     * cofinite sets, port and address ranges, equal cubes and cubes that leave a dimension free.
     */
    @Test
    void indexedDifferenceIsThePairwiseOne() {
        Random random = new Random(14);
        for (int i = 0; i < 400; i++) {
            Region a = bigRegion(random, random.nextInt(40));
            Region b = bigRegion(random, RegionIndex.WORTH_IT + random.nextInt(60));
            if (random.nextBoolean()) {
                // shared cubes, as two versions that keep most rules have
                List<Cube> shared = new ArrayList<>(b.cubes());
                shared.addAll(a.cubes().subList(0, a.cubes().size() / 2));
                b = new Region(shared);
            }
            assertThat(a.minus(b).cubes()).as("%s − %s", a, b).isEqualTo(pairwiseMinus(a, b));
            assertThat(b.minus(a).cubes()).as("%s − %s", b, a).isEqualTo(pairwiseMinus(b, a));
        }
    }

    private static Region bigRegion(Random random, int size) {
        List<Cube> cubes = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            Cube c = RegionAlgebra.cube(random);
            if (random.nextInt(3) == 0) {
                Set<String> values = new TreeSet<>();
                for (int v = random.nextInt(3); v > 0; v--) {
                    values.add("v" + random.nextInt(12));
                }
                c = c.with(Dim.peerLabel("role"), new ValueSet(random.nextInt(5) == 0, values, random.nextInt(4) == 0));
            }
            if (random.nextInt(3) == 0) {
                long lo = random.nextInt(1000);
                c = c.with(Dim.IP, IntervalSet.of(lo, lo + random.nextInt(50))
                        .union(random.nextBoolean() ? IntervalSet.of(2000 + lo, 2000 + lo + random.nextInt(300)) : IntervalSet.empty()));
            }
            cubes.add(c);
        }
        return new Region(cubes);
    }

    /** {@link Region#minus} as it was before the index: every cube of {@code a} against every cube of {@code b}. */
    private static List<Cube> pairwiseMinus(Region a, Region b) {
        List<Cube> out = new ArrayList<>();
        for (Cube x : a.cubes()) {
            if (b.cubes().stream().anyMatch(x::isSubsetOf)) {
                continue;
            }
            List<Cube> pieces = List.of(x);
            for (Cube y : b.cubes()) {
                if (pieces.isEmpty()) {
                    break;
                }
                if (x.isDisjoint(y)) {
                    continue;
                }
                List<Cube> next = new ArrayList<>();
                for (Cube p : pieces) {
                    next.addAll(p.minus(y));
                }
                pieces = next;
            }
            out.addAll(pieces);
        }
        return out;
    }
}
