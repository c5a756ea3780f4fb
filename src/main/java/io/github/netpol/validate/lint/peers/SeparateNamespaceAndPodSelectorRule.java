package io.github.netpol.validate.lint.peers;

import io.github.netpol.finding.FindingCode;
import io.github.netpol.validate.lint.BaseRule;
import io.github.netpol.validate.lint.Examples;
import io.github.netpol.validate.lint.LintContext;
import io.github.netpol.validate.lint.PeerView;
import io.github.netpol.validate.lint.PolicyRuleView;
import io.github.netpol.validate.lint.Violation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A namespaceSelector-only item next to a podSelector-only item: OR where AND was probably meant. */
public final class SeparateNamespaceAndPodSelectorRule extends BaseRule {

    public SeparateNamespaceAndPodSelectorRule() {
        super(FindingCode.SEPARATE_NAMESPACE_AND_POD_SELECTOR,
                Examples.policy("""
                        podSelector:
                          matchLabels:
                            app: api
                        policyTypes: [Ingress]
                        ingress:
                        - from:
                          - namespaceSelector:
                              matchLabels:
                                kubernetes.io/metadata.name: web
                          - podSelector:
                              matchLabels:
                                app: frontend
                        """),
                Examples.policy("""
                        podSelector:
                          matchLabels:
                            app: api
                        policyTypes: [Ingress]
                        ingress:
                        - from:
                          - namespaceSelector:
                              matchLabels:
                                kubernetes.io/metadata.name: web
                            podSelector:
                              matchLabels:
                                app: frontend
                        """));
    }

    @Override
    public List<Violation> check(LintContext context) {
        List<Violation> out = new ArrayList<>();
        for (PolicyRuleView rule : context.allRules()) {
            List<PeerView> peers = rule.peerViews();
            Optional<PeerView> ns = peers.stream().filter(PeerView::namespaceSelectorOnly).findFirst();
            Optional<PeerView> pod = peers.stream().filter(PeerView::podSelectorOnly).findFirst();
            if (ns.isEmpty() || pod.isEmpty()) {
                continue;
            }
            PeerView later = ns.get().index() > pod.get().index() ? ns.get() : pod.get();
            String field = later == ns.get() ? "namespaceSelector" : "podSelector";
            out.add(rule.policy().violation(later.pointer() + "/" + field, rule.direction(),
                    rule.where() + ": `" + rule.peerField() + "` item " + (ns.get().index() + 1) + " (namespaceSelector) and item "
                            + (pod.get().index() + 1) + " (podSelector) are separate peers, so the rule allows every pod of "
                            + "the selected namespaces OR the selected pods of " + rule.policy().namespace()
                            + ". If you meant pods matching both, put both selectors in one item (drop the '-' before podSelector)."));
        }
        return out;
    }
}
