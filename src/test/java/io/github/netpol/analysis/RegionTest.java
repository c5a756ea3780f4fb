package io.github.netpol.analysis;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;
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
}
