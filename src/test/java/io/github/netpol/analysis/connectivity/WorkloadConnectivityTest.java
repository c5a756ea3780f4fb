package io.github.netpol.analysis.connectivity;

import io.github.netpol.analysis.AnalysisOptions;
import io.github.netpol.analysis.Fixtures;
import io.github.netpol.model.ContainerPort;
import io.github.netpol.model.ManifestSet;
import io.github.netpol.report.ConnectivityForms;
import io.github.netpol.load.SourceCollector;
import io.github.netpol.model.ManifestReader;
import io.github.netpol.model.semantics.Cidr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

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

    /**
     * Through the tiers: an Admin Pass hands the namespace's own traffic to its NetworkPolicies, an Admin Deny keeps
     * other namespaces out, a Baseline Deny closes egress to the internet for pods no NetworkPolicy isolates; equal
     * priorities that disagree leave a port possibly, not certainly, allowed. Each group of ports names what decided
     * each side.
     */
    @Test
    void tiersDecideEachConnectionAndNameTheDecidingRule(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("all.yaml"), """
                apiVersion: v1
                kind: Namespace
                metadata: {name: shop, labels: {tenant: shop}}
                ---
                apiVersion: v1
                kind: Namespace
                metadata: {name: blog, labels: {tenant: blog}}
                ---
                apiVersion: policy.networking.k8s.io/v1alpha2
                kind: ClusterNetworkPolicy
                metadata: {name: tenants}
                spec:
                  tier: Admin
                  priority: 10
                  subject: {namespaces: {matchLabels: {tenant: shop}}}
                  ingress:
                  - name: same-tenant
                    action: Pass
                    from: [{namespaces: {matchLabels: {tenant: shop}}}]
                  - name: other-tenants
                    action: Deny
                    from: [{namespaces: {}}]
                ---
                apiVersion: policy.networking.k8s.io/v1alpha2
                kind: ClusterNetworkPolicy
                metadata: {name: dns-a}
                spec:
                  tier: Admin
                  priority: 20
                  subject: {namespaces: {matchLabels: {tenant: blog}}}
                  egress:
                  - name: dns
                    action: Accept
                    to: [{networks: [192.0.2.53/32]}]
                    protocols: [{udp: {destinationPort: {number: 53}}}]
                ---
                apiVersion: policy.networking.k8s.io/v1alpha2
                kind: ClusterNetworkPolicy
                metadata: {name: dns-b}
                spec:
                  tier: Admin
                  priority: 20
                  subject: {namespaces: {matchLabels: {tenant: blog}}}
                  egress:
                  - name: no-dns
                    action: Deny
                    to: [{networks: [192.0.2.53/32]}]
                    protocols: [{udp: {destinationPort: {number: 53}}}]
                ---
                apiVersion: policy.networking.k8s.io/v1alpha2
                kind: ClusterNetworkPolicy
                metadata: {name: baseline}
                spec:
                  tier: Baseline
                  priority: 10
                  subject: {namespaces: {}}
                  egress:
                  - name: no-internet
                    action: Deny
                    to: [{networks: [0.0.0.0/0]}]
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: web, namespace: shop}
                spec:
                  podSelector: {matchLabels: {app: web}}
                  ingress:
                  - from: [{podSelector: {matchLabels: {app: api}}}]
                    ports: [{port: 8080}]
                ---
                """);
        ManifestSet set = new ManifestReader().read(new SourceCollector().collect(dir, List.of(Path.of("."))), "default");
        set = new ManifestSet(set.policies(), set.tierPolicies(), set.namespaces(), List.of(
                Fixtures.workload("shop", "Deployment", "web", Map.of("app", "web")),
                Fixtures.workload("shop", "Deployment", "api", Map.of("app", "api")),
                Fixtures.workload("blog", "Deployment", "blog", Map.of("app", "blog"))));
        ConnectivityResult r = WorkloadConnectivity.compute(set, AnalysisOptions.defaults());
        String text = ConnectivityForms.text(r);
        assertThat(r.tiers()).isTrue();
        assertThat(text)
                // the Pass hands api -> web to NetworkPolicy shop/web, which admits TCP 8080 only; web's pod IP
                // may lie in the Baseline Deny's 0.0.0.0/0, so api's egress only possibly lets it out
                .contains("shop/api[Deployment] => shop/web[Deployment] : TCP 8080\n"
                        + "    TCP 8080 possibly (egress: default allow; ingress: NetworkPolicy shop/web)\n")
                // another tenant is denied at the Admin tier whatever the NetworkPolicies say
                .doesNotContain("blog/blog[Deployment] => shop/")
                // equal priorities 20 disagree on UDP 53 to 192.0.2.53: possibly allowed, by the Accept
                .contains("blog/blog[Deployment] => 192.0.2.53-192.0.2.53[External] : UDP 53\n"
                        + "    UDP 53 possibly (egress: ClusterNetworkPolicy dns-a (Admin, priority 20) egress[0] 'dns'"
                        + " (Accept))\n")
                // pod IPs may lie in 0.0.0.0/0: the Baseline Deny makes pod-to-pod egress only possibly allowed
                .contains("shop/web[Deployment] => shop/api[Deployment] : All Connections\n"
                        + "    All Connections possibly (egress: default allow; ingress: default allow)\n");
        assertThat(text).doesNotContain("shop/web[Deployment] => 0.0.0.0");
        // with the pod CIDRs given (IPv6 here, outside 0.0.0.0/0), pod-to-pod egress is certain
        AnalysisOptions podCidrs = new AnalysisOptions(AnalysisOptions.NamespaceLabels.DECLARED,
                List.of(Cidr.parse("fd00::/8").orElseThrow()));
        assertThat(ConnectivityForms.text(WorkloadConnectivity.compute(set, podCidrs)))
                .contains("shop/api[Deployment] => shop/web[Deployment] : TCP 8080\n"
                        + "    TCP 8080 certainly (egress: default allow; ingress: NetworkPolicy shop/web)\n");
        assertThat(ConnectivityForms.csv(r)).startsWith("src,dst,conn,certainty,egress,ingress\n");
        assertThat(ConnectivityForms.json(r)).contains("\"certainty\" : \"possibly\"");
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
    void aVersionWithACiliumPolicyTheAnalysisDoesNotReadIsNotCovered() {
        String ccnp = POLICIES + """
                ---
                apiVersion: cilium.io/v2
                kind: CiliumClusterwideNetworkPolicy
                metadata: {name: dns}
                spec:
                  endpointSelector: {}
                  egress: [{toEntities: [world]}]
                """;
        assertThat(WorkloadConnectivity.covers(Fixtures.policies(POLICIES))).isTrue();
        assertThat(WorkloadConnectivity.covers(read(ccnp))).isTrue();
        ManifestSet fqdn = read(ccnp.replace("toEntities: [world]", "toServices: [{k8sService: {serviceName: db}}]"));
        assertThat(WorkloadConnectivity.covers(fqdn)).isFalse();
        assertThat(WorkloadConnectivity.uncovered(fqdn)).hasValueSatisfying(s -> assertThat(s)
                .startsWith("1 Cilium policy object(s) the analysis does not read (first: "
                        + "CiliumClusterwideNetworkPolicy/dns: egress[0]: toServices is not analysed"));
    }

    private static ManifestSet read(String yaml) {
        return new io.github.netpol.model.ManifestReader().read(List.of(new io.github.netpol.load.SourceFile(
                "p.yaml", yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8))), "default");
    }
}
