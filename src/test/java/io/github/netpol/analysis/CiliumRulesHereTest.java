package io.github.netpol.analysis;

import io.github.netpol.finding.Direction;
import io.github.netpol.model.ManifestSet;
import io.github.netpol.model.NamespaceManifest;
import io.github.netpol.model.semantics.CiliumNamespacesFixture;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Cilium rules a side is given ({@link SideBuilder#ciliumRulesHere}) are the rules in their order less only rules
 * whose subject is empty in its namespace: checked against {@link SideBuilder#ciliumSubject} for every rule and every
 * namespace of the universe, declared or not, and in a universe whose namespace carries another's name label.
 */
class CiliumRulesHereTest {



    private static ManifestSet version() {
        return CiliumNamespacesFixture.read();
    }

    @Test
    void givesEachNamespaceTheRulesThatCanSelectItsPodsInTheirOrder() {
        ManifestSet version = version();
        CiliumRules rules = CiliumRules.of(version);
        assertThat(rules.refused()).isEmpty();
        assertThat(rules.rules()).hasSize(7);
        NamespaceUniverse universe = NamespaceUniverse.of(version, AnalysisOptions.defaults());
        Set<String> namespaces = new TreeSet<>(universe.fixedNames());
        namespaces.addAll(universe.named());
        namespaces.add(universe.representative());
        assertThat(namespaces).contains("shop", "bank", "undeclared", "elsewhere");
        assertGivenAreTheSelecting(rules, universe, namespaces);
        // the namespaced policies and the clusterwide one that names its namespaces stay out of the others
        assertThat(keys(here("shop", universe, rules))).containsExactly("shop/web", "null/not-named", "null/by-label",
                "null/everywhere");
        assertThat(keys(here("bank", universe, rules))).containsExactly("bank/web", "null/named", "null/not-named",
                "null/by-label", "null/everywhere");
        assertThat(keys(here("elsewhere", universe, rules))).containsExactly("null/named", "null/not-named",
                "null/by-label", "null/everywhere");
    }

    @Test
    void goesByTheNameLabelANamespaceCarries() {
        ManifestSet version = version();
        CiliumRules rules = CiliumRules.of(version);
        Map<String, Map<String, String>> fixed = new HashMap<>();
        fixed.put("shop", Map.of(NamespaceManifest.NAME_LABEL, "bank"));
        fixed.put("bank", Map.of(NamespaceManifest.NAME_LABEL, "bank"));
        fixed.put("plain", Map.of("team", "a"));
        NamespaceUniverse universe = new NamespaceUniverse(fixed);
        assertGivenAreTheSelecting(rules, universe, Set.of("shop", "bank", "plain", "free"));
        // shop's side matches bank's policy by the label it carries, and a namespace without one no named rule
        assertThat(keys(here("shop", universe, rules))).contains("bank/web", "null/named").doesNotContain("shop/web");
        assertThat(keys(here("plain", universe, rules))).containsExactly("null/not-named", "null/by-label",
                "null/everywhere");
    }

    private static List<CiliumRules.Entry> here(String ns, NamespaceUniverse universe, CiliumRules rules) {
        return new SideBuilder(ns, Direction.INGRESS, universe).ciliumRulesHere(rules);
    }

    private static void assertGivenAreTheSelecting(CiliumRules rules, NamespaceUniverse universe, Set<String> namespaces) {
        for (String ns : namespaces) {
            List<CiliumRules.Entry> given = here(ns, universe, rules);
            List<CiliumRules.Entry> selecting = new ArrayList<>();
            for (CiliumRules.Entry e : rules.rules()) {
                if (!new SideBuilder(ns, Direction.INGRESS, universe).ciliumSubject(e.subject()).isEmpty()) {
                    selecting.add(e);
                }
            }
            assertThat(given).as(ns).containsAll(selecting);
            assertThat(rules.rules()).as(ns).containsSubsequence(given);
        }
    }

    private static List<String> keys(List<CiliumRules.Entry> entries) {
        return entries.stream().map(e -> e.manifest().namespace() + "/" + e.manifest().name()).toList();
    }
}
