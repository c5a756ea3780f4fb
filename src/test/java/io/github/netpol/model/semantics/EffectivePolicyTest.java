package io.github.netpol.model.semantics;

import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.github.netpol.finding.Direction;
import io.github.netpol.load.SourceFile;
import io.github.netpol.model.ManifestReader;
import io.github.netpol.model.ManifestSet;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A NetworkPolicy after the API server's defaulting, read from YAML as the loader reads it. */
class EffectivePolicyTest {

    @Test
    void policyTypesDefaultToIngressPlusEgressWhenThereAreEgressRules() {
        assertThat(policy("podSelector: {}").directions()).containsExactly(Direction.INGRESS);
        assertThat(policy("podSelector: {}\negress: [{}]").directions())
                .containsExactlyInAnyOrder(Direction.INGRESS, Direction.EGRESS);
        assertThat(policy("podSelector: {}\npolicyTypes: [Egress]").directions()).containsExactly(Direction.EGRESS);
        assertThat(policy("podSelector: {}\npolicyTypes: []\negress: [{}]").directions()).hasSize(2);
        assertThat(PolicyTypes.omitted(read("podSelector: {}\npolicyTypes: [Egress]"))).isFalse();
    }

    @Test
    void aNullRuleIsTheEmptyRuleThatAllowsEverything() {
        EffectivePolicy p = policy("podSelector: {}\ningress:\n- ~\n- from: [{podSelector: {}}]");
        assertThat(p.ingress()).hasSize(2);
        assertThat(p.ingress().get(0).allPeers()).isTrue();
        assertThat(p.ingress().get(0).allPorts()).isTrue();
        assertThat(p.ingress().get(1).index()).isEqualTo(1);
        assertThat(p.ingress().get(1).peerPointer(0)).isEqualTo("/spec/ingress/1/from/0");
    }

    @Test
    void aNullPortItemIsEveryTcpPort() {
        List<PolicyPort> ports = policy("podSelector: {}\ningress:\n- ports: [~, {protocol: UDP, port: dns}, {port: 80, endPort: 90}]")
                .ingress().get(0).ports();
        assertThat(ports).hasSize(3);
        assertThat(ports.get(0).anyPort()).isTrue();
        assertThat(ports.get(0).protocol()).isEqualTo("TCP");
        assertThat(ports.get(0).covers("UDP", 53)).isFalse();
        assertThat(ports.get(1).isNamed()).isTrue();
        assertThat(ports.get(1).describe()).isEqualTo("UDP/dns");
        assertThat(ports.get(2).covers("TCP", 85)).isTrue();
        assertThat(ports.get(2).describe()).isEqualTo("TCP/80-90");
    }

    @Test
    void peersAreReadInTheirWrittenPositions() {
        List<Peer> peers = policy("""
                podSelector: {}
                egress:
                - to:
                  - ~
                  - ipBlock: {cidr: 10.0.0.0/8, except: [10.1.0.0/16, bad]}
                  - podSelector: {matchLabels: {app: db}}
                  - namespaceSelector: {}
                """).egress().get(0).peers();
        assertThat(peers.get(0)).isInstanceOf(Peer.None.class);
        assertThat(peers.get(1)).isInstanceOfSatisfying(Peer.Addresses.class, a -> {
            assertThat(a.cidr()).hasValueSatisfying(c -> assertThat(c.canonical()).isEqualTo("10.0.0.0/8"));
            assertThat(a.except()).extracting(Cidr::text).containsExactly("10.1.0.0/16");
        });
        assertThat(peers.get(2)).isInstanceOfSatisfying(Peer.Pods.class, p -> {
            assertThat(p.namespaces()).isNull();
            assertThat(p.pods().keys()).containsExactly("app");
        });
        assertThat(peers.get(3)).isInstanceOfSatisfying(Peer.Pods.class, p -> {
            assertThat(p.namespaces().selectsAll()).isTrue();
            assertThat(p.pods().selectsAll()).isTrue();
        });
    }

    private static EffectivePolicy policy(String spec) {
        return EffectivePolicy.of(read(spec));
    }

    private static NetworkPolicy read(String spec) {
        String yaml = "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p, namespace: shop}\nspec:\n"
                + spec.lines().map(l -> "  " + l + "\n").reduce("", String::concat);
        ManifestSet set = new ManifestReader().read(List.of(new SourceFile("p.yaml", yaml.getBytes(StandardCharsets.UTF_8))), "default");
        assertThat(set.problems()).isEmpty();
        return set.policies().get(0).policy();
    }
}
