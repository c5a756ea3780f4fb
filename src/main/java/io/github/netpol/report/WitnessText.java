package io.github.netpol.report;

import io.github.netpol.finding.Endpoint;
import io.github.netpol.finding.NamedPort;
import io.github.netpol.finding.Witness;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** A witness in plain words: {@code TCP port 8080 from pods labelled app=web in namespace shop to ...}. */
final class WitnessText {

    private static final String NAME_LABEL = "kubernetes.io/metadata.name";

    private WitnessText() {
    }

    static String describe(Witness witness) {
        return witness.protocol() + " port " + witness.port()
                + " from " + endpoint(witness.source())
                + " to " + endpoint(witness.destination());
    }

    static String endpoint(Endpoint endpoint) {
        if (endpoint instanceof Endpoint.Ip ip) {
            return "address " + ip.ip();
        }
        return pod((Endpoint.Pod) endpoint);
    }

    private static String pod(Endpoint.Pod pod) {
        StringBuilder text = new StringBuilder(pod.podLabels().isEmpty()
                ? "any pod" : "pods labelled " + labels(pod.podLabels()));
        text.append(" in namespace ").append(pod.namespace());
        Map<String, String> extra = new TreeMap<>(pod.namespaceLabels());
        extra.remove(NAME_LABEL);
        if (!extra.isEmpty()) {
            text.append(" (namespace labelled ").append(labels(extra)).append(')');
        }
        if (!pod.namedPorts().isEmpty()) {
            text.append(" with named ports ").append(pod.namedPorts().stream()
                    .map(WitnessText::namedPort).collect(Collectors.joining(", ")));
        }
        return text.toString();
    }

    private static String namedPort(NamedPort port) {
        return port.name() + "=" + port.protocol() + "/" + port.port();
    }

    private static String labels(Map<String, String> labels) {
        return new TreeMap<>(labels).entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
    }
}
