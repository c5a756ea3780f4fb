package io.github.netpol.validate.lint;

import io.github.netpol.finding.Severity;

import java.util.ArrayList;
import java.util.List;

/** A namespaceSelector that matches no namespace known to the repository (quiet when none is declared). */
public final class NamespaceSelectorMatchesNothingRule extends BaseRule {

    public NamespaceSelectorMatchesNothingRule() {
        super("namespace-selector-matches-nothing", Severity.WARNING,
                "A peer `namespaceSelector` that matches no namespace the repository declares or uses (quiet when it declares no Namespace)",
                "Typically `name: web` instead of `kubernetes.io/metadata.name: web`, or a label nobody sets: the allow is dead.",
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
        for (PeerView peer : context.allPeers()) {
            var selector = peer.peer().getNamespaceSelector();
            if (selector == null || Selectors.isEmpty(selector)) {
                continue;
            }
            boolean matches = context.knownNamespaces().stream()
                    .anyMatch(ns -> Selectors.matches(selector, context.namespaceLabels(ns)));
            if (!matches) {
                out.add(peer.rule().policy().violation(peer.pointer() + "/namespaceSelector", peer.rule().direction(),
                        "NetworkPolicy " + peer.describe() + ": the namespaceSelector matches none of the namespaces "
                                + context.knownNamespaces() + " with their declared labels. To select a namespace by "
                                + "name use kubernetes.io/metadata.name; otherwise declare the label on the Namespace."));
            }
        }
        return out;
    }
}
