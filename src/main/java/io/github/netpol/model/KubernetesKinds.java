package io.github.netpol.model;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every kind the plugin knows that bears on who may talk to whom, and what it does with each: the one table the
 * reader, the check and the README's table of known kinds come from.
 */
public final class KubernetesKinds {

    /** What the plugin does with a kind. */
    public enum Treatment {
        /** Its semantics are computed exactly. */
        ANALYSED("analysed"),
        /** Read for what the analysis needs of it: namespace labels, pod-template labels and container ports. */
        READ("read: labels and ports"),
        /** Can widen access but is not analysed: {@code check} fails with {@code UNSUPPORTED_POLICY_KIND}. */
        FAIL_CLOSED("fail closed (`UNSUPPORTED_POLICY_KIND`)"),
        /**
         * Enforced by a service mesh on top of the network policies: it can only restrict further what they allow,
         * so leaving it out cannot hide a widening. Reported for information.
         */
        NOT_ANALYSED("reported as not analysed (information): enforced by a service mesh");

        private final String words;

        Treatment(String words) {
            this.words = words;
        }

        /** How the README's table says it. */
        public String words() {
            return words;
        }
    }

    /**
     * A known kind.
     *
     * @param group         its API group, {@code ""} for the core group
     * @param clusterScoped whether its objects belong to no namespace
     * @param product       who defines it, for messages and the README ({@code Kubernetes}, {@code Cilium} ...)
     * @param analysedApiVersion for a kind analysed at one apiVersion only (the tier policies), that apiVersion:
     *                      its objects at any other apiVersion fail closed; {@code null} otherwise
     */
    public record Kind(String group, String kind, Treatment treatment, boolean clusterScoped, String product,
                       String analysedApiVersion) {

        Kind(String group, String kind, Treatment treatment, boolean clusterScoped, String product) {
            this(group, kind, treatment, clusterScoped, product, null);
        }

        /** How the README's table says what is done with it. */
        public String treatmentWords() {
            return analysedApiVersion == null ? treatment.words()
                    : treatment.words() + " at `" + analysedApiVersion + "`"
                    + (product.equals("Cilium") ? " (what it does not read fails closed, see"
                    + " [Cilium policies](#cilium-policies))" : "") + "; other versions "
                    + Treatment.FAIL_CLOSED.words();
        }
    }

    /** A recognized kind: its only served apiVersion and the fabric8 class that models it. */
    public record Known(String kind, String apiVersion, Class<?> type, boolean workload) {
    }

    private static final List<Kind> TABLE = List.of(
            kubernetes("networking.k8s.io", "NetworkPolicy", Treatment.ANALYSED),
            kubernetes("", "Namespace", Treatment.READ),
            kubernetes("", "Pod", Treatment.READ),
            kubernetes("", "ReplicationController", Treatment.READ),
            kubernetes("apps", "Deployment", Treatment.READ),
            kubernetes("apps", "ReplicaSet", Treatment.READ),
            kubernetes("apps", "StatefulSet", Treatment.READ),
            kubernetes("apps", "DaemonSet", Treatment.READ),
            kubernetes("batch", "Job", Treatment.READ),
            kubernetes("batch", "CronJob", Treatment.READ),
            tier("policy.networking.k8s.io/v1alpha1", "AdminNetworkPolicy"),
            tier("policy.networking.k8s.io/v1alpha1", "BaselineAdminNetworkPolicy"),
            tier("policy.networking.k8s.io/v1alpha2", "ClusterNetworkPolicy"),
            cilium("CiliumNetworkPolicy", false),
            cilium("CiliumClusterwideNetworkPolicy", true),
            cluster("cilium.io", "CiliumCIDRGroup", "Cilium"),
            namespaced("projectcalico.org", "NetworkPolicy", "Calico"),
            cluster("projectcalico.org", "GlobalNetworkPolicy", "Calico"),
            namespaced("projectcalico.org", "NetworkSet", "Calico"),
            cluster("projectcalico.org", "GlobalNetworkSet", "Calico"),
            namespaced("crd.projectcalico.org", "NetworkPolicy", "Calico"),
            cluster("crd.projectcalico.org", "GlobalNetworkPolicy", "Calico"),
            namespaced("crd.projectcalico.org", "NetworkSet", "Calico"),
            cluster("crd.projectcalico.org", "GlobalNetworkSet", "Calico"),
            namespaced("crd.antrea.io", "NetworkPolicy", "Antrea"),
            cluster("crd.antrea.io", "ClusterNetworkPolicy", "Antrea"),
            namespaced("crd.antrea.io", "Group", "Antrea"),
            cluster("crd.antrea.io", "ClusterGroup", "Antrea"),
            namespaced("k8s.ovn.org", "EgressFirewall", "OVN-Kubernetes"),
            namespaced("network.openshift.io", "EgressNetworkPolicy", "OpenShift"),
            namespaced("networking.gke.io", "FQDNNetworkPolicy", "GKE"),
            namespaced("k8s.cni.cncf.io", "MultiNetworkPolicy", "Multus"),
            mesh("security.istio.io", "AuthorizationPolicy", "Istio"),
            mesh("security.istio.io", "PeerAuthentication", "Istio"),
            mesh("policy.linkerd.io", "Server", "Linkerd"),
            mesh("policy.linkerd.io", "ServerAuthorization", "Linkerd"),
            mesh("policy.linkerd.io", "AuthorizationPolicy", "Linkerd"),
            mesh("policy.linkerd.io", "MeshTLSAuthentication", "Linkerd"),
            mesh("policy.linkerd.io", "NetworkAuthentication", "Linkerd"));

    private static final Map<String, Kind> BY_GROUP_AND_KIND = TABLE.stream()
            .collect(Collectors.toUnmodifiableMap(k -> k.group() + "/" + k.kind(), Function.identity()));

    private static final Map<String, Known> KNOWN = Map.of(
            "NetworkPolicy", new Known("NetworkPolicy", "networking.k8s.io/v1", NetworkPolicy.class, false),
            "Namespace", new Known("Namespace", "v1", Namespace.class, false),
            "Pod", new Known("Pod", "v1", Pod.class, true),
            "ReplicationController", new Known("ReplicationController", "v1", ReplicationController.class, true),
            "Deployment", new Known("Deployment", "apps/v1", Deployment.class, true),
            "ReplicaSet", new Known("ReplicaSet", "apps/v1", ReplicaSet.class, true),
            "StatefulSet", new Known("StatefulSet", "apps/v1", StatefulSet.class, true),
            "DaemonSet", new Known("DaemonSet", "apps/v1", DaemonSet.class, true),
            "Job", new Known("Job", "batch/v1", Job.class, true),
            "CronJob", new Known("CronJob", "batch/v1", CronJob.class, true));

    private KubernetesKinds() {
    }

    private static Kind kubernetes(String group, String kind, Treatment treatment) {
        return new Kind(group, kind, treatment, kind.equals("Namespace"), "Kubernetes");
    }

    /** A policy kind of the Admin or Baseline tier, analysed at one apiVersion. */
    private static Kind tier(String apiVersion, String kind) {
        return new Kind(group(apiVersion), kind, Treatment.ANALYSED, true, "Kubernetes Network Policy API", apiVersion);
    }

    /** Analysed at {@code cilium.io/v2}; the constructs the analysis does not read fail closed one by one. */
    private static Kind cilium(String kind, boolean clusterScoped) {
        return new Kind("cilium.io", kind, Treatment.ANALYSED, clusterScoped, "Cilium", "cilium.io/v2");
    }

    private static Kind namespaced(String group, String kind, String product) {
        return new Kind(group, kind, Treatment.FAIL_CLOSED, false, product);
    }

    private static Kind cluster(String group, String kind, String product) {
        return new Kind(group, kind, Treatment.FAIL_CLOSED, true, product);
    }

    private static Kind mesh(String group, String kind, String product) {
        return new Kind(group, kind, Treatment.NOT_ANALYSED, false, product);
    }

    /** Every known kind, in the README's order. */
    public static List<Kind> table() {
        return TABLE;
    }

    /** The known kind of an object, by the group of its apiVersion and its kind. */
    public static Optional<Kind> of(String apiVersion, String kind) {
        return Optional.ofNullable(BY_GROUP_AND_KIND.get(group(apiVersion) + "/" + kind));
    }

    /** The recognized kind of this name, whatever the apiVersion written. */
    public static Optional<Known> known(String kind) {
        return Optional.ofNullable(KNOWN.get(kind));
    }

    /** The tier-policy kind (ClusterNetworkPolicy, AdminNetworkPolicy, BaselineAdminNetworkPolicy) at its analysed apiVersion. */
    public static Optional<Kind> tierKind(String apiVersion, String kind) {
        return of(apiVersion, kind).filter(k -> apiVersion.equals(k.analysedApiVersion()) && !k.product().equals("Cilium"));
    }

    /**
     * A policy kind that is not analysed: it fails the check closed, or is reported as enforced by a mesh. A kind
     * analysed at one apiVersion only fails closed at any other.
     */
    public static Optional<Kind> notAnalysed(String apiVersion, String kind) {
        return of(apiVersion, kind).map(k -> k.analysedApiVersion() != null && !k.analysedApiVersion().equals(apiVersion)
                        ? new Kind(k.group(), k.kind(), Treatment.FAIL_CLOSED, k.clusterScoped(), k.product()) : k)
                .filter(k -> k.treatment() == Treatment.FAIL_CLOSED || k.treatment() == Treatment.NOT_ANALYSED);
    }

    /** The group of an apiVersion: {@code ""} for the core group {@code v1}. */
    public static String group(String apiVersion) {
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash).toLowerCase(Locale.ROOT);
    }
}
