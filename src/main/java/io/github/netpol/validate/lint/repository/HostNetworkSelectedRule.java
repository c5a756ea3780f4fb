package io.github.netpol.validate.lint.repository;

import io.github.netpol.finding.FindingCode;
import io.github.netpol.model.WorkloadManifest;
import io.github.netpol.validate.lint.BaseRule;
import io.github.netpol.validate.lint.Examples;
import io.github.netpol.validate.lint.LintContext;
import io.github.netpol.validate.lint.PeerView;
import io.github.netpol.validate.lint.PolicyView;
import io.github.netpol.validate.lint.Violation;

import java.util.ArrayList;
import java.util.List;

/** A hostNetwork workload selected by a policy or matched by a peer: behaviour is undefined. */
public final class HostNetworkSelectedRule extends BaseRule {

    public HostNetworkSelectedRule() {
        super(FindingCode.HOST_NETWORK_WORKLOAD_SELECTED,
                Examples.docs("""
                        apiVersion: v1
                        kind: Pod
                        metadata:
                          name: agent
                          namespace: shop
                          labels:
                            app: agent
                        spec:
                          hostNetwork: true
                          containers:
                          - name: agent
                            image: example/agent
                        """, Examples.policy("""
                        podSelector:
                          matchLabels:
                            app: agent
                        policyTypes: [Ingress]
                        """)),
                Examples.docs("""
                        apiVersion: v1
                        kind: Pod
                        metadata:
                          name: agent
                          namespace: shop
                          labels:
                            app: agent
                        spec:
                          containers:
                          - name: agent
                            image: example/agent
                        """, Examples.policy("""
                        podSelector:
                          matchLabels:
                            app: agent
                        policyTypes: [Ingress]
                        """)));
    }

    @Override
    public List<Violation> check(LintContext context) {
        List<Violation> out = new ArrayList<>();
        // the usual case; otherwise every peer's matched workloads (thousands for a wide peer) would be filtered
        if (context.workloads().stream().noneMatch(WorkloadManifest::hostNetwork)) {
            return out;
        }
        for (PolicyView policy : context.policies()) {
            List<WorkloadManifest> selected = hostNetwork(context.selectedWorkloads(policy));
            if (!selected.isEmpty()) {
                out.add(policy.violation("/spec/podSelector", null, "NetworkPolicy " + policy.ref() + " selects hostNetwork "
                        + "workload(s) " + NamedPortNotDeclaredRule.names(selected) + "; most network plugins do not "
                        + "apply policies to them. Protect them on the host, or narrow the podSelector."));
            }
        }
        for (PeerView peer : context.allPeers()) {
            List<WorkloadManifest> matched = hostNetwork(context.peerWorkloads(peer.rule().policy(), peer.means()));
            if (!matched.isEmpty()) {
                out.add(peer.rule().policy().violation(peer.pointer(), peer.rule().direction(), "NetworkPolicy "
                        + peer.describe() + " matches hostNetwork workload(s) " + NamedPortNotDeclaredRule.names(matched)
                        + ", whose traffic most network plugins treat as node traffic, so the peer may not match it. "
                        + "Use an ipBlock of the node addresses if that traffic must be allowed."));
            }
        }
        return out;
    }

    private static List<WorkloadManifest> hostNetwork(List<WorkloadManifest> workloads) {
        return workloads.stream().filter(WorkloadManifest::hostNetwork).toList();
    }
}
