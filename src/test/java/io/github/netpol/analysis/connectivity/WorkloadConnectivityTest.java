package io.github.netpol.analysis.connectivity;

import io.github.netpol.analysis.AnalysisOptions;
import io.github.netpol.analysis.Fixtures;
import io.github.netpol.model.ContainerPort;
import io.github.netpol.model.ManifestSet;
import io.github.netpol.report.ConnectivityForms;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class WorkloadConnectivityTest {

    private static final String POLICIES = """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: backend, namespace: shop}
            spec:
              podSelector: {matchLabels: {app: backend}}
              policyTypes: [Ingress, Egress]
              ingress:
              - from: [{podSelector: {matchLabels: {app: web}}}]
                ports: [{port: http}, {port: 9000, endPort: 9002}]
              egress:
              - to: [{ipBlock: {cidr: 10.0.0.0/8, except: [10.1.0.0/16]}}]
                ports: [{protocol: UDP, port: 53}]
            """;

    private static ConnectivityResult shop() {
        ManifestSet set = Fixtures.set(Fixtures.policies(POLICIES).policies(), List.of(), List.of(
                Fixtures.workload("shop", "Deployment", "web", Map.of("app", "web")),
                Fixtures.workload("shop", "Deployment", "backend", Map.of("app", "backend"),
                        new ContainerPort("http", "TCP", 8080))));
        return WorkloadConnectivity.compute(set, AnalysisOptions.defaults());
    }

    @Test
    void textListsEachConnectedPairWithMergedExternalRanges() {
        assertThat(ConnectivityForms.text(shop())).isEqualTo("""
                0.0.0.0-255.255.255.255[External] => shop/web[Deployment] : All Connections
                shop/backend[Deployment] => 10.0.0.0-10.0.255.255[External] : UDP 53
                shop/backend[Deployment] => 10.2.0.0-10.255.255.255[External] : UDP 53
                shop/web[Deployment] => 0.0.0.0-255.255.255.255[External] : All Connections
                shop/web[Deployment] => shop/backend[Deployment] : TCP 8080,9000-9002
                """);
    }

    @Test
    void jsonCsvMarkdownAndDotCarryTheSameConnections() {
        ConnectivityResult r = shop();
        assertThat(ConnectivityForms.json(r))
                .contains("\"id\" : \"shop/Deployment/backend\"")
                .contains("\"source\" : \"shop/Deployment/web\"")
                .contains("\"destination\" : \"10.0.0.0-10.0.255.255\"")
                .containsPattern("\"TCP\" : \\[ \\[ 8080, 8080 \\], \\[ 9000, 9002 \\] \\]");
        assertThat(ConnectivityForms.csv(r)).contains("shop/web[Deployment],shop/backend[Deployment],\"TCP 8080,9000-9002\"");
        assertThat(ConnectivityForms.markdown(r)).contains("| shop/web\\[Deployment\\] | shop/backend\\[Deployment\\] | TCP 8080,9000-9002 |");
        assertThat(ConnectivityForms.dot(r)).contains("\"shop/web[Deployment]\" -> \"shop/backend[Deployment]\" [label=\"TCP 8080,9000-9002\"]");
    }

    /** A rule written as {@code null} is the empty rule, as the API server decodes it: everything is allowed. */
    @Test
    void aNullRuleAllowsEverySourceOnEveryPort() {
        ManifestSet set = Fixtures.set(Fixtures.policies("""
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: backend, namespace: shop}
                spec:
                  podSelector: {matchLabels: {app: backend}}
                  ingress:
                  - ~
                """).policies(), List.of(), List.of(
                Fixtures.workload("shop", "Deployment", "web", Map.of("app", "web")),
                Fixtures.workload("shop", "Deployment", "backend", Map.of("app", "backend"))));
        assertThat(ConnectivityForms.text(WorkloadConnectivity.compute(set, AnalysisOptions.defaults())))
                .contains("shop/web[Deployment] => shop/backend[Deployment] : All Connections")
                .contains("0.0.0.0-255.255.255.255[External] => shop/backend[Deployment] : All Connections");
    }

    @Test
    void aVersionWithCiliumPoliciesIsNotCovered() {
        ManifestSet set = new io.github.netpol.model.ManifestReader().read(List.of(new io.github.netpol.load.SourceFile(
                "p.yaml", (POLICIES + """
                ---
                apiVersion: cilium.io/v2
                kind: CiliumClusterwideNetworkPolicy
                metadata: {name: dns}
                spec:
                  endpointSelector: {}
                  egress: [{toEntities: [world]}]
                """).getBytes(java.nio.charset.StandardCharsets.UTF_8))), "default");
        assertThat(WorkloadConnectivity.covers(Fixtures.policies(POLICIES))).isTrue();
        assertThat(WorkloadConnectivity.covers(set)).isFalse();
        assertThat(WorkloadConnectivity.uncovered(set)).hasValueSatisfying(s -> assertThat(s)
                .startsWith("1 CiliumNetworkPolicy/CiliumClusterwideNetworkPolicy object(s) (first: "
                        + "CiliumClusterwideNetworkPolicy/dns at "));
    }
}
