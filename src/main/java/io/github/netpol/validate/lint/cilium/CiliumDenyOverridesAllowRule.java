package io.github.netpol.validate.lint.cilium;

import io.github.netpol.finding.FindingCode;
import io.github.netpol.model.semantics.CiliumPolicy;
import io.github.netpol.model.semantics.PolicyPort;
import io.github.netpol.validate.lint.BaseRule;
import io.github.netpol.validate.lint.CiliumPolicyView;
import io.github.netpol.validate.lint.LintContext;
import io.github.netpol.validate.lint.Violation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An allow item that a deny item of the same rule ({@code spec} or {@code specs[i]}, so the same pods) denies
 * entirely: a Cilium deny beats every allow, so the allow never lets anything through. The deny covers the allow
 * when it matches every peer ({@code all}, or no peer with ports) or the very same peers, on every port or on
 * every port of the allow.
 */
public final class CiliumDenyOverridesAllowRule extends BaseRule {

    private static final String SPEC = """
            endpointSelector:
              matchLabels:
                app: db
            ingress:
            - fromEndpoints:
              - matchLabels:
                  app: api
              toPorts:
              - ports:
                - port: "5432"
                  protocol: TCP
            ingressDeny:
            - fromEndpoints:
              - matchLabels:
                  app: %s
            """;

    public CiliumDenyOverridesAllowRule() {
        super(FindingCode.CILIUM_DENY_OVERRIDES_ALLOW,
                CiliumExamples.cnp("db", SPEC.formatted("api")),
                CiliumExamples.cnp("db", SPEC.formatted("batch")));
    }

    @Override
    public List<Violation> check(LintContext context) {
        List<Violation> out = new ArrayList<>();
        for (CiliumPolicyView view : context.ciliumPolicies()) {
            for (CiliumPolicyView.AllowItem a : view.allowItems()) {
                CiliumPolicy.Section denies = a.item().section() == CiliumPolicy.Section.INGRESS
                        ? CiliumPolicy.Section.INGRESS_DENY : CiliumPolicy.Section.EGRESS_DENY;
                covering(a.item(), a.rule().section(denies)).ifPresent(d -> out.add(view.violation(a.item().pointer(),
                        a.item().section().direction(), view.describe(a.rule(), a.item()) + " allows "
                                + CiliumPolicyView.ports(a.item()) + ", but " + d.label() + " of the same rule denies"
                                + " all of it, and a Cilium deny beats every allow: this allow never lets anything"
                                + " through. Narrow the deny to what must not pass, or remove the allow.", null)));
            }
        }
        return out;
    }

    /** The first deny item that matches everything the allow item matches. */
    private static Optional<CiliumPolicy.PeerRule> covering(CiliumPolicy.PeerRule allow, List<CiliumPolicy.PeerRule> denies) {
        if (allow.icmpOnly() || allow.anyPort() && allow.peer() instanceof CiliumPolicy.Wildcard) {
            return Optional.empty(); // allows nothing anyway
        }
        for (CiliumPolicy.PeerRule deny : denies) {
            boolean everyPeer = deny.peer() instanceof CiliumPolicy.Entities e && e.entities().contains("all")
                    || deny.peer() instanceof CiliumPolicy.Wildcard && !deny.anyPort() && !deny.icmpOnly();
            boolean peers = everyPeer || deny.peer().equals(allow.peer()) && !(allow.peer() instanceof CiliumPolicy.Unanalysed);
            boolean ports = deny.anyPort() && !(deny.peer() instanceof CiliumPolicy.Wildcard)
                    || !deny.anyPort() && !deny.icmpOnly() && !allow.anyPort()
                    && PolicyPort.covers(deny.ports(), allow.ports()) && !deny.ports().isEmpty();
            if (peers && ports) {
                return Optional.of(deny);
            }
        }
        return Optional.empty();
    }
}
