package io.github.netpol.validate.lint.repository;

import io.github.netpol.finding.Direction;
import io.github.netpol.finding.FindingCode;
import io.github.netpol.model.WorkloadManifest;
import io.github.netpol.validate.lint.BaseRule;
import io.github.netpol.validate.lint.Examples;
import io.github.netpol.validate.lint.LintContext;
import io.github.netpol.validate.lint.PolicyView;
import io.github.netpol.validate.lint.Violation;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Pods isolated for egress with no egress rule allowing port 53 over UDP and TCP. The pods of a
 * policy are judged by the declared workloads it selects; with none declared, only policies
 * selecting all pods or the same pods count as allowing DNS for them.
 */
public final class EgressDnsBlockedRule extends BaseRule {
    private static final List<String> PROTOCOLS = List.of("UDP", "TCP");

    public EgressDnsBlockedRule() {
        super(FindingCode.EGRESS_DNS_BLOCKED,
                Examples.policy("default-deny-egress", """
                        podSelector: {}
                        policyTypes: [Egress]
                        """),
                Examples.policy("default-deny-egress", """
                        podSelector: {}
                        policyTypes: [Egress]
                        egress:
                        - to:
                          - namespaceSelector:
                              matchLabels:
                                kubernetes.io/metadata.name: kube-system
                            podSelector:
                              matchLabels:
                                k8s-app: kube-dns
                          ports:
                          - port: 53
                            protocol: UDP
                          - port: 53
                            protocol: TCP
                        """));
    }

    @Override
    public List<Violation> check(LintContext context) {
        List<Violation> out = new ArrayList<>();
        // every policy of a namespace asks about the same workloads and policies: each is decided once (by identity)
        Map<PolicyView, List<String>> dnsOf = new IdentityHashMap<>();
        Map<WorkloadManifest, List<String>> blockedOf = new IdentityHashMap<>();
        for (PolicyView policy : context.policies()) {
            if (!policy.isolates(Direction.EGRESS)) {
                continue;
            }
            List<PolicyView> peers = context.policiesIn(policy.namespace()).stream()
                    .filter(p -> p.isolates(Direction.EGRESS)).toList();
            List<WorkloadManifest> selected = context.selectedWorkloads(policy);
            List<String> missing = PROTOCOLS.stream().filter(proto -> selected.isEmpty()
                    ? peers.stream().filter(p -> p.selector().selectsAll()
                            || Objects.equals(p.podSelector(), policy.podSelector()))
                            .noneMatch(p -> dnsOf.computeIfAbsent(p, EgressDnsBlockedRule::dnsProtocols).contains(proto))
                    : selected.stream().anyMatch(w -> blockedOf.computeIfAbsent(w, x -> blocked(x, peers, dnsOf))
                            .contains(proto)))
                    .toList();
            if (!missing.isEmpty()) {
                String pointer = policy.written("/spec/policyTypes") ? "/spec/policyTypes" : "/spec/podSelector";
                out.add(policy.violation(pointer, Direction.EGRESS, "NetworkPolicy " + policy.ref()
                        + " isolates its pods for egress, but no egress rule for them allows DNS on "
                        + String.join(" and ", missing.stream().map(p -> p + "/53").toList())
                        + ", so name resolution fails. Add an egress rule to the cluster DNS (namespace kube-system, "
                        + "k8s-app: kube-dns) on port 53 with protocol UDP and with protocol TCP."));
            }
        }
        return out;
    }

    /**
     * The protocols on which none of the egress-isolating policies of its namespace that select the workload
     * allows DNS.
     */
    private static List<String> blocked(WorkloadManifest w, List<PolicyView> egressPolicies,
                                        Map<PolicyView, List<String>> dnsOf) {
        List<PolicyView> selecting = egressPolicies.stream().filter(p -> p.selector().matches(w.podLabels()))
                .toList();
        return PROTOCOLS.stream().filter(proto -> selecting.stream()
                .noneMatch(p -> dnsOf.computeIfAbsent(p, EgressDnsBlockedRule::dnsProtocols).contains(proto))).toList();
    }

    /** The protocols over which the policy allows DNS. */
    private static List<String> dnsProtocols(PolicyView policy) {
        return PROTOCOLS.stream().filter(proto -> allowsDns(proto).test(policy)).toList();
    }

    /** True when some effective egress rule of the policy allows port 53 (or the usual DNS port names) over proto. */
    private static Predicate<PolicyView> allowsDns(String proto) {
        return p -> p.effectiveRules(Direction.EGRESS).stream().anyMatch(r -> r.allPorts() || r.ports().stream()
                .anyMatch(port -> port.covers(proto, 53) || (port.isNamed() && port.protocol().equals(proto)
                        && port.name().startsWith("dns"))));
    }
}
