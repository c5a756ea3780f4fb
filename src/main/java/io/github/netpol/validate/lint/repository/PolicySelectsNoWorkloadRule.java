package io.github.netpol.validate.lint.repository;

import io.github.netpol.finding.FindingCode;
import io.github.netpol.model.WorkloadManifest;
import io.github.netpol.validate.lint.BaseRule;
import io.github.netpol.validate.lint.Examples;
import io.github.netpol.validate.lint.LintContext;
import io.github.netpol.validate.lint.PolicyView;
import io.github.netpol.validate.lint.Violation;

import java.util.ArrayList;
import java.util.List;

/** spec.podSelector matches none of the workloads declared in the policy's namespace. */
public final class PolicySelectsNoWorkloadRule extends BaseRule {

    public PolicySelectsNoWorkloadRule() {
        super(FindingCode.POLICY_SELECTS_NO_WORKLOAD,
                Examples.docs(Examples.deployment("api", "http", 8080), Examples.policy("""
                        podSelector:
                          matchLabels:
                            app: api-server
                        policyTypes: [Ingress]
                        """)),
                Examples.docs(Examples.deployment("api", "http", 8080), Examples.policy("""
                        podSelector:
                          matchLabels:
                            app: api
                        policyTypes: [Ingress]
                        """)));
    }

    @Override
    public List<Violation> check(LintContext context) {
        List<Violation> out = new ArrayList<>();
        for (PolicyView p : context.policies()) {
            List<WorkloadManifest> declared = context.workloadsIn(p.namespace());
            if (!declared.isEmpty() && context.selectedWorkloads(p).isEmpty()) {
                out.add(p.violation("/spec/podSelector", null, "NetworkPolicy " + p.ref()
                        + ": spec.podSelector matches none of the " + declared.size() + " workloads declared in "
                        + p.namespace() + ", so it protects nothing. Check the labels against the pod templates."));
            }
        }
        return out;
    }
}
