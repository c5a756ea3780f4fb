package io.github.netpol.model.semantics;

import io.github.netpol.finding.Direction;
import io.github.netpol.load.SourceFile;
import io.github.netpol.model.CiliumPolicyManifest;
import io.github.netpol.model.ManifestReader;
import io.github.netpol.model.ManifestSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CiliumPolicyTest {

    private static CiliumPolicy read(String yaml) {
        ManifestSet set = new ManifestReader().read(List.of(new SourceFile("p.yaml",
                yaml.getBytes(StandardCharsets.UTF_8))), "default");
        assertThat(set.ciliumPolicies()).hasSize(1);
        return CiliumPolicy.of(set.ciliumPolicies().get(0));
    }

    @ParameterizedTest
    @CsvSource({"app, any, app", "k8s:app, k8s, app", "$host, reserved, host", "reserved:world, reserved, world",
            "any:io.kubernetes.pod.namespace, any, io.kubernetes.pod.namespace", "k8s:a=b, k8s, a",
            "app.kubernetes.io/name, any, app.kubernetes.io/name", "x:y:z, x, y:z"})
    void aKeyIsReadWithItsSource(String written, String source, String key) {
        assertThat(CiliumLabels.key(written)).isEqualTo(new CiliumLabels.Key(source, key));
    }

    @ParameterizedTest
    @CsvSource({"80, , 80, ", "0, , 0, ", "010, , 8, ", "1_000, , 1000, ", "65535, , 65535, ",
            "0x50, 0x50, 0, ", "HTTP, http, 0, ", "080, , 0, invalid syntax", "65536, , 0, value out of range",
            "_1, , 0, invalid syntax", "1__0, , 0, invalid syntax"})
    void aPortIsReadAsTheAgentReadsIt(String written, String name, int number, String problem) {
        CiliumPort.Parsed p = CiliumPort.parse(written);
        assertThat(p.name()).isEqualTo(name);
        assertThat(p.number()).isEqualTo(number);
        if (problem == null) {
            assertThat(p.problem()).isNull();
        } else {
            assertThat(p.problem()).contains(problem);
        }
    }

    @Test
    void aPolicyIsReadRuleByRule() {
        CiliumPolicy p = read("""
                apiVersion: cilium.io/v2
                kind: CiliumNetworkPolicy
                metadata: {name: api, namespace: shop}
                spec:
                  endpointSelector: {matchLabels: {app: api}}
                  ingress:
                  - fromEndpoints: [{matchLabels: {k8s:role: web}}]
                    toPorts:
                    - ports: [{port: "80", protocol: TCP}, {port: http}, {port: "9000", endPort: 9010, protocol: ANY}]
                  - toPorts:
                    - ports: [{port: "8080", protocol: TCP}]
                      rules: {http: [{method: GET}]}
                  ingressDeny:
                  - fromCIDRSet: [{cidr: 10.0.0.0/8, except: [10.1.0.0/16]}]
                  enableDefaultDeny: {ingress: false}
                specs:
                - endpointSelector: {}
                  egress: []
                  egressDeny:
                  - toEntities: [world]
                    icmps: [{fields: [{type: 8}]}]
                """);
        assertThat(p.namespace()).isEqualTo("shop");
        assertThat(p.rules()).hasSize(2);
        CiliumPolicy.Rule spec = p.rules().get(0);
        assertThat(spec.pointer()).isEqualTo("/spec");
        assertThat(spec.subject().requirements()).extracting(Selector.Requirement::key)
                .containsExactly("any.app", "k8s.io.kubernetes.pod.namespace");
        assertThat(spec.governs(Direction.INGRESS)).isTrue();
        assertThat(spec.defaultDeny(Direction.INGRESS)).isFalse();
        assertThat(spec.governs(Direction.EGRESS)).isFalse();

        CiliumPolicy.PeerRule first = spec.section(CiliumPolicy.Section.INGRESS).get(0);
        assertThat(first.label()).isEqualTo("ingress[0]");
        assertThat(first.peer()).isInstanceOfSatisfying(CiliumPolicy.Endpoints.class, e ->
                assertThat(e.selectors().get(0).requirements()).extracting(Selector.Requirement::key)
                        .containsExactly("k8s.role"));
        assertThat(first.ports()).extracting(PolicyPort::describe)
                .containsExactly("TCP/80", "any/http", "TCP/9000-9010", "UDP/9000-9010", "SCTP/9000-9010");
        assertThat(first.l7()).isFalse();
        assertThat(first.anyPort()).isFalse();

        CiliumPolicy.PeerRule second = spec.section(CiliumPolicy.Section.INGRESS).get(1);
        assertThat(second.peer()).isInstanceOf(CiliumPolicy.Wildcard.class);
        assertThat(second.l7()).isTrue();
        assertThat(second.l7Ports()).extracting(PolicyPort::describe).containsExactly("TCP/8080");

        CiliumPolicy.PeerRule deny = spec.section(CiliumPolicy.Section.INGRESS_DENY).get(0);
        assertThat(deny.pointer()).isEqualTo("/spec/ingressDeny/0");
        assertThat(deny.anyPort()).isTrue();
        assertThat(deny.peer()).isInstanceOfSatisfying(CiliumPolicy.Cidrs.class, c -> {
            assertThat(c.rules().get(0).cidr()).map(Cidr::canonical).contains("10.0.0.0/8");
            assertThat(c.rules().get(0).except()).extracting(Cidr::canonical).containsExactly("10.1.0.0/16");
        });

        CiliumPolicy.Rule specs = p.rules().get(1);
        assertThat(specs.pointer()).isEqualTo("/specs/0");
        assertThat(specs.subject().matches(Map.of("k8s.io.kubernetes.pod.namespace", "shop"))).isTrue();
        assertThat(specs.defaultDeny(Direction.EGRESS)).as("a deny-only direction isolates").isTrue();
        CiliumPolicy.PeerRule icmp = specs.section(CiliumPolicy.Section.EGRESS_DENY).get(0);
        assertThat(icmp.icmpOnly()).isTrue();
        assertThat(icmp.anyPort()).isFalse();
        assertThat(icmp.ports()).isEmpty();
    }

    @Test
    void twoPeerKindsAndUnanalysedPeersAreMarked() {
        CiliumPolicy p = read("""
                apiVersion: cilium.io/v2
                kind: CiliumClusterwideNetworkPolicy
                metadata: {name: x, namespace: ignored}
                spec:
                  endpointSelector: {}
                  egress:
                  - toEndpoints: [{}]
                    toCIDR: [10.0.0.0/8]
                  - toServices: [{k8sService: {serviceName: a, namespace: b}}]
                  - toEndpoints: []
                    toPorts: [{ports: [{port: "80"}]}]
                  - toFQDNs: [{matchName: api.example.com}, {matchPattern: "*.example.com"}]
                  - toPorts: [{ports: [{port: "112", protocol: VRRP}]}]
                """);
        assertThat(p.namespace()).isNull();
        List<CiliumPolicy.PeerRule> egress = p.rules().get(0).section(CiliumPolicy.Section.EGRESS);
        assertThat(egress.get(0).peer()).isEqualTo(new CiliumPolicy.Unanalysed("toEndpoints and toCIDR"));
        assertThat(egress.get(1).peer()).isEqualTo(new CiliumPolicy.Unanalysed("toServices"));
        assertThat(egress.get(2).peer()).isEqualTo(new CiliumPolicy.Endpoints(List.of(), true));
        assertThat(egress.get(3).peer()).isEqualTo(new CiliumPolicy.Fqdns(List.of("api.example.com"), List.of("*.example.com")));
        assertThat(egress.get(4).ports()).as("VRRP is no TCP, UDP or SCTP port").isEmpty();
        assertThat(egress.get(4).anyPort()).isFalse();
    }

    @Test
    void theManifestKnowsItsKey() {
        CiliumPolicyManifest m = new CiliumPolicyManifest("cilium.io/v2", "CiliumNetworkPolicy", "shop", "api", Map.of(),
                null, "d");
        assertThat(m.key()).isEqualTo("CiliumNetworkPolicy/shop/api");
        assertThat(CiliumPolicyManifest.isCiliumPolicy("cilium.io/v2alpha1", "CiliumNetworkPolicy")).isFalse();
    }

    @Test
    void everyDocumentationExampleReadsAndEachSelectorIsClassified() throws Exception {
        java.nio.file.Path dir = java.nio.file.Path.of(getClass().getClassLoader().getResource("validate-cilium/examples")
                .toURI());
        int rules = 0;
        try (var files = java.nio.file.Files.list(dir)) {
            for (java.nio.file.Path f : files.filter(x -> x.toString().endsWith(".yaml")).sorted().toList()) {
                ManifestSet set = new ManifestReader().read(List.of(new SourceFile(f.getFileName().toString(),
                        java.nio.file.Files.readAllBytes(f))), "default");
                for (CiliumPolicyManifest m : set.ciliumPolicies()) {
                    for (CiliumPolicy.Rule r : CiliumPolicy.of(m).rules()) {
                        rules++;
                        if (r.subject() != null) {
                            assertThat(CiliumEndpoints.subject(r.subject(), m.clusterwide())).isNotNull();
                        }
                        r.sections().values().forEach(items -> items.forEach(item -> {
                            if (item.peer() instanceof CiliumPolicy.Endpoints e) {
                                e.selectors().forEach(sel -> assertThat(CiliumEndpoints.peer(sel, m.clusterwide(),
                                        m.namespace())).isNotNull());
                            }
                        }));
                    }
                }
            }
        }
        assertThat(rules).isGreaterThanOrEqualTo(30);
    }
}
