package io.github.netpol.model;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobTemplateSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Reduces a workload to what network policies see: pod-template labels, container ports, hostNetwork. */
final class WorkloadExtractor {

    private WorkloadExtractor() {
    }

    /**
     * @param nullItem told the JSON pointer of every container or port written as {@code null}: the API server
     *                 rejects those (a container needs a name, a port a number), and they carry no port here
     */
    static WorkloadManifest extract(HasMetadata object, String namespace, boolean defaulted, Origin origin,
                                    Consumer<String> nullItem) {
        ObjectMeta podMeta;
        PodSpec podSpec;
        if (object instanceof Pod pod) {
            podMeta = pod.getMetadata();
            podSpec = pod.getSpec();
        } else {
            PodTemplateSpec template = template(object);
            podMeta = template == null ? null : template.getMetadata();
            podSpec = template == null ? null : template.getSpec();
        }
        Map<String, String> labels = podMeta == null || podMeta.getLabels() == null ? Map.of() : podMeta.getLabels();
        List<ContainerPort> ports = new ArrayList<>();
        boolean hostNetwork = false;
        if (podSpec != null) {
            hostNetwork = Boolean.TRUE.equals(podSpec.getHostNetwork());
            String at = podSpecPointer(object);
            addPorts(podSpec.getContainers(), at + "/containers", false, ports, nullItem);
            // init containers with restartPolicy Always are sidecars and serve ports like containers
            addPorts(podSpec.getInitContainers(), at + "/initContainers", true, ports, nullItem);
        }
        String name = object.getMetadata() == null ? null : object.getMetadata().getName();
        Map<String, String> annotations = object.getMetadata() == null || object.getMetadata().getAnnotations() == null
                ? Map.of() : object.getMetadata().getAnnotations();
        return new WorkloadManifest(object.getKind(), namespace, name, defaulted, labels, ports, hostNetwork,
                annotations, origin);
    }

    private static void addPorts(List<Container> containers, String pointer, boolean sidecarsOnly,
                                 List<ContainerPort> ports, Consumer<String> nullItem) {
        if (containers == null) {
            return;
        }
        for (int i = 0; i < containers.size(); i++) {
            Container container = containers.get(i);
            if (container == null) {
                nullItem.accept(pointer + "/" + i);
                continue;
            }
            if (container.getPorts() == null || sidecarsOnly && !"Always".equals(container.getRestartPolicy())) {
                continue;
            }
            for (int j = 0; j < container.getPorts().size(); j++) {
                io.fabric8.kubernetes.api.model.ContainerPort p = container.getPorts().get(j);
                if (p == null) {
                    nullItem.accept(pointer + "/" + i + "/ports/" + j);
                } else if (p.getContainerPort() != null) {
                    ports.add(new ContainerPort(p.getName(), p.getProtocol(), p.getContainerPort()));
                }
            }
        }
    }

    private static String podSpecPointer(HasMetadata object) {
        if (object instanceof Pod) {
            return "/spec";
        }
        return object instanceof CronJob ? "/spec/jobTemplate/spec/template/spec" : "/spec/template/spec";
    }

    private static PodTemplateSpec template(HasMetadata object) {
        if (object instanceof Deployment d) {
            return d.getSpec() == null ? null : d.getSpec().getTemplate();
        } else if (object instanceof ReplicaSet r) {
            return r.getSpec() == null ? null : r.getSpec().getTemplate();
        } else if (object instanceof StatefulSet s) {
            return s.getSpec() == null ? null : s.getSpec().getTemplate();
        } else if (object instanceof DaemonSet d) {
            return d.getSpec() == null ? null : d.getSpec().getTemplate();
        } else if (object instanceof Job j) {
            return j.getSpec() == null ? null : j.getSpec().getTemplate();
        } else if (object instanceof ReplicationController rc) {
            return rc.getSpec() == null ? null : rc.getSpec().getTemplate();
        } else if (object instanceof CronJob c) {
            JobTemplateSpec jt = c.getSpec() == null ? null : c.getSpec().getJobTemplate();
            return jt == null || jt.getSpec() == null ? null : jt.getSpec().getTemplate();
        }
        return null;
    }
}
