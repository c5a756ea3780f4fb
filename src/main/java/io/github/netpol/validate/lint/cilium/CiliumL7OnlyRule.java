package io.github.netpol.validate.lint.cilium;

import io.github.netpol.finding.FindingCode;
import io.github.netpol.model.semantics.CiliumPolicy;
import io.github.netpol.validate.lint.BaseRule;
import io.github.netpol.validate.lint.CiliumPolicyView;
import io.github.netpol.validate.lint.LintContext;
import io.github.netpol.validate.lint.Violation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * An allow item whose every {@code toPorts} entry carries L7 {@code rules}: its ports are opened to the proxy and
 * only the proxy decides which requests pass. Deny sections cannot carry L7 rules (validation rejects them).
 */
public final class CiliumL7OnlyRule extends BaseRule {

    private static final String SPEC = """
            endpointSelector:
              matchLabels:
                app: api
            ingress:
            - fromEndpoints:
              - matchLabels:
                  app: web
              toPorts:
              - ports:
                - port: "8080"
                  protocol: TCP
            %s""";

    public CiliumL7OnlyRule() {
        super(FindingCode.CILIUM_L7_ONLY_RULE,
                CiliumExamples.cnp("api", SPEC.formatted("""
                        rules:
                          http:
                          - method: GET
                            path: /api/.*
                    """)),
                CiliumExamples.cnp("api", SPEC.formatted("")));
    }

    @Override
    public List<Violation> check(LintContext context) {
        List<Violation> out = new ArrayList<>();
        for (CiliumPolicyView view : context.ciliumPolicies()) {
            for (CiliumPolicyView.AllowItem a : view.allowItems()) {
                TreeSet<String> kinds = l7Kinds(view.written(a.item().pointer() + "/toPorts"));
                if (!kinds.isEmpty()) {
                    out.add(violation(view, a.rule(), a.item(), kinds));
                }
            }
        }
        return out;
    }

    /** The L7 protocols ({@code http}, {@code dns} ...) when every entry of {@code toPorts} has {@code rules}; else none. */
    private static TreeSet<String> l7Kinds(Object toPorts) {
        TreeSet<String> kinds = new TreeSet<>();
        if (!(toPorts instanceof List<?> entries) || entries.isEmpty()) {
            return kinds;
        }
        for (Object entry : entries) {
            if (!(entry instanceof Map<?, ?> e) || !(e.get("rules") instanceof Map<?, ?> rules) || rules.isEmpty()) {
                return new TreeSet<>();
            }
            rules.keySet().forEach(k -> kinds.add(String.valueOf(k)));
        }
        return kinds;
    }

    private static Violation violation(CiliumPolicyView view, CiliumPolicy.Rule rule, CiliumPolicy.PeerRule item,
                                       TreeSet<String> kinds) {
        String l7 = String.join("/", kinds);
        return view.violation(item.pointer() + "/toPorts", item.section().direction(),
                view.describe(rule, item) + " allows " + CiliumPolicyView.ports(item) + " only through Cilium's L7"
                        + " proxy (" + l7 + " rules): the ports are opened at L4 to the proxy, and which requests"
                        + " pass is decided by the proxy alone, so the " + l7 + " rules hold only where the agent's L7"
                        + " proxy runs (l7Proxy, on by default), and at L3/L4 these ports are only possibly allowed."
                        + " If the requests the rules describe are all that is meant, keep it and keep the"
                        + " proxy enabled (suppress this finding with a reason); if the whole port is meant, drop"
                        + " the rules.", null);
    }
}
