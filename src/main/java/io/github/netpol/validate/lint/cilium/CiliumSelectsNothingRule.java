package io.github.netpol.validate.lint.cilium;

import io.github.netpol.finding.FindingCode;
import io.github.netpol.finding.Witness;
import io.github.netpol.model.NamespaceManifest;
import io.github.netpol.model.WorkloadManifest;
import io.github.netpol.model.semantics.CiliumEndpoints;
import io.github.netpol.model.semantics.CiliumLabels;
import io.github.netpol.model.semantics.CiliumPolicy;
import io.github.netpol.model.semantics.Peer;
import io.github.netpol.model.semantics.Selector;
import io.github.netpol.validate.lint.BaseRule;
import io.github.netpol.validate.lint.CiliumPolicyView;
import io.github.netpol.validate.lint.Examples;
import io.github.netpol.validate.lint.LintContext;
import io.github.netpol.validate.lint.Violation;

import java.util.ArrayList;
import java.util.List;

/**
 * A Cilium rule's {@code endpointSelector} selects none of the declared workloads of the namespaces it selects
 * (a CiliumNetworkPolicy's own namespace, or those a clusterwide selector matches). A selector of namespaces the
 * repository holds no workload of is about namespaces kept elsewhere, and one by namespace label is judged only
 * when the namespaces with workloads are declared. Host policies ({@code nodeSelector}), {@code reserved:} entities
 * and selectors on keys the plugin does not model are left alone.
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
        // a selector by namespace label is judged only when every namespace with workloads is declared
        boolean someWithWorkloadsUndeclared = context.knownNamespaces().stream()
                .anyMatch(ns -> !context.workloadsIn(ns).isEmpty() && context.declaredNamespace(ns).isEmpty());
        for (CiliumPolicyView view : context.ciliumPolicies()) {
            boolean clusterwide = view.manifest().clusterwide();
            for (CiliumPolicy.Rule rule : view.policy().rules()) {
                if (rule.subject() == null || entity(rule)) {
                    continue;
                }
                CiliumEndpoints.Selection selection = CiliumEndpoints.subject(rule.subject(), clusterwide);
                List<String> namespaces;
                if (selection instanceof CiliumEndpoints.Pods pods) {
                    namespaces = judgedNamespaces(context, pods.namespaces(), someWithWorkloadsUndeclared);
                    if (namespaces.isEmpty()
                            || !context.workloadsMatching(new Peer.Pods(pods.namespaces(), pods.pods())).isEmpty()) {
                        continue;
                    }
                } else if (selection instanceof CiliumEndpoints.NoPod) {
                    namespaces = clusterwide ? context.knownNamespaces() : List.of(view.policy().namespace());
                } else {
                    continue;
                }
                List<WorkloadManifest> declared = namespaces.stream().flatMap(ns -> context.workloadsIn(ns).stream()).toList();
                if (!declared.isEmpty()) {
                    out.add(violation(view, rule, namespaces, declared));
                }
            }
        }
        return out;
    }

    /**
     * The namespaces holding declared workloads that the subject's namespace selector matches; none when it selects
     * by a namespace label and some namespace with workloads is not declared (its labels are unknown), or when
     * it selects only namespaces kept elsewhere.
     */
    private static List<String> judgedNamespaces(LintContext context, Selector namespaces,
                                                 boolean someWithWorkloadsUndeclared) {
        boolean byLabel = namespaces.requirements().stream().anyMatch(r -> !r.key().equals(NamespaceManifest.NAME_LABEL));
        if (byLabel && someWithWorkloadsUndeclared) {
            return List.of();
        }
        return context.namespacesPossiblyMatching(namespaces).stream().filter(ns -> !context.workloadsIn(ns).isEmpty())
                .filter(ns -> namespaces.matches(context.namespaceLabels(ns))).toList();
    }

    private static Violation violation(CiliumPolicyView view, CiliumPolicy.Rule rule, List<String> namespaces,
                                       List<WorkloadManifest> declared) {
        return view.violation(rule.pointer() + "/endpointSelector", null, "The endpointSelector of " + view.describe(rule)
                + " selects none of the " + declared.size() + " workloads declared in " + String.join(", ", namespaces)
                + " (e.g. " + example(declared.get(0)) + "), so its rules protect nothing and allow nothing. Check its"
                + " labels against the pod templates (a key written with a source, like k8s:app, must still be a pod"
                + " label).", null);
    }

    /** {@code Deployment shop/api with pod labels app=api}. */
    private static String example(WorkloadManifest w) {
        return w.kind() + " " + w.namespace() + "/" + w.name() + (w.podLabels().isEmpty() ? " without pod labels"
                : " with pod labels " + Witness.labels(w.podLabels()));
    }

    /** A {@code reserved:} key selects an entity such as the host or the health endpoint on purpose. */
    private static boolean entity(CiliumPolicy.Rule rule) {
        return rule.subject().requirements().stream()
                .anyMatch(r -> CiliumLabels.sourceOf(r.key()).equals(CiliumLabels.RESERVED));
    }
}
