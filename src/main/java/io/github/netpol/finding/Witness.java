package io.github.netpol.finding;

import java.util.Map;
import java.util.stream.Collectors;

/** One concrete connection, used as the example that proves a finding. */
public record Witness(Endpoint source, Endpoint destination, String protocol, int port) {

    /**
     * A person's words for the connection, e.g.
     * {@code pod {app=web} in namespace shop {env=prod} -> pod {app=api} in namespace payments on TCP 8080}.
     */
    public String describe() {
        return describe(source) + " -> " + describe(destination) + " on " + protocol + " " + port
                + namedPortNote();
    }

    private String namedPortNote() {
        String name = destination instanceof Endpoint.Pod pod ? pod.portName(protocol, port) : null;
        return name == null ? "" : " (the pod names it '" + name + "')";
    }

    public static String describe(Endpoint e) {
        String names = e.domainNames().isEmpty() ? "" : " reached as " + String.join(", ", e.domainNames());
        if (e instanceof Endpoint.Ip ip) {
            return "address " + ip.ip() + (ip.isNode() ? " (if it is a node labelled " + labels(ip.nodeLabels()) + ")" : "")
                    + names;
        }
        Endpoint.Pod pod = (Endpoint.Pod) e;
        Map<String, String> nsLabels = pod.namespaceLabels().entrySet().stream()
                .filter(en -> !en.getKey().equals("kubernetes.io/metadata.name"))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        return "pod " + labels(pod.podLabels()) + " in namespace " + pod.namespace()
                + (nsLabels.isEmpty() ? "" : " " + labels(nsLabels))
                + (pod.ip() == null ? "" : " (if its IP is " + pod.ip() + ")") + names;
    }

    private static String labels(Map<String, String> labels) {
        return labels.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(en -> en.getKey() + "=" + en.getValue())
                .collect(Collectors.joining(",", "{", "}"));
    }
}
