package io.github.netpol.validate.lint.peers;

import io.github.netpol.finding.FindingCode;
import io.github.netpol.model.semantics.Selector;
import io.github.netpol.validate.lint.BaseRule;
import io.github.netpol.validate.lint.Examples;
import io.github.netpol.validate.lint.LintContext;
import io.github.netpol.validate.lint.PeerView;
import io.github.netpol.validate.lint.Violation;

import java.util.ArrayList;
import java.util.List;

/** {@code namespaceSelector: {}} without a narrowing podSelector: every pod of the cluster. */
public final class NamespaceSelectorAllRule extends BaseRule {

    public NamespaceSelectorAllRule() {
        super(FindingCode.NAMESPACE_SELECTOR_ALL_NAMESPACES,
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
