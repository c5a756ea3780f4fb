package io.github.netpol.load;

import org.junit.jupiter.api.Test;

import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class StringTableTest {

    @Test
    void findsEveryStringOfSmallAndLargeTables() {
        for (int size : new int[] {0, 1, 8, 9, 16, 1000}) {
            String[] strings = IntStream.range(0, size).mapToObj(i -> "/spec/ingress/" + i).toArray(String[]::new);
            StringTable table = new StringTable(strings);
            assertThat(table.size()).isEqualTo(size);
            for (int i = 0; i < size; i++) {
                assertThat(table.indexOf(new String(strings[i]))).isEqualTo(i);
                assertThat(table.get(i)).isSameAs(strings[i]);
            }
            assertThat(table.indexOf("/spec/egress/0")).isEqualTo(-1);
            assertThat(table.indexOf(null)).isEqualTo(-1);
            assertThat(table.indexOf(3)).isEqualTo(-1);
        }
    }

    @Test
    void stringsWithTheSameHashAreTold() {
        // "Aa" and "BB" have the same hashCode
        String[] strings = {"Aa", "BB", "AaAa", "BBBB", "AaBB", "BBAa", "x", "y", "z", "w"};
        StringTable table = new StringTable(strings);
        for (int i = 0; i < strings.length; i++) {
            assertThat(table.indexOf(strings[i])).isEqualTo(i);
        }
        assertThat(table.indexOf("AaAaAa")).isEqualTo(-1);
    }

    @Test
    void aRepeatedStringIsFoundAtItsFirstIndex() {
        String[] small = {"a", "b", "a"};
        String[] large = {"a", "b", "c", "d", "e", "f", "g", "h", "i", "b"};
        assertThat(new StringTable(small).indexOf("a")).isZero();
        assertThat(new StringTable(large).indexOf("b")).isEqualTo(1);
    }

    @Test
    void tablesAreEqualByContent() {
        assertThat(new StringTable(new String[] {"a", "b"})).isEqualTo(new StringTable(new String[] {"a", "b"}))
                .hasSameHashCodeAs(new StringTable(new String[] {"a", "b"}))
                .isNotEqualTo(new StringTable(new String[] {"b", "a"}));
    }
}
