package io.github.netpol.validate.lint.cilium;

import io.github.netpol.finding.Direction;
import io.github.netpol.finding.FindingCode;
import io.github.netpol.model.semantics.CiliumPolicy;
import io.github.netpol.validate.lint.BaseRule;
import io.github.netpol.validate.lint.CiliumPolicyView;
import io.github.netpol.validate.lint.LintContext;
import io.github.netpol.validate.lint.Violation;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * An allow item with the entity {@code all}, or with {@code world} (or its IPv4/IPv6 halves) in an ingress section.
 * Deny sections are left alone: denying every peer narrows. A deny of {@code world} on every port in the same
 * rule takes the external addresses back, so the rule stays quiet then.
 */
public final class CiliumEntityWorldAllRule extends BaseRule {

    private static final Set<String> WORLD = Set.of("world", "world-ipv4", "world-ipv6");

    private static final String SPEC = """
            endpointSelector:
              matchLabels:
                app: api
            ingress:
            - %s
              toPorts:
              - ports:
                - port: "443"
                  protocol: TCP
            """;

    public CiliumEntityWorldAllRule() {
        super(FindingCode.CILIUM_ENTITY_WORLD_ALL,
                CiliumExamples.cnp("api", SPEC.formatted("fromEntities: [world]")),
                CiliumExamples.cnp("api", SPEC.formatted("""
                        fromCIDRSet:
                          - cidr: 203.0.113.0/24""")));
    }

    @Override
    public List<Violation> check(LintContext context) {
        List<Violation> out = new ArrayList<>();
        for (CiliumPolicyView view : context.ciliumPolicies()) {
            for (CiliumPolicyView.AllowItem a : view.allowItems()) {
                if (!(a.item().peer() instanceof CiliumPolicy.Entities entities)) {
                    continue;
                }
                Direction d = a.item().section().direction();
                for (int i = 0; i < entities.entities().size(); i++) {
                    String entity = entities.entities().get(i);
                    boolean flagged = entity.equals("all") || d == Direction.INGRESS && WORLD.contains(entity);
                    if (flagged && !worldDenied(a.rule(), d)) {
                        out.add(violation(view, a.rule(), a.item(), i, entity));
                    }
                }
            }
        }
        return out;
    }

    /**
     * Whether the same rule denies every port from or to {@code world}: then {@code all} is the cluster and
     * {@code world} is taken back (the Cilium documentation's "allow all, deny world" lockdown).
     */
    private static boolean worldDenied(CiliumPolicy.Rule rule, Direction direction) {
        CiliumPolicy.Section deny = direction == Direction.INGRESS ? CiliumPolicy.Section.INGRESS_DENY
                : CiliumPolicy.Section.EGRESS_DENY;
        return rule.section(deny).stream().anyMatch(item -> item.anyPort()
                && item.peer() instanceof CiliumPolicy.Entities e
                && (e.entities().contains("world") || e.entities().contains("all")
                || e.entities().containsAll(List.of("world-ipv4", "world-ipv6"))));
    }

    private static Violation violation(CiliumPolicyView view, CiliumPolicy.Rule rule, CiliumPolicy.PeerRule item,
                                       int index, String entity) {
        boolean ingress = item.section().direction() == Direction.INGRESS;
        String field = ingress ? "fromEntities" : "toEntities";
        String cidrField = ingress ? "fromCIDRSet" : "toCIDRSet";
        String endpoints = ingress ? "fromEndpoints" : "toEndpoints";
        String what = entity.equals("all")
                ? "every endpoint and every address, in the cluster and outside it,"
                : "every address outside the cluster" + (entity.equals("world") ? "" : " (" + entity.substring(6) + ")");
        String verb = ingress ? " lets " + what + " connect on " : " allows connections to " + what + " on ";
        String narrower = entity.equals("all")
                ? "Name the peers instead: " + endpoints + " for pods, " + field + ": [cluster] for the whole cluster,"
                + " " + cidrField + " with the external ranges meant (" + field + ": [world] only if truly every"
                + " external address is)."
                : "If only some clients are meant, name their ranges with " + cidrField + " (cidr, except) instead;"
                + " if the whole internet is meant (a public endpoint), suppress this finding with the reason.";
        return view.violation(item.pointer() + "/" + field + "/" + index, item.section().direction(),
                view.describe(rule, item) + " has the entity '" + entity + "' in " + field + ", which" + verb
                        + CiliumPolicyView.ports(item) + ". " + narrower, null);
    }
}
