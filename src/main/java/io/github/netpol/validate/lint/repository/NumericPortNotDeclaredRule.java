package io.github.netpol.validate.lint.repository;

import io.github.netpol.finding.Direction;
import io.github.netpol.finding.FindingCode;
import io.github.netpol.model.WorkloadManifest;
import io.github.netpol.validate.lint.BaseRule;
import io.github.netpol.validate.lint.Examples;
import io.github.netpol.validate.lint.LintContext;
import io.github.netpol.validate.lint.PolicyView;
import io.github.netpol.validate.lint.PortView;
import io.github.netpol.validate.lint.PolicyRuleView;
import io.github.netpol.validate.lint.Violation;

import java.util.ArrayList;
import java.util.List;

/** An ingress port number (or range) that none of the selected workloads' containers declares. */
public final class NumericPortNotDeclaredRule extends BaseRule {

    public NumericPortNotDeclaredRule() {
        super(FindingCode.NUMERIC_PORT_NOT_DECLARED,
                Examples.docs(Examples.deployment("api", "http", 8080), Examples.policy("""
                        podSelector:
                          matchLabels:
                            app: api
                        policyTypes: [Ingress]
                        ingress:
                        - ports:
                          - port: 9090
                        """)),
                Examples.docs(Examples.deployment("api", "http", 8080), Examples.policy("""
                        podSelector:
                          matchLabels:
                            app: api
                        policyTypes: [Ingress]
                        ingress:
                        - ports:
                          - port: 8080
                        """)));
    }

    @Override
    public List<Violation> check(LintContext context) {
        List<Violation> out = new ArrayList<>();
        for (PolicyView policy : context.policies()) {
            // containers need not declare ports; only judge workloads that declare some
            List<WorkloadManifest> selected = context.selectedWorkloads(policy).stream()
                    .filter(w -> !w.ports().isEmpty()).toList();
            if (selected.isEmpty()) {
                continue;
            }
            for (PolicyRuleView rule : policy.rules(Direction.INGRESS)) {
                for (PortView port : rule.ports()) {
                    if (port.isNumeric() && selected.stream().noneMatch(w -> declares(w, port))) {
                        out.add(policy.violation(port.pointer() + "/port", Direction.INGRESS,
                                rule.where() + ": no selected workload (" + NamedPortNotDeclaredRule.names(selected)
                                        + ") declares container port " + port.describe()
                                        + "; the rule is probably stale. Fix the port or delete the item."));
                    }
                }
            }
        }
        return out;
    }

    private static boolean declares(WorkloadManifest w, PortView port) {
        return w.ports().stream().anyMatch(c -> port.protocol().equals(c.protocol())
                && port.from() <= c.port() && c.port() <= port.to());
    }
}
