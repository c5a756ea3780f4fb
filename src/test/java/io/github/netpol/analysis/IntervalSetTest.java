package io.github.netpol.analysis;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link IntervalSet}: normal form, and each operation against point-by-point membership over 0..40. */
class IntervalSetTest {

    private static final int MAX = 40;

    @Test
    void normalFormMergesOverlappingAndAdjacentRanges() {
        IntervalSet s = new IntervalSet(List.of(range(10, 12), range(1, 3), range(4, 5), range(11, 20)));
        assertThat(s.ranges()).containsExactly(range(1, 5), range(10, 20));
        assertThat(s).isEqualTo(IntervalSet.of(1, 5).union(IntervalSet.of(10, 20)));
        assertThat(s.min()).isEqualTo(BigInteger.ONE);
        assertThat(IntervalSet.of(5, 4).isEmpty()).isTrue();
    }

    @Test
    void unionIntersectAndMinusAgreeWithMembership() {
        Random random = new Random(3);
        for (int i = 0; i < 2_000; i++) {
            IntervalSet a = random(random);
            IntervalSet b = random(random);
            for (int p = 0; p <= MAX; p++) {
                BigInteger v = BigInteger.valueOf(p);
                boolean inA = a.containsValue(v);
                boolean inB = b.containsValue(v);
                assertThat(a.union(b).containsValue(v)).as("%s ∪ %s at %d", a, b, p).isEqualTo(inA || inB);
                assertThat(a.intersect(b).containsValue(v)).as("%s ∩ %s at %d", a, b, p).isEqualTo(inA && inB);
                assertThat(a.minus(b).containsValue(v)).as("%s − %s at %d", a, b, p).isEqualTo(inA && !inB);
            }
        }
    }

    @Test
    void worksAcross128BitAddresses() {
        BigInteger top = BigInteger.ONE.shiftLeft(160);
        IntervalSet all = IntervalSet.of(BigInteger.ZERO, top);
        IntervalSet hole = IntervalSet.of(BigInteger.ONE.shiftLeft(100), BigInteger.ONE.shiftLeft(100));
        IntervalSet rest = all.minus(hole);
        assertThat(rest.ranges()).hasSize(2);
        assertThat(rest.containsValue(BigInteger.ONE.shiftLeft(100))).isFalse();
        assertThat(rest.union(hole)).isEqualTo(all);
    }

    private static IntervalSet random(Random random) {
        List<IntervalSet.Range> ranges = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            int lo = random.nextInt(MAX);
            ranges.add(range(lo, lo + random.nextInt(8)));
        }
        return new IntervalSet(ranges);
    }

    private static IntervalSet.Range range(long lo, long hi) {
        return new IntervalSet.Range(BigInteger.valueOf(lo), BigInteger.valueOf(hi));
    }
}
