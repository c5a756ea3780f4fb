package io.github.netpol.report;

import io.github.netpol.finding.Endpoint;
import io.github.netpol.finding.Finding;
import io.github.netpol.finding.NamedPort;
import io.github.netpol.finding.Witness;
import io.github.netpol.model.JsonText;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Writes {@code <goal>.json}: verdict, baseline and findings in the shape SPEC.md promises. */
public final class JsonReportWriter implements ReportWriter {

    @Override
    public String format() {
        return "json";
    }

    @Override
    public Path write(ReportInput input, Path outputDirectory) throws IOException {
        Files.createDirectories(outputDirectory);
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("goal", input.goal());
        root.put("verdict", input.verdict());
        root.put("summary", input.summary());
        root.put("baseline", input.baseline());
        root.put("findings", input.findings().stream().map(JsonReportWriter::finding).toList());
        Path file = outputDirectory.resolve(input.goal() + ".json");
        JsonText.write(file, root);
        return file;
    }

    private static Map<String, Object> finding(Finding f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", f.id());
        m.put("kind", f.kind());
        if (f.environment() != null) {
            m.put("environment", f.environment());
        }
        m.put("severity", f.severity().label());
        m.put("message", f.message());
        m.put("namespace", f.namespace());
        m.put("direction", f.direction() == null ? null : f.direction().label());
        m.put("location", f.location() == null ? null : ordered("file", f.location().file(),
                "line", f.location().line(), "column", f.location().column()));
        m.put("accepted", f.accepted());
        if (f.acceptedReason() != null) {
            m.put("acceptedReason", f.acceptedReason());
        }
        if (f.effective() != null) {
            m.put("effective", f.effective());
        }
        if (f.witness() != null) {
            m.put("witness", witness(f.witness(), false));
        }
        return m;
    }

    /**
     * A witness as both JSON reports write it: endpoints, then protocol and port.
     *
     * @param workload whether a pod names its declared workload ({@code null} when none): SARIF has always carried
     *                 every member of the record, the JSON report its labels and ports only
     */
    static Map<String, Object> witness(Witness w, boolean workload) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", endpoint(w.source(), workload));
        m.put("destination", endpoint(w.destination(), workload));
        m.put("protocol", w.protocol());
        m.put("port", w.port());
        if (!w.facts().isEmpty()) {
            // the facts about the world the example assumes; written only when there are some, so reports of
            // versions whose fate no such fact decides stay as they were
            m.put("assuming", new TreeMap<>(w.facts()));
        }
        return m;
    }

    private static Map<String, Object> endpoint(Endpoint e, boolean workload) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (e instanceof Endpoint.Ip ip) {
            m.put("ip", ip.ip());
            if (ip.isNode()) {
                m.put("nodeLabels", new TreeMap<>(ip.nodeLabels()));
            }
        } else {
            Endpoint.Pod pod = (Endpoint.Pod) e;
            m.put("namespace", pod.namespace());
            // sorted: label maps may be immutable maps, whose order changes from one JVM run to the next
            m.put("namespaceLabels", new TreeMap<>(pod.namespaceLabels()));
            m.put("podLabels", new TreeMap<>(pod.podLabels()));
            m.put("namedPorts", ports(pod.namedPorts()));
            if (workload) {
                m.put("workload", pod.workload());
            }
            if (pod.ip() != null) {
                m.put("ip", pod.ip());
            }
        }
        // facts the example assumes where the manifests do not decide (tier policies): only when there are some
        if (!e.domainNames().isEmpty()) {
            m.put("domainNames", e.domainNames());
        }
        return m;
    }

    private static List<Map<String, Object>> ports(List<NamedPort> ports) {
        return ports.stream().map(p -> ordered("name", p.name(), "protocol", p.protocol(), "port", p.port())).toList();
    }

    /** Three entries in this order: the report is the same bytes for the same findings on every run. */
    private static Map<String, Object> ordered(String k1, Object v1, String k2, Object v2, String k3, Object v3) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(k1, v1);
        m.put(k2, v2);
        m.put(k3, v3);
        return m;
    }
}
