package io.github.netpol.model.semantics;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link Selector#covers} and {@link Selector#intersects} against brute force: every label set over the keys and
 * values the selectors name, plus one value and one key neither names, judged by {@link Selector#matches}.
 */
class SelectorRelationsTest {
    private static final List<String> KEYS = List.of("app", "tier");
    private static final List<String> VALUES = List.of("a", "b", "c");

    @Test
    void coversAndIntersectsAgreeWithEveryLabelSet() {
        Random rnd = new Random(17);
        List<Map<String, String>> labelSets = labelSets();
        for (int i = 0; i < 3000; i++) {
            Selector x = random(rnd);
            Selector y = random(rnd);
            boolean covers = labelSets.stream().allMatch(l -> !y.matches(l) || x.matches(l));
            boolean intersects = labelSets.stream().anyMatch(l -> x.matches(l) && y.matches(l));
            assertThat(x.covers(y)).as("%s covers %s", x, y).isEqualTo(covers);
            assertThat(x.intersects(y)).as("%s intersects %s", x, y).isEqualTo(intersects);
        }
    }

    private static List<Map<String, String>> labelSets() {
        List<String> values = new ArrayList<>(VALUES);
        values.add("other");
        values.add(null);
        List<Map<String, String>> out = new ArrayList<>();
        for (String app : values) {
            for (String tier : values) {
                Map<String, String> l = new HashMap<>();
                if (app != null) {
                    l.put("app", app);
                }
                if (tier != null) {
                    l.put("tier", tier);
                }
                l.put("unrelated", "x");
                out.add(l);
            }
        }
        return out;
    }

    private static Selector random(Random rnd) {
        List<Selector.Requirement> out = new ArrayList<>();
        int n = rnd.nextInt(4);
        for (int i = 0; i < n; i++) {
            Selector.Operator op = Selector.Operator.values()[rnd.nextInt(Selector.Operator.values().length - 1)];
            Set<String> values = switch (op) {
                case IN, NOT_IN -> Set.copyOf(VALUES.subList(0, 1 + rnd.nextInt(VALUES.size())).stream()
                        .filter(v -> rnd.nextBoolean() || v.equals("a")).toList());
                default -> Set.of();
            };
            out.add(new Selector.Requirement(KEYS.get(rnd.nextInt(KEYS.size())), op, values));
        }
        return new Selector(out);
    }
}
