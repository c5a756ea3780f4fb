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

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The kinds the plugin reads, the one apiVersion each is served at, and the policy kinds it cannot analyse. */
public final class KubernetesKinds {

    /** A recognized kind: its only served apiVersion and the fabric8 class that models it. */
    public record Known(String kind, String apiVersion, Class<?> type, boolean workload) {
    }

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

    /** Policy kinds by API group that change connectivity and are not analysed. */
    private static final Map<String, Set<String>> UNSUPPORTED = Map.of(
            "policy.networking.k8s.io", Set.of("AdminNetworkPolicy", "BaselineAdminNetworkPolicy", "ClusterNetworkPolicy"),
            "cilium.io", Set.of("CiliumNetworkPolicy", "CiliumClusterwideNetworkPolicy"),
            "projectcalico.org", Set.of("NetworkPolicy", "GlobalNetworkPolicy"),
            "crd.projectcalico.org", Set.of("NetworkPolicy", "GlobalNetworkPolicy"),
            "crd.antrea.io", Set.of("NetworkPolicy", "ClusterNetworkPolicy"),
            "k8s.ovn.org", Set.of("EgressFirewall"),
            "network.openshift.io", Set.of("EgressNetworkPolicy"));

    private static final Set<String> CLUSTER_SCOPED = Set.of("AdminNetworkPolicy", "BaselineAdminNetworkPolicy",
            "ClusterNetworkPolicy", "CiliumClusterwideNetworkPolicy", "GlobalNetworkPolicy");

    private KubernetesKinds() {
    }

    /** The recognized kind of this name, whatever the apiVersion written. */
    public static Optional<Known> known(String kind) {
        return Optional.ofNullable(KNOWN.get(kind));
    }

    public static boolean isUnsupportedPolicy(String apiVersion, String kind) {
        return UNSUPPORTED.getOrDefault(group(apiVersion), Set.of()).contains(kind);
    }

    public static boolean isClusterScopedPolicy(String kind) {
        return CLUSTER_SCOPED.contains(kind);
    }

    /** The group of an apiVersion: {@code ""} for the core group {@code v1}. */
    public static String group(String apiVersion) {
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash).toLowerCase(Locale.ROOT);
    }
}
