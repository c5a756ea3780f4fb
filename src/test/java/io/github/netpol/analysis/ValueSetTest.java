package io.github.netpol.analysis;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ValueSet} as a set of label values plus "absent": each operation is compared, value by value, with
 * the same operation on membership over a small universe (the values the sets name, one they do not, absent).
 */
class ValueSetTest {

    /** Every value the random sets can name, one that no set names, and absent ({@code null}). */
    private static final List<String> UNIVERSE = Arrays.asList("a", "b", "c", "unnamed", null);

    @Test
    void constructorsHoldWhatSelectorsMean() {
        assertThat(members(ValueSet.all())).containsExactlyElementsOf(UNIVERSE);
        assertThat(members(ValueSet.anyPresent())).containsExactly("a", "b", "c", "unnamed");
        assertThat(members(ValueSet.onlyAbsent())).containsExactly((String) null);
        assertThat(members(ValueSet.of("a"))).containsExactly("a");
        assertThat(members(ValueSet.noneOf(Set.of("a", "b")))).containsExactly("c", "unnamed", null);
        assertThat(ValueSet.of(Set.of()).isEmpty()).isTrue();
        assertThat(ValueSet.all().isAll()).isTrue();
        assertThat(ValueSet.anyPresent().isAll()).isFalse();
        assertThat(members(ValueSet.all().withoutAbsent())).doesNotContainNull();
    }

    @Test
    void intersectAndMinusAgreeWithMembership() {
        Random random = new Random(7);
        for (int i = 0; i < 2_000; i++) {
            ValueSet a = random(random);
            ValueSet b = random(random);
            for (String v : UNIVERSE) {
                assertThat(a.intersect(b).containsValue(v)).as("%s ∩ %s at %s", a, b, v)
                        .isEqualTo(a.containsValue(v) && b.containsValue(v));
                assertThat(a.minus(b).containsValue(v)).as("%s − %s at %s", a, b, v)
                        .isEqualTo(a.containsValue(v) && !b.containsValue(v));
            }
            assertThat(a.minus(b).isEmpty()).as("%s − %s empty", a, b).isEqualTo(members(a.minus(b)).isEmpty());
        }
    }

    @Test
    void pickReturnsAMemberPreferringNamedValues() {
        assertThat(ValueSet.of(Set.of("b", "a")).pick(false)).isEqualTo("a");
        assertThat(ValueSet.noneOf(Set.of("a")).pick(true)).isNull();
        assertThat(ValueSet.anyPresent().pick(true)).isEqualTo("other");
        assertThat(ValueSet.noneOf(Set.of("other", "other-1")).withoutAbsent().pick(false)).isEqualTo("other-2");
        Random random = new Random(11);
        for (int i = 0; i < 500; i++) {
            ValueSet s = random(random);
            if (!s.isEmpty()) {
                assertThat(s.containsValue(s.pick(random.nextBoolean()))).as("pick of %s", s).isTrue();
            }
        }
    }

    private static ValueSet random(Random random) {
        Set<String> values = new TreeSet<>();
        for (String v : List.of("a", "b", "c")) {
            if (random.nextBoolean()) {
                values.add(v);
            }
        }
        return new ValueSet(random.nextBoolean(), values, random.nextBoolean());
    }

    private static List<String> members(ValueSet s) {
        List<String> out = new ArrayList<>();
        UNIVERSE.stream().filter(s::containsValue).forEach(out::add);
        return out;
    }
}
