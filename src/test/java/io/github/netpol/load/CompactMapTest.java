package io.github.netpol.load;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CompactMapTest {

    private static CompactMap compact(Map<String, Object> source) {
        return new CompactMap(new StringTable(source.keySet().toArray(String[]::new)), source.values().toArray());
    }

    private static Map<String, Object> linked(int size) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < size; i++) {
            m.put("key-" + (size - i), i % 3 == 0 ? null : i % 3 == 1 ? "v" + i : (Object) List.of(i));
        }
        return m;
    }

    @Test
    void readsLikeTheLinkedHashMapItWasBuiltFromAtEverySize() {
        for (int size : new int[] {0, 1, 2, 8, 9, 17, 100}) {
            Map<String, Object> expected = linked(size);
            CompactMap map = compact(expected);
            assertThat(map).isEqualTo(expected).hasSameHashCodeAs(expected).hasSize(size);
            assertThat(expected).isEqualTo(map);
            assertThat(map).hasToString(expected.toString());
            assertThat(new ArrayList<>(map.keySet())).containsExactlyElementsOf(expected.keySet());
            assertThat(new ArrayList<>(map.values())).containsExactlyElementsOf(expected.values());
            List<String> visited = new ArrayList<>();
            map.forEach((k, v) -> visited.add(k + "=" + v));
            assertThat(visited).containsExactlyElementsOf(expected.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
            for (String key : expected.keySet()) {
                assertThat(map.containsKey(key)).as(key).isTrue();
                assertThat(map.get(key)).as(key).isEqualTo(expected.get(key));
            }
            assertThat(map.containsKey("absent")).isFalse();
            assertThat(map.get("absent")).isNull();
            assertThat(map.get(7)).isNull();
        }
    }

    @Test
    void aKeyWithANullValueIsPresent() {
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("namespaceSelector", null);
        CompactMap map = compact(source);
        assertThat(map.containsKey("namespaceSelector")).isTrue();
        assertThat(map).containsEntry("namespaceSelector", null).isNotEqualTo(Map.of());
    }

    @Test
    void cannotBeChanged() {
        CompactMap map = compact(linked(3));
        assertThatThrownBy(() -> map.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> map.remove("key-3")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> map.entrySet().iterator().next().setValue(1)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(map::clear).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void keysAndValuesMustPair() {
        assertThatThrownBy(() -> new CompactMap(new StringTable(new String[] {"a"}), new Object[0]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
