package io.github.netpol.validate.lint;

import io.github.netpol.model.NamespaceManifest;
import io.github.netpol.model.semantics.CiliumNamespacesFixture;
import io.github.netpol.model.semantics.Selector;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lookups by namespace name leave out only what cannot match: every namespace a selector matches, and every
 * Cilium rule whose subject can select pods of a namespace, is still handed out, in order.
 */
class LintContextTest {



    private static LintContext context() {
        return new LintContext(CiliumNamespacesFixture.read(), LintSettings.defaults());
    }

    private static Selector names(Selector.Operator op, String... values) {
        return new Selector(List.of(new Selector.Requirement(NamespaceManifest.NAME_LABEL, op, Set.of(values))));
    }

    @Test
    void handsOutEveryNamespaceASelectorMatchesAndOnlyTheListedOnes() {
        LintContext context = context();
        assertThat(context.knownNamespaces()).containsExactly("bank", "shop", "undeclared");
        List<Selector> selectors = List.of(names(Selector.Operator.IN, "shop", "undeclared", "gone"),
                names(Selector.Operator.NOT_IN, "shop"), new Selector(List.of()),
                new Selector(List.of(new Selector.Requirement("team", Selector.Operator.IN, Set.of("b")))));
        for (Selector s : selectors) {
            List<String> possible = context.namespacesPossiblyMatching(s);
            assertThat(possible).as(s.toString()).isSorted();
            for (String ns : context.knownNamespaces()) {
                if (s.matches(context.namespaceLabels(ns))) {
                    assertThat(possible).as(s.toString()).contains(ns);
                }
            }
        }
        assertThat(context.namespacesPossiblyMatching(selectors.get(0))).containsExactly("shop", "undeclared");
    }

    @Test
    void handsOutEveryCiliumRuleThatCanSelectPodsOfANamespaceInSourceOrder() {
        LintContext context = context();
        List<CiliumPolicyView.SelectingRule> all = new ArrayList<>();
        context.ciliumPolicies().forEach(v -> all.addAll(v.selectingRules()));
        assertThat(all).hasSize(7);
        for (String ns : List.of("shop", "bank", "undeclared", "elsewhere")) {
            List<CiliumPolicyView.SelectingRule> given = context.ciliumRulesSelectingIn(ns);
            assertThat(all).as(ns).containsSubsequence(given);
            for (CiliumPolicyView.SelectingRule r : all) {
                if (r.subject().namespaces().matches(context.namespaceLabels(ns))) {
                    assertThat(given).as(ns).contains(r);
                }
            }
        }
        assertThat(context.ciliumRulesSelectingIn("shop")).extracting(r -> r.view().describe())
                .containsExactly("CiliumNetworkPolicy shop/web", "CiliumClusterwideNetworkPolicy not-named",
                        "CiliumClusterwideNetworkPolicy by-label", "CiliumClusterwideNetworkPolicy everywhere");
    }
}
