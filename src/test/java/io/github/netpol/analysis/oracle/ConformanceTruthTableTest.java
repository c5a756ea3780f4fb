package io.github.netpol.analysis.oracle;

import io.github.netpol.analysis.AnalysisOptions;
import io.github.netpol.analysis.AnalyzedVersion;
import io.github.netpol.analysis.IntervalSet;
import io.github.netpol.analysis.PolicyAnalyzer;
import io.github.netpol.analysis.connectivity.Connection;
import io.github.netpol.analysis.connectivity.ConnectivityResult;
import io.github.netpol.analysis.connectivity.PortSet;
import io.github.netpol.analysis.connectivity.WorkloadConnectivity;
import io.github.netpol.finding.Direction;
import io.github.netpol.finding.Endpoint;
import io.github.netpol.finding.Finding;
import io.github.netpol.load.SourceFile;
import io.github.netpol.model.KubernetesObjects;
import io.github.netpol.model.ManifestSet;
import io.github.netpol.model.NamespaceManifest;
import io.github.netpol.model.WorkloadManifest;
import io.github.netpol.validate.ReadVersion;
import io.github.netpol.validate.apiserver.CrdChannel;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The upstream Network Policy API conformance tests of both releases as truth tables: every poke of every test
 * ({@code conformance/steps.tsv}), after the test's mutations so far (rule swaps, a priority, an action turned
 * Pass, the deleted NetworkPolicy), against the analysis of the test's base manifests and policies read from the
 * reference copy ({@code shared/reference/network-policy-api}, found by walking up; the test is skipped without
 * it). An expected connection must be certainly allowed by both sides, an expected block possibly allowed by
 * neither; the same holds for the poke's workloads in the per-workload connectivity ({@code netpol:connectivity}):
 * an expected connection among its certain ports, an expected block among none of its ports. Left out, and counted: pokes at the host-network pods (centaur), which are node addresses to these
 * policies and not modelled as pods, and the pokes after a mutation not written as data (inline-CIDR rules built
 * in Go from the IPs the pods were given, which no manifest decides).
 */
class ConformanceTruthTableTest {

    /** The host-network ports of the v0.2.0 base manifests, a Go template, as v0.1.7 writes them. */
    private static final int[] HOST_NETWORK_PORTS = {36363, 36364, 34345, 34358, 34346, 34357, 9003, 9005};

    @Test
    void everyPokeOfBothReleasesMatches() throws IOException {
        Optional<Path> reference = locate();
        Assumptions.assumeTrue(reference.isPresent(), "no shared/reference/network-policy-api: skipped");
        List<String> disagreements = new ArrayList<>();
        int checked = 0;
        int hostNetwork = 0;
        int afterUnsupported = 0;
        ConformanceCase test = null;
        for (String[] step : steps()) {
            switch (step[0]) {
                case "test" -> test = new ConformanceCase(step[1] + " " + step[2],
                        reference.get().resolve(step[1]).resolve("conformance"), step[4].split(","),
                        CrdChannel.valueOf(step[3].toUpperCase()), disagreements);
                case "mut" -> test.mutate(step[1], step[2], java.util.Arrays.copyOfRange(step, 3, step.length));
                case "delete" -> test.delete(step[1]);
                case "unsupported" -> test.stopped = true;
                default -> {
                    if (test.stopped) {
                        afterUnsupported++;
                    } else if (step[2].startsWith("centaur") || step[5].startsWith("centaur")) {
                        hostNetwork++;
                    } else {
                        test.poke(step).ifPresent(disagreements::add);
                        checked++;
                    }
                }
            }
        }
        assertThat(disagreements).isEmpty();
        assertThat(checked + hostNetwork + afterUnsupported).isEqualTo(578);
        // 512 checked; the rest at host-network pods or after an inline-CIDR rule built in Go from the pods' IPs
        assertThat(checked).as("host-network %d, after an unsupported mutation %d", hostNetwork, afterUnsupported)
                .isEqualTo(512);
    }

    /**
     * One conformance test: its manifests as written (maps), mutated step by step as the Go test patches the live
     * objects, and analysed afresh after each change.
     */
    private static final class ConformanceCase {
        private final String name;
        private final CrdChannel channel;
        private final List<String> disagreements;
        private final Map<String, Map<String, Object>> objects = new java.util.LinkedHashMap<>();
        private final Map<String, String> fileOf = new HashMap<>();
        private final Path conformance;
        private final String[] manifests;
        private boolean stopped;
        private ManifestSet set;
        private AnalyzedVersion analysed;
        private ConnectivityResult connectivity;

        ConformanceCase(String name, Path conformance, String[] manifests, CrdChannel channel, List<String> disagreements)
                throws IOException {
            this.name = name;
            this.conformance = conformance;
            this.manifests = manifests;
            this.channel = channel;
            this.disagreements = disagreements;
            for (String m : manifests) {
                for (Object doc : new org.yaml.snakeyaml.Yaml().loadAll(text(conformance, m))) {
                    if (doc instanceof Map<?, ?> map) {
                        @SuppressWarnings("unchecked")
                        Map<String, Object> o = (Map<String, Object>) map;
                        Map<?, ?> meta = (Map<?, ?>) o.get("metadata");
                        String key = (meta.get("namespace") == null ? "" : meta.get("namespace") + "/") + meta.get("name");
                        objects.put(key, o);
                        fileOf.put(key, m);
                    }
                }
            }
        }

        @SuppressWarnings("unchecked")
        void mutate(String object, String op, String[] args) {
            Map<String, Object> spec = (Map<String, Object>) objects.get(object).get("spec");
            switch (op) {
                case "swap" -> {
                    List<Object> rules = (List<Object>) spec.get(args[0]);
                    java.util.Collections.swap(rules, Integer.parseInt(args[1]), Integer.parseInt(args[2]));
                }
                case "priority" -> spec.put("priority", Integer.parseInt(args[0]));
                case "pass" -> ((Map<String, Object>) ((List<Object>) spec.get(args[0])).get(Integer.parseInt(args[1])))
                        .put("action", "Pass");
                case "namedport" -> {
                    // the Go test sets the rule's Protocols (v1alpha2) or Ports (v1alpha1) to the one named port
                    Map<String, Object> rule = (Map<String, Object>) ((List<Object>) spec.get(args[0]))
                            .get(Integer.parseInt(args[1]));
                    boolean v1alpha2 = String.valueOf(objects.get(object).get("apiVersion")).endsWith("/v1alpha2");
                    rule.put(v1alpha2 ? "protocols" : "ports",
                            List.of(Map.of(v1alpha2 ? "destinationNamedPort" : "namedPort", args[2])));
                }
                default -> throw new IllegalArgumentException(op);
            }
            analysed = null;
        }

        void delete(String object) {
            assertThat(objects.remove(object)).as(name + " " + object).isNotNull();
            analysed = null;
        }

        Optional<String> poke(String[] p) throws IOException {
            if (analysed == null) {
                List<SourceFile> files = new ArrayList<>(List.of(template(conformance, "base/manifests.yaml")));
                StringBuilder policies = new StringBuilder();
                for (Map<String, Object> o : objects.values()) {
                    policies.append("---\n").append(new org.yaml.snakeyaml.Yaml().dump(o));
                }
                files.add(new SourceFile("policies.yaml", policies.toString().getBytes(StandardCharsets.UTF_8)));
                ReadVersion read = ReadVersion.of(files, "default", new KubernetesObjects(), channel);
                for (Finding f : read.blockingErrors()) {
                    disagreements.add(name + ": " + f.location() + " " + f.message());
                }
                set = read.set();
                analysed = PolicyAnalyzer.analyze(set, AnalysisOptions.defaults());
                connectivity = WorkloadConnectivity.compute(set, AnalysisOptions.defaults());
            }
            Endpoint.Pod client = pod(set, p[1], p[2]);
            Endpoint.Pod server = pod(set, p[4], p[5]);
            String protocol = p[3];
            int port = Integer.parseInt(p[6]);
            boolean expected = p[7].equals("allowed");
            boolean certainly = analysed.side(p[1], Direction.EGRESS).certainlyAllowed().allows(client, server, protocol, port)
                    && analysed.side(p[4], Direction.INGRESS).certainlyAllowed().allows(server, client, protocol, port);
            boolean possibly = analysed.side(p[1], Direction.EGRESS).allowed().allows(client, server, protocol, port)
                    && analysed.side(p[4], Direction.INGRESS).allowed().allows(server, client, protocol, port);
            if (expected ? !certainly : possibly) {
                return Optional.of(name + " " + String.join(" ", p) + (expected ? ": not certainly allowed" : ": possibly allowed"));
            }
            // the same poke through the per-workload connectivity (netpol:connectivity): its certain ports must
            // hold an expected connection, its possible ports must not hold an expected block
            Connection c = connectivity.connections().stream()
                    .filter(x -> x.source().id().equals(client.workload()) && x.destination().id().equals(server.workload()))
                    .findFirst().orElse(null);
            boolean listed = c != null && holds(c.ports(), protocol, port);
            boolean listedCertain = c != null && holds(c.certainPorts(), protocol, port);
            if (expected ? !listedCertain : listed) {
                return Optional.of(name + " " + String.join(" ", p) + " through connectivity: "
                        + (c == null ? "no connection" : c.text()));
            }
            return Optional.empty();
        }
    }

    private static boolean holds(PortSet ports, String protocol, int port) {
        if (ports.isAll()) {
            return true;
        }
        IntervalSet set = ports.byProtocol().get(protocol);
        return set != null && set.ranges().stream().anyMatch(r -> r.contains(java.math.BigInteger.valueOf(port)));
    }

    private static String text(Path conformance, String file) throws IOException {
        return new String(template(conformance, file).content(), StandardCharsets.UTF_8);
    }

    /** A file of v0.2.0 is a Go template over the host-network ports: filled in as v0.1.7 writes them. */
    private static SourceFile template(Path conformance, String file) throws IOException {
        String text = Files.readString(conformance.resolve(file));
        for (int i = 0; i < HOST_NETWORK_PORTS.length; i++) {
            text = text.replace("{{ index .HostNetworkPorts " + i + " }}", String.valueOf(HOST_NETWORK_PORTS[i]));
        }
        return new SourceFile(file, text.getBytes(StandardCharsets.UTF_8));
    }

    /** A replica ({@code harry-potter-1}) of a StatefulSet: its template's labels and container ports. */
    private static Endpoint.Pod pod(ManifestSet set, String namespace, String replica) {
        String name = replica.substring(0, replica.lastIndexOf('-'));
        WorkloadManifest w = set.workloads().stream().filter(x -> x.namespace().equals(namespace) && x.name().equals(name))
                .findFirst().orElseThrow(() -> new IllegalArgumentException(namespace + "/" + replica));
        Map<String, String> labels = set.namespaces().stream().filter(n -> n.name().equals(namespace))
                .map(NamespaceManifest::labels).findFirst().orElseThrow();
        // each replica has an address of its own, which a networks peer may cover
        String ip = "10.244." + (Math.abs(namespace.hashCode()) % 200) + "." + (10 + replica.charAt(replica.length() - 1) - '0');
        return new Endpoint.Pod(namespace, labels, w.podLabels(), w.namedPorts(), w.id(), ip, List.of());
    }

    private static List<String[]> steps() throws IOException {
        List<String[]> out = new ArrayList<>();
        try (InputStream in = ConformanceTruthTableTest.class.getResourceAsStream("/conformance/steps.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    out.add(line.split("\t"));
                }
            }
        }
        return out;
    }

    private static Optional<Path> locate() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared/reference/network-policy-api");
            if (Files.isDirectory(candidate.resolve("v0.2.0/conformance"))) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
