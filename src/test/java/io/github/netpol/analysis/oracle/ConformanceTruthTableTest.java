package io.github.netpol.analysis.oracle;

import io.github.netpol.analysis.AnalysisOptions;
import io.github.netpol.analysis.AnalyzedVersion;
import io.github.netpol.analysis.PolicyAnalyzer;
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
 * The upstream Network Policy API conformance tests of both releases as truth tables: every poke that comes
 * before a test's first mutation of its policies ({@code conformance/initial-pokes.tsv}) against the analysis of
 * the test's base manifests and policies read from the reference copy ({@code shared/reference/network-policy-api},
 * found by walking up; the test is skipped without it). An expected connection must be certainly allowed by both
 * sides, an expected block possibly allowed by neither. Pokes at the host-network pods (centaur) are left out:
 * host-network pods are node addresses to these policies, which the analysis does not model as pods.
 */
class ConformanceTruthTableTest {

    /** The host-network ports of the v0.2.0 base manifests, a Go template, as v0.1.7 writes them. */
    private static final int[] HOST_NETWORK_PORTS = {36363, 36364, 34345, 34358, 34346, 34357, 9003, 9005};

    @Test
    void initialPokesOfBothReleasesMatch() throws IOException {
        Optional<Path> reference = locate();
        Assumptions.assumeTrue(reference.isPresent(), "no shared/reference/network-policy-api: skipped");
        List<String[]> pokes = pokes();
        List<String> disagreements = new ArrayList<>();
        Map<String, AnalyzedVersion> analysed = new HashMap<>();
        Map<String, ManifestSet> sets = new HashMap<>();
        int checked = 0;
        int skipped = 0;
        for (String[] p : pokes) {
            String release = p[0];
            String key = release + " " + p[1];
            if (!analysed.containsKey(key)) {
                ManifestSet set = read(reference.get().resolve(release).resolve("conformance"), p[3].split(","),
                        CrdChannel.valueOf(p[2].toUpperCase()), disagreements, key);
                sets.put(key, set);
                analysed.put(key, PolicyAnalyzer.analyze(set, AnalysisOptions.defaults()));
            }
            if (p[5].startsWith("centaur") || p[8].startsWith("centaur")) {
                skipped++;
                continue;
            }
            AnalyzedVersion version = analysed.get(key);
            Endpoint.Pod client = pod(sets.get(key), p[4], p[5]);
            Endpoint.Pod server = pod(sets.get(key), p[7], p[8]);
            String protocol = p[6];
            int port = Integer.parseInt(p[9]);
            boolean expected = p[10].equals("allowed");
            boolean certainly = version.side(p[4], Direction.EGRESS).certainlyAllowed().allows(client, server, protocol, port)
                    && version.side(p[7], Direction.INGRESS).certainlyAllowed().allows(server, client, protocol, port);
            boolean possibly = version.side(p[4], Direction.EGRESS).allowed().allows(client, server, protocol, port)
                    && version.side(p[7], Direction.INGRESS).allowed().allows(server, client, protocol, port);
            if (expected ? !certainly : possibly) {
                disagreements.add(String.join(" ", p) + ": certainly=" + certainly + " possibly=" + possibly);
            }
            checked++;
        }
        assertThat(disagreements).isEmpty();
        assertThat(checked).isEqualTo(220);
        assertThat(skipped).isEqualTo(18);
    }

    private static ManifestSet read(Path conformance, String[] manifests, CrdChannel channel, List<String> problems,
                                    String test) throws IOException {
        List<SourceFile> files = new ArrayList<>();
        files.add(template(conformance, "base/manifests.yaml"));
        for (String m : manifests) {
            files.add(template(conformance, m));
        }
        ReadVersion read = ReadVersion.of(files, "default", new KubernetesObjects(), channel);
        for (Finding f : read.blockingErrors()) {
            problems.add(test + ": " + f.location() + " " + f.message());
        }
        if (read.set().tierPolicies().isEmpty()) {
            problems.add(test + ": no tier policy read");
        }
        return read.set();
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

    private static List<String[]> pokes() throws IOException {
        List<String[]> out = new ArrayList<>();
        try (InputStream in = ConformanceTruthTableTest.class.getResourceAsStream("/conformance/initial-pokes.tsv")) {
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
