package io.github.netpol.validate.lint.repository;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.github.netpol.finding.FindingCode;
import io.github.netpol.model.NamespaceManifest;
import io.github.netpol.model.semantics.Selector;
import io.github.netpol.validate.lint.BaseRule;
import io.github.netpol.validate.lint.Examples;
import io.github.netpol.validate.lint.LintContext;
import io.github.netpol.validate.lint.PeerView;
import io.github.netpol.validate.lint.Violation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A namespaceSelector that matches no namespace known to the repository (quiet when none is declared). */
public final class NamespaceSelectorMatchesNothingRule extends BaseRule {

    public NamespaceSelectorMatchesNothingRule() {
        super(FindingCode.NAMESPACE_SELECTOR_MATCHES_NOTHING,
                Examples.docs("""
                        apiVersion: v1
                        kind: Namespace
                        metadata:
                          name: web
                        """, Examples.policy("""
                        podSelector: {}
                        policyTypes: [Ingress]
                        ingress:
                        - from:
                          - namespaceSelector:
                              matchLabels:
                                name: web
                        """)),
                Examples.docs("""
                        apiVersion: v1
                        kind: Namespace
                        metadata:
                          name: web
                        """, Examples.policy("""
                        podSelector: {}
                        policyTypes: [Ingress]
                        ingress:
                        - from:
                          - namespaceSelector:
                              matchLabels:
                                kubernetes.io/metadata.name: web
                        """)));
    }

    @Override
    public List<Violation> check(LintContext context) {
        List<Violation> out = new ArrayList<>();
        if (!context.hasDeclaredNamespaces()) {
            return out;
        }
        List<String> known = context.knownNamespaces();
        // the same selectors recur in every namespace; the answer depends on the selector alone
        Map<LabelSelector, Boolean> matchesSome = new HashMap<>();
        for (PeerView peer : context.allPeers()) {
            var selector = peer.peer().getNamespaceSelector();
            if (selector == null || Selector.of(selector).selectsAll() || selectsOnlyByName(selector)) {
                continue; // by name it may well mean a namespace kept elsewhere, such as kube-system
            }
            boolean matches = matchesSome.computeIfAbsent(selector, s -> known.stream()
                    .anyMatch(ns -> Selector.of(s).matches(context.namespaceLabels(ns))));
            if (!matches) {
                out.add(peer.rule().policy().violation(peer.pointer() + "/namespaceSelector", peer.rule().direction(),
                        "NetworkPolicy " + peer.describe() + ": the namespaceSelector matches none of the namespaces "
                                + context.knownNamespaces() + " with their declared labels. To select a namespace by "
                                + "name use kubernetes.io/metadata.name; otherwise declare the label on the Namespace."));
            }
        }
        return out;
    }

    private static boolean selectsOnlyByName(io.fabric8.kubernetes.api.model.LabelSelector selector) {
        return Selector.of(selector).keys().stream().allMatch(NamespaceManifest.NAME_LABEL::equals);
    }
}
