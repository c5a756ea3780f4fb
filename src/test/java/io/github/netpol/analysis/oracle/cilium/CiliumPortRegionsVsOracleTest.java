package io.github.netpol.analysis.oracle.cilium;

import io.github.netpol.analysis.CiliumPortRegions;
import io.github.netpol.analysis.Region;
import io.github.netpol.analysis.SideRegion;
import io.github.netpol.finding.Direction;
import io.github.netpol.finding.Endpoint;
import io.github.netpol.finding.NamedPort;
import io.github.netpol.model.CiliumPolicyManifest;
import io.github.netpol.model.semantics.CiliumPolicy;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link CiliumPortRegions} against the oracle's port matching: random {@code toPorts} entries (protocols
 * including ANY and none, numbers in Go's syntax, names, ranges, port 0) at every protocol and a set of ports,
 * against a destination pod with named ports, with SCTP under ANY enabled and not.
 */
class CiliumPortRegionsVsOracleTest {

    private static final List<String> PORTS = List.of("0", "80", "8080", "010", "1_000", "0x50", "http", "dns",
            "53", "443");
    private static final List<Object> PROTOCOLS = java.util.Arrays.asList(null, "ANY", "TCP", "UDP", "SCTP");
    private static final List<NamedPort> NAMED = List.of(new NamedPort("http", "TCP", 8080),
            new NamedPort("dns", "UDP", 53), new NamedPort("dns", "SCTP", 53), new NamedPort("0x50", "TCP", 80));
    private static final Endpoint.Pod DESTINATION = new Endpoint.Pod("shop",
            Map.of("kubernetes.io/metadata.name", "shop"), Map.of("app", "api"), NAMED);
    private static final Endpoint.Pod SOURCE = new Endpoint.Pod("web", Map.of("kubernetes.io/metadata.name", "web"),
            Map.of(), List.of());
    private static final int[] PROBES = {1, 8, 53, 80, 443, 1000, 8080, 8081, 65535};

    @Test
    void portsMatchWhatTheOracleMatches() {
        Random random = new Random(22);
        List<String> disagreements = new ArrayList<>();
        for (int i = 0; i < 400 && disagreements.size() < 20; i++) {
            List<Map<String, Object>> entries = new ArrayList<>();
            for (int n = 1 + random.nextInt(3); n > 0; n--) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("port", PORTS.get(random.nextInt(PORTS.size())));
                Object protocol = PROTOCOLS.get(random.nextInt(PROTOCOLS.size()));
                if (protocol != null) {
                    e.put("protocol", protocol);
                }
                if (random.nextInt(4) == 0) {
                    e.put("endPort", 8000 + random.nextInt(200));
                }
                entries.add(e);
            }
            Region region = CiliumPortRegions.ports(item(entries));
            SideRegion side = new SideRegion(Direction.INGRESS, region, Region.empty());
            CiliumPeer.Pod destination = new CiliumPeer.Pod("shop", Map.of(), Map.of("app", "api"), "default", NAMED);
            for (boolean sctp : new boolean[]{false, true}) {
                CiliumWorld w = CiliumWorld.defaults().with(CiliumWorld.Flag.SCTP_UNDER_ANY, sctp);
                Map<String, String> facts = CiliumWorldFacts.facts(w, false);
                for (String protocol : List.of("TCP", "UDP", "SCTP")) {
                    for (int port : PROBES) {
                        boolean expected = entries.stream()
                                .anyMatch(e -> CiliumPorts.matches(e, destination, protocol, port, w) != 0);
                        if (expected != side.allows(DESTINATION, SOURCE, protocol, port, facts)) {
                            disagreements.add(entries + " " + protocol + " " + port + " sctp=" + sctp
                                    + " oracle=" + expected);
                        }
                    }
                }
            }
        }
        assertThat(disagreements).isEmpty();
    }

    @Test
    void icmpOnlyCarriesNoPortAndNoToPortsEveryPort() {
        assertThat(CiliumPortRegions.ports(item(null, true)).isEmpty()).isTrue();
        assertThat(CiliumPortRegions.ports(item(null, false))).isEqualTo(Region.all());
    }

    private static CiliumPolicy.PeerRule item(List<Map<String, Object>> entries) {
        return item(entries, false);
    }

    private static CiliumPolicy.PeerRule item(List<Map<String, Object>> entries, boolean icmps) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("fromEndpoints", List.of(Map.of()));
        if (entries != null) {
            item.put("toPorts", List.of(Map.of("ports", entries)));
        }
        if (icmps) {
            item.put("icmps", List.of(Map.of("fields", List.of(Map.of("type", 8)))));
        }
        Map<String, Object> raw = Map.of("apiVersion", CiliumPolicyManifest.API_VERSION, "kind",
                CiliumPolicyManifest.NAMESPACED, "metadata", Map.of("name", "p", "namespace", "shop"),
                "spec", Map.of("endpointSelector", Map.of(), "ingress", List.of(item)));
        CiliumPolicyManifest m = new CiliumPolicyManifest(CiliumPolicyManifest.API_VERSION,
                CiliumPolicyManifest.NAMESPACED, "shop", "p", raw, null, "");
        return CiliumPolicy.of(m).rules().get(0).section(CiliumPolicy.Section.INGRESS).get(0);
    }
}
