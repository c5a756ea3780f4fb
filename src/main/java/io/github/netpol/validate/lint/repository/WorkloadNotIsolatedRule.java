package io.github.netpol.validate.lint.repository;

import io.github.netpol.finding.Direction;
import io.github.netpol.finding.FindingCode;
import io.github.netpol.model.WorkloadManifest;
import io.github.netpol.validate.lint.BaseRule;
import io.github.netpol.validate.lint.Examples;
import io.github.netpol.validate.lint.LintContext;
import io.github.netpol.validate.lint.Subject;
import io.github.netpol.validate.lint.Violation;

import java.util.ArrayList;
import java.util.List;

/**
 * A declared workload that no policy selects for a direction, and that no Admin- or Baseline-tier Deny of every
 * peer and port covers: that direction is unrestricted.
 */
abstract class WorkloadNotIsolatedRule extends BaseRule {
    private final Direction direction;

    WorkloadNotIsolatedRule(FindingCode code, Direction direction, String before, String after) {
        super(code, before, after);
        this.direction = direction;
    }

    @Override
    public final List<Violation> check(LintContext context) {
        List<Violation> out = new ArrayList<>();
        for (WorkloadManifest w : context.workloads()) {
            if (!context.isolated(w, direction) && TierIsolation.isolating(context, w, direction).isEmpty()
                    && CiliumIsolation.isolating(context, w, direction).isEmpty()) {
                out.add(new Violation(Subject.of(w), "/metadata/name", direction, w.kind() + " " + w.namespace() + "/"
                        + w.name() + " is selected by no NetworkPolicy with " + direction.policyType()
                        + " in policyTypes" + (context.tierPolicies().isEmpty() ? ""
                        : " and by no Admin- or Baseline-tier Deny of every peer and port")
                        + ", so all its " + direction.label() + " traffic is allowed. Add a policy that "
                        + "selects it (or a default-deny with podSelector: {}) in " + w.namespace() + "."));
            }
        }
        return out;
    }

    static String isolated(String types) {
        return Examples.docs(Examples.deployment("api", "http", 8080), Examples.policy("default-deny", """
                podSelector: {}
                policyTypes: %s
                """.formatted(types)));
    }
}
