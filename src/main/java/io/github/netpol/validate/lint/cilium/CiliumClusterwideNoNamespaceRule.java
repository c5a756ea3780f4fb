package io.github.netpol.validate.lint.cilium;

import io.github.netpol.finding.FindingCode;
import io.github.netpol.model.semantics.CiliumEndpoints;
import io.github.netpol.model.semantics.CiliumLabels;
import io.github.netpol.model.semantics.CiliumPolicy;
import io.github.netpol.model.semantics.Selector;
import io.github.netpol.validate.lint.BaseRule;
import io.github.netpol.validate.lint.CiliumPolicyView;
import io.github.netpol.validate.lint.LintContext;
import io.github.netpol.validate.lint.Violation;

import java.util.ArrayList;
import java.util.List;

/**
 * A CiliumClusterwideNetworkPolicy rule whose {@code endpointSelector} names no namespace, by name or by namespace
 * label, whatever the key's source prefix. Host policies and {@code reserved:} entities are left alone.
 */
public final class CiliumClusterwideNoNamespaceRule extends BaseRule {

    private static final String SPEC = """
            endpointSelector:
              matchLabels:
                app: api%s
            egress:
            - toEndpoints:
              - matchLabels:
                  io.kubernetes.pod.namespace: kube-system
                  k8s-app: kube-dns
              toPorts:
              - ports:
                - port: "53"
                  protocol: ANY
            """;

    public CiliumClusterwideNoNamespaceRule() {
        super(FindingCode.CILIUM_CLUSTERWIDE_NO_NAMESPACE,
                CiliumExamples.ccnp("api-dns", SPEC.formatted("")),
                CiliumExamples.ccnp("api-dns", SPEC.formatted("\n    io.cilium.k8s.namespace.labels.team: shop")));
    }

    @Override
    public List<Violation> check(LintContext context) {
        List<Violation> out = new ArrayList<>();
        for (CiliumPolicyView view : context.ciliumPolicies()) {
            if (!view.manifest().clusterwide()) {
                continue;
            }
            for (CiliumPolicy.Rule rule : view.policy().rules()) {
                if (rule.subject() == null || rule.subject().requirements().stream().anyMatch(r -> namespaceKey(r)
                        || CiliumLabels.sourceOf(r.key()).equals(CiliumLabels.RESERVED))) {
                    continue;
                }
                out.add(violation(view, rule));
            }
        }
        return out;
    }

    private static boolean namespaceKey(Selector.Requirement r) {
        String key = CiliumLabels.keyOf(r.key());
        return key.equals(CiliumLabels.POD_NAMESPACE) || key.startsWith(CiliumLabels.NAMESPACE_LABELS);
    }

    private static Violation violation(CiliumPolicyView view, CiliumPolicy.Rule rule) {
        String pointer = rule.pointer() + "/endpointSelector";
        String which = CiliumEndpoints.subject(rule.subject(), true) instanceof CiliumEndpoints.Pods pods
                ? "selects " + pods.pods().describe("pods", "every pod") : "selects its pods";
        boolean expressions = view.written(pointer + "/matchExpressions") != null;
        String fix = (expressions ? "" : "matchExpressions:\n") + """
                - key: io.kubernetes.pod.namespace
                  operator: NotIn
                  values: [kube-system]""";
        return view.violation(pointer, null, "The endpointSelector of " + view.describe(rule)
                + " has no namespace key, so it " + which + " in every namespace, kube-system and the other system"
                + " namespaces included: its default deny and its allows reach the cluster's own components too."
                + " Scope it with a namespace key in the endpointSelector: io.kubernetes.pod.namespace for namespaces"
                + " by name, io.cilium.k8s.namespace.labels.<label> for namespaces by label. If every namespace is"
                + " meant, exclude the system namespaces at least (below, under the endpointSelector), or use a"
                + " CiliumNetworkPolicy per namespace:", fix);
    }
}
