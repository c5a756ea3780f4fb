package io.github.netpol.validate.lint;

import io.github.netpol.finding.Severity;
import io.github.netpol.model.semantics.Selector;

import java.util.ArrayList;
import java.util.List;

/** {@code namespaceSelector: {}} without a narrowing podSelector: every pod of the cluster. */
public final class NamespaceSelectorAllRule extends BaseRule {

    public NamespaceSelectorAllRule() {
        super("namespace-selector-all-namespaces", Severity.WARNING,
                "A peer `namespaceSelector: {}` with no (or an empty) `podSelector`: every pod in every namespace",
                "It admits every pod of the cluster, including namespaces created later; usually one namespace "
                        + "(by `kubernetes.io/metadata.name`) or one workload was meant.",
                Examples.policy("""
                        podSelector:
                          matchLabels:
                            app: api
                        policyTypes: [Ingress]
                        ingress:
                        - from:
                          - namespaceSelector: {}
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
                                kubernetes.io/metadata.name: monitoring
                            podSelector:
                              matchLabels:
                                app: prometheus
                        """));
    }

    @Override
    public List<Violation> check(LintContext context) {
        List<Violation> out = new ArrayList<>();
        for (PeerView peer : context.allPeers()) {
            if (peer.peer().getNamespaceSelector() != null && Selector.of(peer.peer().getNamespaceSelector()).selectsAll()
                    && Selector.of(peer.peer().getPodSelector()).selectsAll()) {
                out.add(peer.rule().policy().violation(peer.pointer() + "/namespaceSelector", peer.rule().direction(),
                        "NetworkPolicy " + peer.describe() + ": `namespaceSelector: {}` matches every pod in every namespace. "
                                + "Select the namespace by kubernetes.io/metadata.name and the pods by a podSelector in the same item."));
            }
        }
        return out;
    }
}
