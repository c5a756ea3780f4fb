package io.github.netpol.validate.lint.repository;

import io.github.netpol.finding.Direction;
import io.github.netpol.finding.FindingCode;
import io.github.netpol.model.WorkloadManifest;
import io.github.netpol.validate.lint.BaseRule;
import io.github.netpol.validate.lint.Examples;
import io.github.netpol.validate.lint.LintContext;
import io.github.netpol.validate.lint.PortView;
import io.github.netpol.validate.lint.PolicyRuleView;
import io.github.netpol.validate.lint.Violation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * A named port that none of the workloads it resolves on declares with that name and protocol:
 * on ingress the selected workloads, on egress the workloads the rule's peers match.
 */
public final class NamedPortNotDeclaredRule extends BaseRule {

    public NamedPortNotDeclaredRule() {
        super(FindingCode.NAMED_PORT_NOT_DECLARED,
                Examples.docs(Examples.deployment("api", "http", 8080), Examples.policy("""
                        podSelector:
                          matchLabels:
                            app: api
                        policyTypes: [Ingress]
                        ingress:
                        - ports:
                          - port: https
                        """)),
                Examples.docs(Examples.deployment("api", "http", 8080), Examples.policy("""
                        podSelector:
                          matchLabels:
                            app: api
                        policyTypes: [Ingress]
                        ingress:
                        - ports:
                          - port: http
                        """)));
    }

    @Override
    public List<Violation> check(LintContext context) {
        List<Violation> out = new ArrayList<>();
        if (!context.hasWorkloads()) {
            return out;
        }
        for (PolicyRuleView rule : context.allRules()) {
            // most rules name no port: their candidates (thousands of workloads for a wide peer) are not needed
            if (rule.ports().stream().noneMatch(PortView::isNamed)) {
                continue;
            }
            List<WorkloadManifest> candidates = candidates(context, rule);
            if (candidates.isEmpty()) {
                continue;
            }
            for (PortView port : rule.ports()) {
                if (port.isNamed() && candidates.stream().noneMatch(w -> declares(w, port))) {
                    String whose = rule.direction() == Direction.INGRESS ? "selected" : "destination";
                    out.add(rule.policy().violation(port.pointer() + "/port", rule.direction(),
                            rule.where() + ": no " + whose + " workload (" + names(candidates) + ") declares a "
                                    + port.protocol() + " container port named '" + port.name()
                                    + "', so this item matches nothing. Fix the name or the protocol."));
                }
            }
        }
        return out;
    }

    private static List<WorkloadManifest> candidates(LintContext context, PolicyRuleView rule) {
        if (rule.direction() == Direction.INGRESS) {
            return context.selectedWorkloads(rule.policy());
        }
        if (rule.allPeers()) {
            return context.workloads();
        }
        // by identity: a workload's equals and hashCode go through its whole source map
        Set<WorkloadManifest> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<WorkloadManifest> out = new ArrayList<>();
        rule.rule().peers().forEach(p -> context.peerWorkloads(rule.policy(), p).stream().filter(seen::add).forEach(out::add));
        return out;
    }

    private static boolean declares(WorkloadManifest w, PortView port) {
        return w.ports().stream().anyMatch(port::names);
    }

    /** Up to five workload ids; a workload declared twice (e.g. in two files) is named once. */
    static String names(List<WorkloadManifest> workloads) {
        List<String> ids = workloads.stream().map(WorkloadManifest::id).distinct().toList();
        return String.join(", ", ids.subList(0, Math.min(5, ids.size()))) + (ids.size() > 5 ? ", ..." : "");
    }
}
