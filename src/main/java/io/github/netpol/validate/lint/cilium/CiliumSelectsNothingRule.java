package io.github.netpol.validate.lint.cilium;

import io.github.netpol.finding.FindingCode;
import io.github.netpol.model.WorkloadManifest;
import io.github.netpol.model.semantics.CiliumEndpoints;
import io.github.netpol.model.semantics.CiliumLabels;
import io.github.netpol.model.semantics.CiliumPolicy;
import io.github.netpol.model.semantics.Peer;
import io.github.netpol.validate.lint.BaseRule;
import io.github.netpol.validate.lint.CiliumPolicyView;
import io.github.netpol.validate.lint.Examples;
import io.github.netpol.validate.lint.LintContext;
import io.github.netpol.validate.lint.Violation;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * A Cilium rule's {@code endpointSelector} selects none of the declared workloads it could select: those of the
 * policy's namespace for a CiliumNetworkPolicy, any for a clusterwide one. Host policies ({@code nodeSelector}),
 * {@code reserved:} entities and selectors on keys the plugin does not model are left alone.
 */
public final class CiliumSelectsNothingRule extends BaseRule {

    private static final String SPEC = """
            endpointSelector:
              matchLabels:
                app: %s
            ingress:
            - fromEndpoints:
              - matchLabels:
                  app: web
            """;

    public CiliumSelectsNothingRule() {
        super(FindingCode.CILIUM_SELECTS_NOTHING,
                Examples.docs(Examples.deployment("api", "http", 8080), CiliumExamples.cnp("api", SPEC.formatted("api-server"))),
                Examples.docs(Examples.deployment("api", "http", 8080), CiliumExamples.cnp("api", SPEC.formatted("api"))));
    }

    @Override
    public List<Violation> check(LintContext context) {
        List<Violation> out = new ArrayList<>();
        for (CiliumPolicyView view : context.ciliumPolicies()) {
            boolean clusterwide = view.manifest().clusterwide();
            List<WorkloadManifest> declared = clusterwide ? context.workloads() : context.workloadsIn(view.policy().namespace());
            if (declared.isEmpty()) {
                continue;
            }
            for (CiliumPolicy.Rule rule : view.policy().rules()) {
                if (rule.subject() == null || entity(rule)) {
                    continue;
                }
                CiliumEndpoints.Selection selection = CiliumEndpoints.subject(rule.subject(), clusterwide);
                boolean none = selection instanceof CiliumEndpoints.NoPod
                        || selection instanceof CiliumEndpoints.Pods pods
                        && context.workloadsMatching(new Peer.Pods(pods.namespaces(), pods.pods())).isEmpty();
                if (none) {
                    out.add(view.violation(rule.pointer() + "/endpointSelector", null, "The endpointSelector of "
                            + (rule.pointer().equals("/spec") ? "" : rule.pointer().substring(1) + " of ") + view.describe()
                            + " selects none of the " + declared.size() + " workloads declared "
                            + (clusterwide ? "in the repository" : "in " + view.policy().namespace())
                            + " (e.g. " + example(declared.get(0)) + "), so its rules protect nothing and allow"
                            + " nothing. Check its labels against the pod templates (a key written with a source, like"
                            + " k8s:app, must still be a pod label).", null));
                }
            }
        }
        return out;
    }

    /** {@code Deployment shop/api with pod labels app=api}. */
    private static String example(WorkloadManifest w) {
        return w.kind() + " " + w.namespace() + "/" + w.name() + (w.podLabels().isEmpty() ? " without pod labels"
                : " with pod labels " + String.join(", ", new TreeMap<>(w.podLabels()).entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).toList()));
    }

    /** A {@code reserved:} key selects an entity such as the host or the health endpoint on purpose. */
    private static boolean entity(CiliumPolicy.Rule rule) {
        return rule.subject().requirements().stream()
                .anyMatch(r -> CiliumLabels.sourceOf(r.key()).equals(CiliumLabels.RESERVED));
    }
}
