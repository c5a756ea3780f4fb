package io.github.netpol.analysis;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link Cube}: intersection, disjointness, containment and difference against membership point by point. */
class CubeTest {

    @Test
    void anUnmentionedDimensionIsUnconstrained() {
        Cube ports = Cube.all().with(Dim.PORT, IntervalSet.of(80, 80));
        assertThat(ports.get(RegionAlgebra.LABEL)).isEqualTo(ValueSet.all());
        assertThat(ports.get(Dim.PROTOCOL)).isEqualTo(Dim.PROTOCOL.full());
        assertThat(ports.isSubsetOf(Cube.all())).isTrue();
        assertThat(Cube.all().isSubsetOf(ports)).isFalse();
        assertThat(ports.with(Dim.PORT, IntervalSet.empty()).isEmpty()).isTrue();
    }

    @Test
    void operationsAgreeWithMembership() {
        Random random = new Random(5);
        List<Function<Dim, Object>> points = RegionAlgebra.points();
        for (int i = 0; i < 1_500; i++) {
            Cube a = RegionAlgebra.cube(random);
            Cube b = RegionAlgebra.cube(random);
            List<Cube> difference = a.minus(b);
            boolean common = false;
            boolean outside = false;
            for (Function<Dim, Object> p : points) {
                boolean inA = a.contains(p);
                boolean inB = b.contains(p);
                common |= inA && inB;
                outside |= inA && !inB;
                assertThat(a.intersect(b).contains(p)).as("%s ∩ %s at %s", a, b, p).isEqualTo(inA && inB);
                long pieces = difference.stream().filter(c -> c.contains(p)).count();
                assertThat(pieces).as("%s − %s at %s: pieces holding it", a, b, p).isEqualTo(inA && !inB ? 1 : 0);
            }
            assertThat(a.isDisjoint(b)).as("%s disjoint from %s", a, b).isEqualTo(!common);
            if (!a.isEmpty()) { // regions hold only non-empty cubes, and minus asks isDisjoint first
                assertThat(a.isSubsetOf(b)).as("%s inside %s", a, b).isEqualTo(!outside);
            }
        }
    }
}
