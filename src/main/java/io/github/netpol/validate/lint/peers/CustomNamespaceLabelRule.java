package io.github.netpol.validate.lint.peers;

import io.github.netpol.finding.FindingCode;
import io.github.netpol.model.NamespaceManifest;
import io.github.netpol.model.semantics.Selector;
import io.github.netpol.validate.lint.BaseRule;
import io.github.netpol.validate.lint.Examples;
import io.github.netpol.validate.lint.LintContext;
import io.github.netpol.validate.lint.PeerView;
import io.github.netpol.validate.lint.Violation;

import java.util.ArrayList;
import java.util.List;

/** Namespaces selected by a label anyone who may edit Namespaces can set, not by their name. */
public final class CustomNamespaceLabelRule extends BaseRule {

    public CustomNamespaceLabelRule() {
        super(FindingCode.NAMESPACE_SELECTED_BY_CUSTOM_LABEL,
                Examples.policy("""
                        podSelector: {}
                        policyTypes: [Ingress]
                        ingress:
                        - from:
                          - namespaceSelector:
                              matchLabels:
                                team: web
                        """),
                Examples.policy("""
                        podSelector: {}
                        policyTypes: [Ingress]
                        ingress:
                        - from:
                          - namespaceSelector:
                              matchLabels:
                                kubernetes.io/metadata.name: web
                        """));
    }

    @Override
    public List<Violation> check(LintContext context) {
        List<Violation> out = new ArrayList<>();
        for (PeerView peer : context.allPeers()) {
            List<String> keys = Selector.of(peer.peer().getNamespaceSelector()).keys();
            if (!keys.isEmpty() && !keys.contains(NamespaceManifest.NAME_LABEL)) {
                out.add(peer.rule().policy().violation(peer.pointer() + "/namespaceSelector", peer.rule().direction(),
                        "NetworkPolicy " + peer.describe() + ": namespaces are selected by " + String.join(", ", keys)
                                + ", which anyone allowed to edit Namespace labels can set. Prefer "
                                + NamespaceManifest.NAME_LABEL + " (matchExpressions with operator In for several namespaces)."));
            }
        }
        return out;
    }
}
