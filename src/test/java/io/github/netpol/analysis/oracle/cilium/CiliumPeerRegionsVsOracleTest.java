package io.github.netpol.analysis.oracle.cilium;

import io.github.netpol.analysis.CiliumPeerRegions;
import io.github.netpol.analysis.Region;
import io.github.netpol.analysis.SideRegion;
import io.github.netpol.finding.Direction;
import io.github.netpol.finding.Endpoint;
import io.github.netpol.model.semantics.Cidr;
import io.github.netpol.model.semantics.CiliumPolicy;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link CiliumPeerRegions} against the oracle's literal reading of entities and CIDR rules, in every world that
 * can matter to them: each address kind, on the pod's node or not, with each of the two settings they read.
 */
class CiliumPeerRegionsVsOracleTest {

    private static final List<String> ENTITIES = List.of("all", "world", "cluster", "host", "remote-node",
            "kube-apiserver", "health", "ingress", "unmanaged", "init", "none");
    private static final Endpoint.Pod LOCAL = new Endpoint.Pod("shop", Map.of("kubernetes.io/metadata.name", "shop"),
            Map.of("app", "api"), List.of());
    private static final String IP = "203.0.113.7";

    @Test
    void entitiesMatchWhatTheOracleMatchesInEveryWorld() {
        List<String> disagreements = new ArrayList<>();
        int worlds = 0;
        for (String entity : ENTITIES) {
            CiliumPeerRegions.Match m = CiliumPeerRegions.entity(entity).orElseThrow();
            CiliumPeer.Pod pod = new CiliumPeer.Pod("web", Map.of(), Map.of("app", "web"), "default", List.of());
            if (m.allPods() != CiliumOracle.entity(entity, pod, CiliumWorld.defaults())) {
                disagreements.add(entity + " pods");
            }
            for (CiliumWorld w : worlds()) {
                worlds++;
                boolean expected = CiliumOracle.entity(entity, new CiliumPeer.Addr(IP), w);
                if (expected != in(m.addresses(), w)) {
                    disagreements.add(entity + " " + w);
                }
            }
        }
        assertThat(disagreements).isEmpty();
        assertThat(worlds).isEqualTo(ENTITIES.size() * CiliumWorld.AddressKind.values().length * 8);
    }

    @Test
    void cidrRulesMatchOnlyTheAddressesTheOracleLetsThemMatch() {
        List<String> disagreements = new ArrayList<>();
        for (CiliumWorld w : worlds()) {
            if (CiliumOracle.cidrMatchable(w) != in(CiliumPeerRegions.cidrMatchable(), w)) {
                disagreements.add(w.toString());
            }
        }
        assertThat(disagreements).isEmpty();
        CiliumPolicy.CidrRule set = new CiliumPolicy.CidrRule("/spec/egress/0/toCIDRSet/0", Cidr.parse("203.0.113.0/24"),
                List.of(Cidr.parse("203.0.113.0/29").orElseThrow()), null, false);
        Region r = CiliumPeerRegions.cidrs(List.of(set));
        CiliumWorld world = CiliumWorld.defaults();
        assertThat(in(r, world)).as("203.0.113.7 is in the except").isFalse();
        assertThat(contains(r, "203.0.113.8", world)).isTrue();
        assertThat(contains(r, "198.51.100.1", world)).isFalse();
        assertThat(contains(r, "203.0.113.8", world.withAddress(CiliumWorld.AddressKind.NODE, false))).isFalse();
        assertThat(contains(r, "203.0.113.8", world.withAddress(CiliumWorld.AddressKind.NODE, false)
                .with(CiliumWorld.Flag.CIDR_MATCHES_NODES, true))).isTrue();
    }

    @Test
    void anUnknownEntityIsNotGuessed() {
        assertThat(CiliumPeerRegions.entity("world-ipv4")).isEqualTo(Optional.empty());
    }

    private static List<CiliumWorld> worlds() {
        List<CiliumWorld> out = new ArrayList<>();
        for (CiliumWorld.AddressKind kind : CiliumWorld.AddressKind.values()) {
            for (boolean same : new boolean[]{false, true}) {
                for (boolean api : new boolean[]{false, true}) {
                    for (boolean nodes : new boolean[]{false, true}) {
                        out.add(CiliumWorld.defaults().withAddress(kind, same)
                                .with(CiliumWorld.Flag.WORLD_HAS_APISERVER, api)
                                .with(CiliumWorld.Flag.CIDR_MATCHES_NODES, nodes));
                    }
                }
            }
        }
        return out;
    }

    private static boolean in(Region addresses, CiliumWorld w) {
        return contains(addresses, IP, w);
    }

    private static boolean contains(Region addresses, String ip, CiliumWorld w) {
        return new SideRegion(Direction.EGRESS, Region.empty(), addresses)
                .allows(LOCAL, new Endpoint.Ip(ip), "TCP", 443, CiliumWorldFacts.facts(w, true));
    }
}
