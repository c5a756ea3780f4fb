package io.github.netpol.validate.lint.cilium;

import io.github.netpol.finding.Direction;
import io.github.netpol.finding.FindingCode;
import io.github.netpol.model.semantics.CiliumPolicy;
import io.github.netpol.validate.lint.BaseRule;
import io.github.netpol.validate.lint.CiliumPolicyView;
import io.github.netpol.validate.lint.LintContext;
import io.github.netpol.validate.lint.PolicyView;
import io.github.netpol.validate.lint.Violation;

import java.util.ArrayList;
import java.util.List;

/**
 * A deny item that has nothing to override: its rule puts the pods in default deny for the direction, and no
 * allow of the repository could reach them (no Cilium allow for that direction in a policy that can select pods
 * of the namespace, no NetworkPolicy rule for it there). What it denies is denied anyway, so it protects against
 * nothing written, and reads as if something else were open. Information only: an allow added later, or one of
 * another repository, is what such a deny is sometimes kept for.
 */
public final class CiliumDenyOverridesNothingRule extends BaseRule {

    private static final String SPEC = """
            endpointSelector:
              matchLabels:
                app: db
            ingressDeny:
            - fromEndpoints:
              - matchLabels:
                  app: batch
            %s""";

    public CiliumDenyOverridesNothingRule() {
        super(FindingCode.CILIUM_DENY_OVERRIDES_NOTHING,
                CiliumExamples.cnp("db", SPEC.formatted("")),
                CiliumExamples.cnp("db", SPEC.formatted("""
                        ingress:
                        - fromEndpoints:
                          - matchLabels:
                              role: backend
                        """)));
    }

    @Override
    public List<Violation> check(LintContext context) {
        List<Violation> out = new ArrayList<>();
        for (CiliumPolicyView view : context.ciliumPolicies()) {
            for (CiliumPolicy.Rule rule : view.policy().rules()) {
                for (CiliumPolicy.Section section : List.of(CiliumPolicy.Section.INGRESS_DENY, CiliumPolicy.Section.EGRESS_DENY)) {
                    Direction d = section.direction();
                    if (rule.nodeSelector() || rule.section(section).isEmpty() || !rule.defaultDeny(d)
                            || anyAllow(context, view, d)) {
                        continue;
                    }
                    CiliumPolicy.PeerRule first = rule.section(section).get(0);
                    out.add(view.violation(first.pointer(), d, view.describe(rule, first) + " denies " + d.label()
                            + " of pods its rule already puts in default deny for " + d.label() + ", and no allow in"
                            + " the sources (no Cilium " + d.label() + " allow, no NetworkPolicy " + d.label()
                            + " rule in " + where(view) + ") could let anything through to override: the deny changes"
                            + " nothing. Keep it only if an allow elsewhere is meant to be overridden; otherwise remove"
                            + " it, or write the allow it was meant to carve an exception from.", null));
                }
            }
        }
        return out;
    }

    private static String where(CiliumPolicyView view) {
        return view.manifest().clusterwide() ? "any namespace" : view.manifest().namespace();
    }

    /** Whether some Cilium allow or NetworkPolicy rule for the direction could apply to pods the view selects. */
    private static boolean anyAllow(LintContext context, CiliumPolicyView view, Direction d) {
        String ns = view.manifest().namespace();
        for (CiliumPolicyView other : context.ciliumPolicies()) {
            boolean reaches = ns == null || other.manifest().clusterwide() || ns.equals(other.manifest().namespace());
            if (reaches && other.allowItems().stream().anyMatch(a -> a.item().section().direction() == d)) {
                return true;
            }
        }
        List<PolicyView> policies = ns == null ? context.policies() : context.policiesIn(ns);
        return policies.stream().anyMatch(p -> p.isolates(d) && !p.rules(d).isEmpty());
    }
}
