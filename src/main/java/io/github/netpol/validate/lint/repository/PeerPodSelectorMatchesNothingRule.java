package io.github.netpol.validate.lint.repository;

import io.github.netpol.finding.FindingCode;
import io.github.netpol.model.semantics.Selector;
import io.github.netpol.validate.lint.BaseRule;
import io.github.netpol.validate.lint.Examples;
import io.github.netpol.validate.lint.LintContext;
import io.github.netpol.validate.lint.PeerView;
import io.github.netpol.validate.lint.PolicyView;
import io.github.netpol.validate.lint.Violation;

import java.util.ArrayList;
import java.util.List;

/** A podSelector-only peer that matches no workload declared in the policy's namespace. */
public final class PeerPodSelectorMatchesNothingRule extends BaseRule {

    public PeerPodSelectorMatchesNothingRule() {
        super(FindingCode.PEER_POD_SELECTOR_MATCHES_NOTHING,
                Examples.docs(Examples.deployment("api", "http", 8080), Examples.deployment("frontend", "http", 8080),
                        Examples.policy("""
                                podSelector:
                                  matchLabels:
                                    app: api
                                policyTypes: [Ingress]
                                ingress:
                                - from:
                                  - podSelector:
                                      matchLabels:
                                        app: front-end
                                """)),
                Examples.docs(Examples.deployment("api", "http", 8080), Examples.deployment("frontend", "http", 8080),
                        Examples.policy("""
                                podSelector:
                                  matchLabels:
                                    app: api
                                policyTypes: [Ingress]
                                ingress:
                                - from:
                                  - podSelector:
                                      matchLabels:
                                        app: frontend
                                """)));
    }

    @Override
    public List<Violation> check(LintContext context) {
        List<Violation> out = new ArrayList<>();
        for (PeerView peer : context.allPeers()) {
            PolicyView policy = peer.rule().policy();
            if (!peer.podSelectorOnly() || Selector.of(peer.peer().getPodSelector()).selectsAll()
                    || context.workloadsIn(policy.namespace()).isEmpty()) {
                continue;
            }
            if (context.peerWorkloads(policy, peer.means()).isEmpty()) {
                out.add(policy.violation(peer.pointer() + "/podSelector", peer.rule().direction(),
                        "NetworkPolicy " + peer.describe() + ": the podSelector matches no workload declared in "
                                + policy.namespace() + ", so this peer allows nothing. Check the labels against the pod "
                                + "templates; for pods of another namespace add a namespaceSelector to the same item."));
            }
        }
        return out;
    }
}
