package io.github.netpol.analysis;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Name sets as bitsets must behave exactly like plain sets: every {@link ValueSet} operation over
 * NameSet-backed values is compared with the same operation over HashSet copies, for random sets of
 * one index, of two indexes, and mixed with names outside the index.
 */
class NameSetTest {

    private static final List<String> NAMES = new ArrayList<>();

    static {
        for (int i = 0; i < 150; i++) {
            NAMES.add("ns-" + i);
        }
    }

    @Test
    void behavesAsAnOrdinarySet() {
        NameIndex index = new NameIndex(NAMES.subList(0, 130));
        Set<String> plain = new HashSet<>(List.of("ns-3", "ns-64", "ns-129"));
        NameSet set = index.known(plain);
        assertThat(set).isEqualTo(plain).hasSize(3).containsExactly("ns-129", "ns-3", "ns-64");
        assertThat(plain).isEqualTo(set);
        assertThat(set.hashCode()).isEqualTo(plain.hashCode());
        assertThat(set.contains("ns-140")).isFalse();
        assertThat(set.contains(null)).isFalse();
        assertThat(index.all()).hasSize(130).containsAll(set);
        assertThat(set.containsAll(index.all())).isFalse();
    }

    @Test
    void everyValueSetOperationAgreesWithPlainSets() {
        Random random = new Random(42);
        for (int round = 0; round < 3_000; round++) {
            int size = 1 + random.nextInt(140);
            NameIndex index = new NameIndex(NAMES.subList(0, size));
            NameIndex other = random.nextInt(4) == 0 ? new NameIndex(NAMES.subList(0, size)) : index;
            ValueSet[] fast = new ValueSet[2];
            ValueSet[] slow = new ValueSet[2];
            for (int i = 0; i < 2; i++) {
                NameIndex idx = i == 0 ? index : other;
                boolean indexed = random.nextInt(3) > 0;
                Set<String> values = new TreeSet<>();
                int n = random.nextInt(4) == 0 ? 0 : random.nextInt(size + 1);
                for (int k = 0; k < n; k++) {
                    values.add(NAMES.get(random.nextInt(indexed ? size : NAMES.size())));
                }
                if (random.nextInt(6) == 0) {
                    values.addAll(NAMES.subList(0, size));
                }
                boolean cofinite = random.nextBoolean();
                boolean absent = random.nextBoolean();
                fast[i] = new ValueSet(cofinite, indexed ? idx.known(values) : values, absent);
                slow[i] = new ValueSet(cofinite, new HashSet<>(values), absent);
            }
            check(fast[0].intersect(fast[1]), slow[0].intersect(slow[1]));
            check(fast[0].minus(fast[1]), slow[0].minus(slow[1]));
            check(fast[1].minus(fast[0]), slow[1].minus(slow[0]));
            assertThat(fast[0].equals(fast[1])).isEqualTo(slow[0].equals(slow[1]));
            assertThat(fast[0].hashCode()).isEqualTo(slow[0].hashCode());
            assertThat(fast[0].pick(false)).isEqualTo(slow[0].pick(false));
            for (String probe : List.of(NAMES.get(random.nextInt(NAMES.size())), "elsewhere")) {
                assertThat(fast[0].containsValue(probe)).isEqualTo(slow[0].containsValue(probe));
            }
        }
    }

    private static void check(ValueSet fast, ValueSet slow) {
        assertThat(fast.cofinite()).isEqualTo(slow.cofinite());
        assertThat(fast.absent()).isEqualTo(slow.absent());
        assertThat(new TreeSet<>(fast.values())).isEqualTo(new TreeSet<>(slow.values()));
        assertThat(fast).isEqualTo(slow);
        assertThat(fast.isEmpty()).isEqualTo(slow.isEmpty());
    }
}
