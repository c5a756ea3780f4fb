package io.github.netpol.model.semantics;

import io.github.netpol.model.NamespaceManifest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class NamespaceNameIndexTest {

    private record Rule(String name, Selector namespaces) {
    }

    private static Selector names(Selector.Operator op, String... values) {
        return new Selector(List.of(new Selector.Requirement(NamespaceManifest.NAME_LABEL, op, Set.of(values))));
    }

    private static final List<Rule> RULES = List.of(
            new Rule("in-a", names(Selector.Operator.IN, "a")),
            new Rule("any", new Selector(List.of())),
            new Rule("in-a-b", names(Selector.Operator.IN, "a", "b")),
            new Rule("not-in-a", names(Selector.Operator.NOT_IN, "a")),
            new Rule("team", new Selector(List.of(new Selector.Requirement("team", Selector.Operator.IN, Set.of("x"))))),
            new Rule("in-b", names(Selector.Operator.IN, "b")));

    private static List<String> admitting(String label) {
        return new NamespaceNameIndex<>(RULES, Rule::namespaces).admitting(label).stream().map(Rule::name).toList();
    }

    @Test
    void leavesOutOnlyTheRulesThatListOtherNamesAndKeepsTheOrder() {
        assertThat(admitting("a")).containsExactly("in-a", "any", "in-a-b", "not-in-a", "team");
        assertThat(admitting("b")).containsExactly("any", "in-a-b", "not-in-a", "team", "in-b");
        assertThat(admitting("c")).containsExactly("any", "not-in-a", "team");
        assertThat(admitting(null)).containsExactly("any", "not-in-a", "team");
    }

    /** Every rule left out is one whose selector does not match a namespace with that name label. */
    @Test
    void leavesOutNoRuleThatMatches() {
        for (String label : new String[] {"a", "b", "c", null}) {
            Map<String, String> labels = label == null ? Map.of("team", "x") : Map.of(NamespaceManifest.NAME_LABEL, label,
                    "team", "x");
            List<String> kept = admitting(label);
            for (Rule r : RULES) {
                if (r.namespaces().matches(labels)) {
                    assertThat(kept).as(String.valueOf(label)).contains(r.name());
                }
            }
        }
    }
}
