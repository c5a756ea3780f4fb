package io.github.netpol.finding;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One concrete connection, used as the example that proves a finding.
 *
 * @param facts where the connection's fate depends on facts about the world no manifest fixes (what an address
 *              is, an agent setting, an L7 filter's verdict): each such {@link WorldFact} and its value in this
 *              example ({@link WorldFact#NO} for a yes/no fact that does not hold); empty when none matters
 */
public record Witness(Endpoint source, Endpoint destination, String protocol, int port, Map<String, String> facts) {

    public Witness {
        facts = Map.copyOf(facts);
    }

    /** A connection whose fate no unfixed fact about the world decides. */
    public Witness(Endpoint source, Endpoint destination, String protocol, int port) {
        this(source, destination, protocol, port, Map.of());
    }

    private static final String NAME_LABEL = "kubernetes.io/metadata.name";

    /**
     * A person's words for the connection, e.g. {@code Deployment shop/web -> StatefulSet shop/db on TCP 5432}
     * or {@code a pod with app=web in namespace shop -> address 203.0.113.10 on TCP 443}.
     */
    public String describe() {
        return describe(source) + " -> " + describe(destination) + " on " + protocol + " " + port
                + namedPortNote() + factNote(facts);
    }

    /** {@code " (if it is a node's address and ...)"}: the facts an example assumes, or {@code ""} for none. */
    public static String factNote(Map<String, String> facts) {
        if (facts.isEmpty()) {
            return "";
        }
        return new TreeMap<>(facts).entrySet().stream().map(f -> WorldFact.words(f.getKey(), f.getValue()))
                .collect(Collectors.joining(" and ", " (if ", ")"));
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
        return plain(e) + assumed(e);
    }

    private static String plain(Endpoint e) {
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

    /**
     * The facts the example assumes where the manifests do not decide (a ClusterNetworkPolicy's networks, nodes and
     * domainNames peers): the pod's IP, that the address is a node's, the DNS name used.
     */
    private static String assumed(Endpoint e) {
        List<String> parts = new java.util.ArrayList<>();
        if (e instanceof Endpoint.Pod pod && pod.ip() != null) {
            parts.add("its IP is " + pod.ip());
        }
        if (e instanceof Endpoint.Ip ip && ip.isNode()) {
            parts.add("it is a node's address" + (ip.nodeLabels().isEmpty() ? "" : " (node labels " + labels(ip.nodeLabels()) + ")"));
        }
        if (!e.domainNames().isEmpty()) {
            parts.add("it is reached as " + String.join(", ", e.domainNames()));
        }
        return parts.isEmpty() ? "" : " (if " + String.join(" and ", parts) + ")";
    }

    /** {@code app=web, tier=front}: labels sorted by key. */
    public static String labels(Map<String, String> labels) {
        return new TreeMap<>(labels).entrySet().stream().map(en -> en.getKey() + "=" + en.getValue())
                .collect(Collectors.joining(", "));
    }
}
