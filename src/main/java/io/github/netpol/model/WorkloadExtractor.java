package io.github.netpol.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reduces a workload to what network policies see: pod-template labels, container ports, hostNetwork. Reads the
 * raw tree, which {@link SchemaWalker} has checked against the workload's fabric8 class (and Jackson has accepted
 * where the walk was in doubt), so every value has its schema type; the model keeps no fabric8 object of a workload.
 */
final class WorkloadExtractor {

    private WorkloadExtractor() {
    }

    /**
     * @param nullItem told the JSON pointer of every container or port written as {@code null}: the API server
     *                 rejects those (a container needs a name, a port a number), and they carry no port here
     */
    static WorkloadManifest extract(String kind, Map<String, Object> raw, String namespace, boolean defaulted,
                                    Origin origin, Consumer<String> nullItem) {
        Map<?, ?> podMeta;
        Map<?, ?> podSpec;
        if (kind.equals("Pod")) {
            podMeta = map(raw.get("metadata"));
            podSpec = map(raw.get("spec"));
        } else {
            Map<?, ?> template = template(kind, raw);
            podMeta = template == null ? null : map(template.get("metadata"));
            podSpec = template == null ? null : map(template.get("spec"));
        }
        Map<String, String> labels = podMeta == null ? null : strings(podMeta.get("labels"));
        List<ContainerPort> ports = new ArrayList<>();
        boolean hostNetwork = false;
        if (podSpec != null) {
            hostNetwork = Boolean.TRUE.equals(podSpec.get("hostNetwork"));
            String at = kind.equals("Pod") ? "/spec"
                    : kind.equals("CronJob") ? "/spec/jobTemplate/spec/template/spec" : "/spec/template/spec";
            addPorts(podSpec.get("containers"), at + "/containers", false, ports, nullItem);
            // init containers with restartPolicy Always are sidecars and serve ports like containers
            addPorts(podSpec.get("initContainers"), at + "/initContainers", true, ports, nullItem);
        }
        Map<?, ?> meta = map(raw.get("metadata"));
        String name = meta == null ? null : (String) meta.get("name");
        Map<String, String> annotations = meta == null ? null : strings(meta.get("annotations"));
        return new WorkloadManifest(kind, namespace, name, defaulted, labels == null ? Map.of() : labels, ports,
                hostNetwork, annotations == null ? Map.of() : annotations, origin);
    }

    private static void addPorts(Object containers, String pointer, boolean sidecarsOnly, List<ContainerPort> ports,
                                 Consumer<String> nullItem) {
        if (!(containers instanceof List<?> list)) {
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            Map<?, ?> container = map(list.get(i));
            if (container == null) {
                nullItem.accept(pointer + "/" + i);
                continue;
            }
            if (!(container.get("ports") instanceof List<?> containerPorts)
                    || sidecarsOnly && !"Always".equals(container.get("restartPolicy"))) {
                continue;
            }
            for (int j = 0; j < containerPorts.size(); j++) {
                Map<?, ?> p = map(containerPorts.get(j));
                if (p == null) {
                    nullItem.accept(pointer + "/" + i + "/ports/" + j);
                } else if (p.get("containerPort") instanceof Integer number) {
                    ports.add(new ContainerPort((String) p.get("name"), (String) p.get("protocol"), number));
                }
            }
        }
    }

    /** The pod template of a workload kind other than Pod, or {@code null}. */
    private static Map<?, ?> template(String kind, Map<String, Object> raw) {
        Map<?, ?> spec = map(raw.get("spec"));
        if (kind.equals("CronJob")) {
            Map<?, ?> jobTemplate = spec == null ? null : map(spec.get("jobTemplate"));
            spec = jobTemplate == null ? null : map(jobTemplate.get("spec"));
        }
        return spec == null ? null : map(spec.get("template"));
    }

    private static Map<?, ?> map(Object value) {
        return value instanceof Map<?, ?> m ? m : null;
    }

    /** A map of strings as Jackson reads one (keys as text, {@code null} values kept). */
    private static Map<String, String> strings(Object value) {
        if (!(value instanceof Map<?, ?> m)) {
            return null;
        }
        Map<String, String> out = new java.util.LinkedHashMap<>();
        m.forEach((k, v) -> out.put(String.valueOf(k), (String) v));
        return out;
    }
}
