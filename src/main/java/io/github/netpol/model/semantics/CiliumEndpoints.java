package io.github.netpol.model.semantics;

import io.github.netpol.model.NamespaceManifest;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a Cilium endpoint selector (keys extended, {@link CiliumLabels#selector}) selects among pods, in the form
 * the rest of the plugin reads pod peers: a selector over the namespace's labels (its name as the label
 * {@code kubernetes.io/metadata.name}) and one over the pod's labels. Written once for the subject
 * ({@code endpointSelector}) and the peers ({@code fromEndpoints}/{@code toEndpoints}), with Cilium's defaulting
 * ({@code utils.go}): a CiliumNetworkPolicy's subject is its namespace's pods (the match {@link CiliumPolicy} adds;
 * an {@code any:} namespace key written there still has to hold); its peer without a namespace key is in its
 * namespace; a CiliumClusterwideNetworkPolicy's peer without one is a pod of any namespace.
 */
public final class CiliumEndpoints {

    /** How Cilium's selection reads in pods; {@link Unanalysed} where the manifests cannot decide it. */
    public sealed interface Selection {
    }

    /** The pods whose namespace {@code namespaces} and whose own labels {@code pods} select. */
    public record Pods(Selector namespaces, Selector pods) implements Selection {
    }

    /** No pod: a requirement no pod label can meet (another label source, a {@code reserved:} key of a subject). */
    public record NoPod() implements Selection {
    }

    /** A selector whose meaning the plugin does not model; the reason names the key. */
    public record Unanalysed(String reason) implements Selection {
    }

    private static final String NS_KEY = CiliumLabels.POD_NAMESPACE;

    private CiliumEndpoints() {
    }

    /**
     * The pods an {@code endpointSelector} selects, as {@link CiliumPolicy.Rule#subject} holds it (with the
     * namespace match the agent adds to a CiliumNetworkPolicy's).
     */
    public static Selection subject(Selector extended, boolean clusterwide) {
        return read(extended, clusterwide, null, true);
    }

    /** The pods a {@code fromEndpoints}/{@code toEndpoints} item selects. */
    public static Selection peer(Selector extended, boolean clusterwide, String policyNamespace) {
        return read(extended, clusterwide, policyNamespace, false);
    }

    private static Selection read(Selector extended, boolean clusterwide, String policyNamespace, boolean subject) {
        List<Selector.Requirement> namespaces = new ArrayList<>();
        List<Selector.Requirement> pods = new ArrayList<>();
        boolean namespaceKey = false;
        boolean namespaceLabelKey = false;
        for (Selector.Requirement r : extended.requirements()) {
            String source = CiliumLabels.sourceOf(r.key());
            String key = CiliumLabels.keyOf(r.key());
            if (source.equals(CiliumLabels.RESERVED)) {
                if (subject) {
                    return new NoPod();
                }
                return new Unanalysed("the key '" + r.key() + "' selects an entity, not pods");
            }
            if (!source.equals(CiliumLabels.ANY) && !source.equals(CiliumLabels.K8S)) {
                // a pod has no label of that source: the requirement reads an absent label
                if (!r.admits(null)) {
                    return new NoPod();
                }
                continue;
            }
            if (key.equals(NS_KEY)) {
                namespaceKey = true;
                namespaces.add(new Selector.Requirement(NamespaceManifest.NAME_LABEL, r.operator(), r.values()));
            } else if (key.startsWith(CiliumLabels.NAMESPACE_LABELS)) {
                namespaceLabelKey = true;
                namespaces.add(new Selector.Requirement(key.substring(CiliumLabels.NAMESPACE_LABELS.length()),
                        r.operator(), r.values()));
            } else if (key.startsWith("io.cilium.") || filteredByDefault(key)) {
                return new Unanalysed("the key '" + key + "' is not a pod label the plugin models (service account,"
                        + " cluster, or a label Cilium's default identity filter drops)");
            } else {
                pods.add(new Selector.Requirement(key, r.operator(), r.values()));
            }
        }
        if (!clusterwide && !subject) {
            if (!namespaceKey && namespaceLabelKey) {
                return new Unanalysed("a CiliumNetworkPolicy peer with namespace labels and no namespace name: Cilium"
                        + " versions differ on whether it stays in the policy's namespace");
            } else if (!namespaceKey) {
                namespaces.add(new Selector.Requirement(NamespaceManifest.NAME_LABEL, Selector.Operator.IN,
                        Set.of(policyNamespace)));
            }
        }
        return new Pods(new Selector(namespaces), new Selector(pods));
    }

    /**
     * Keys Cilium's default identity-label filter leaves out of a pod's identity, so a selector never sees them:
     * Kubernetes' own bookkeeping labels ({@code pod-template-hash}, {@code controller-revision-hash},
     * {@code io.kubernetes.*}, {@code *kubernetes.io/*} other than {@code app.kubernetes.io}, {@code k8s.io/*}).
     * The exact filter is agent configuration, so a selector on these keys is not analysed.
     */
    public static boolean filteredByDefault(String key) {
        return key.equals("pod-template-hash") || key.equals("pod-template-generation")
                || key.equals("controller-revision-hash") || key.equals("etcd_node")
                || key.startsWith("io.kubernetes.") || key.startsWith("annotation.")
                || key.startsWith("k8s.io/") || key.contains(".k8s.io/")
                || !key.startsWith("app.kubernetes.io/") && (key.startsWith("kubernetes.io/") || key.contains(".kubernetes.io/"));
    }
}
