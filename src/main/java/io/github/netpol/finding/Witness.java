package io.github.netpol.finding;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** One concrete connection, used as the example that proves a finding. */
public record Witness(Endpoint source, Endpoint destination, String protocol, int port) {

    private static final String NAME_LABEL = "kubernetes.io/metadata.name";

    /**
     * A person's words for the connection, e.g. {@code Deployment shop/web -> StatefulSet shop/db on TCP 5432}
     * or {@code a pod with app=web in namespace shop -> address 203.0.113.10 on TCP 443}.
     */
    public String describe() {
        return describe(source) + " -> " + describe(destination) + " on " + protocol + " " + port
                + namedPortNote();
    }

    private String namedPortNote() {
        String name = destination instanceof Endpoint.Pod pod ? pod.portName(protocol, port) : null;
        return name == null ? "" : " (the port it names '" + name + "')";
    }

    /**
     * One end in words: a declared workload by kind, namespace and name ({@code Deployment shop/web}), another
     * pod by its labels and namespace ({@code a pod with app=web in namespace shop (labelled env=prod)}), an
     * external address ({@code address 203.0.113.10}).
     */
    public static String describe(Endpoint e) {
        if (e instanceof Endpoint.Ip ip) {
            return "address " + ip.ip();
        }
        Endpoint.Pod pod = (Endpoint.Pod) e;
        if (pod.workload() != null) {
            String[] id = pod.workload().split("/", 3);
            return id.length == 3 ? id[1] + " " + id[0] + "/" + id[2] : pod.workload();
        }
        Map<String, String> nsLabels = new TreeMap<>(pod.namespaceLabels());
        nsLabels.remove(NAME_LABEL);
        return (pod.podLabels().isEmpty() ? "a pod without labels" : "a pod with " + labels(pod.podLabels()))
                + " in namespace " + pod.namespace()
                + (nsLabels.isEmpty() ? "" : " (namespace labels " + labels(nsLabels) + ")");
    }

    private static String labels(Map<String, String> labels) {
        return new TreeMap<>(labels).entrySet().stream().map(en -> en.getKey() + "=" + en.getValue())
                .collect(Collectors.joining(", "));
    }
}
