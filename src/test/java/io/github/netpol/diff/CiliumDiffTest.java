package io.github.netpol.diff;

import io.github.netpol.analysis.AnalysisOptions;
import io.github.netpol.finding.Finding;
import io.github.netpol.finding.FindingCode;
import io.github.netpol.model.ManifestSet;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The gate over Cilium policies: the widenings the issue names, each credited to the rule responsible. */
class CiliumDiffTest {

    private static final String NAMESPACE = """
            apiVersion: v1
            kind: Namespace
            metadata:
              name: shop
            ---
            """;

    private static final String GUARD = """
            apiVersion: cilium.io/v2
            kind: CiliumNetworkPolicy
            metadata:
              name: db-guard
              namespace: shop
            spec:
              endpointSelector:
                matchLabels:
                  app: db
              ingress:
                - fromEndpoints:
                    - matchLabels:
                        app: api
                  toPorts:
                    - ports:
                        - port: "5432"
                          protocol: TCP
            """;

    private static final String DENY = """
              ingressDeny:
                - fromEndpoints:
                    - matchLabels:
                        app: api
                        role: batch
            """;

    private static ManifestSet read(String yaml) {
        return DiffFixture.read(yaml);
    }

    private static List<Finding> failing(String before, String after) {
        DiffResult r = new VersionDiff(AnalysisOptions.defaults(), "netpol-accepted.yaml").compare(read(before), read(after));
        return DiffFixture.failing(r);
    }

    @Test
    void unchangedCiliumPolicyIsAnalysedAndPasses() {
        assertThat(failing(NAMESPACE + GUARD, NAMESPACE + GUARD)).isEmpty();
    }

    @Test
    void removedDenyIsAWideningNamingTheDeny() {
        List<Finding> f = failing(NAMESPACE + GUARD + DENY, NAMESPACE + GUARD);
        assertThat(f).extracting(Finding::code).containsOnly(FindingCode.WIDENED_INGRESS);
        assertThat(f.get(0).message()).contains("CiliumNetworkPolicy shop/db-guard").contains("ingressDeny[0]");
    }

    @Test
    void addedDenyIsANarrowingOnly() {
        assertThat(failing(NAMESPACE + GUARD, NAMESPACE + GUARD + DENY)).isEmpty();
    }

    @Test
    void worldReplacingACidrSetIsAWidening() {
        String cidr = NAMESPACE + """
                apiVersion: cilium.io/v2
                kind: CiliumNetworkPolicy
                metadata:
                  name: out
                  namespace: shop
                spec:
                  endpointSelector: {}
                  egress:
                    - toCIDRSet:
                        - cidr: 203.0.113.0/24
                      toPorts:
                        - ports:
                            - port: "443"
                """;
        String world = cidr.replace("toCIDRSet:", "toEntities:").replace("- cidr: 203.0.113.0/24", "- world");
        assertThat(world).contains("toEntities");
        List<Finding> f = failing(cidr, world);
        assertThat(f).extracting(Finding::code).containsOnly(FindingCode.WIDENED_EGRESS);
        assertThat(f.get(0).message()).contains("CiliumNetworkPolicy shop/out").contains("egress[0]");
    }

    @Test
    void networkPolicyAllowOnACiliumIsolatedPodIsAWidening() {
        String np = """
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata:
                  name: monitoring
                  namespace: shop
                spec:
                  podSelector:
                    matchLabels:
                      app: db
                  ingress:
                    - from:
                        - podSelector:
                            matchLabels:
                              app: monitoring
                """;
        List<Finding> f = failing(NAMESPACE + GUARD, NAMESPACE + GUARD + np);
        assertThat(f).extracting(Finding::code).containsOnly(FindingCode.WIDENED_INGRESS);
        assertThat(f.get(0).message()).contains("monitoring");
    }

    @Test
    void refusedConstructFailsClosedWithTheReason() {
        String fqdn = NAMESPACE + """
                apiVersion: cilium.io/v2
                kind: CiliumNetworkPolicy
                metadata:
                  name: dns
                  namespace: shop
                spec:
                  endpointSelector: {}
                  egress:
                    - toServices:
                        - k8sService: {serviceName: db}
                """;
        List<Finding> f = failing(fqdn, fqdn);
        assertThat(f).extracting(Finding::code).containsOnly(FindingCode.UNSUPPORTED_POLICY_KIND);
        assertThat(f.get(0).message()).contains("toServices");
    }

    @Test
    void removingAPolicyTheBaselineDidNotAnalyseFailsClosed() {
        String fqdn = NAMESPACE + GUARD + """
                ---
                apiVersion: cilium.io/v2
                kind: CiliumNetworkPolicy
                metadata:
                  name: dns
                  namespace: shop
                spec:
                  endpointSelector: {}
                  egressDeny:
                    - toServices:
                        - k8sService: {serviceName: db}
                """;
        List<Finding> f = failing(fqdn, NAMESPACE + GUARD);
        assertThat(f).extracting(Finding::code).contains(FindingCode.UNSUPPORTED_POLICY_KIND);
    }

    @Test
    void aRelabelledWorkloadNowMatchedByAPeerSelectorIsReportedWithTheRule() {
        String workloads = """
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: db, namespace: shop}
                spec:
                  selector: {matchLabels: {app: db}}
                  template:
                    metadata: {labels: {app: db}}
                    spec: {containers: [{name: c, image: c, ports: [{containerPort: 5432}]}]}
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: batch, namespace: shop}
                spec:
                  selector: {matchLabels: {app: %s}}
                  template:
                    metadata: {labels: {app: %s}}
                    spec: {containers: [{name: c, image: c}]}
                """;
        List<Finding> f = failing(NAMESPACE + GUARD + workloads.formatted("batch", "batch"),
                NAMESPACE + GUARD + workloads.formatted("api", "api"));
        assertThat(f).extracting(Finding::code).containsOnly(FindingCode.WIDENED_CONNECTION);
        assertThat(f.get(0).message()).contains("Deployment shop/batch").contains("TCP 5432")
                .contains("ingress[0] of CiliumNetworkPolicy shop/db-guard");
    }

    @Test
    void isolationThatHoldsOnlyUnderAnAgentSettingCountsAsDropped() {
        String off = GUARD.replace("  ingress:", "  enableDefaultDeny: {ingress: false}\n  ingress:");
        assertThat(off).contains("enableDefaultDeny");
        List<Finding> f = failing(NAMESPACE + GUARD, NAMESPACE + off);
        assertThat(f).extracting(Finding::code).contains(FindingCode.ISOLATION_DROPPED, FindingCode.WIDENED_INGRESS);
        assertThat(f).filteredOn(x -> x.code() == FindingCode.WIDENED_INGRESS).first()
                .satisfies(x -> assertThat(x.message()).contains("enable-non-default-deny-policies"));
    }

    @Test
    void changedL7RulesArePossiblyWiderAndTheExampleIsADeclaredWorkload() {
        String workloads = """
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: db, namespace: shop}
                spec:
                  selector: {matchLabels: {app: db}}
                  template:
                    metadata: {labels: {app: db}}
                    spec: {containers: [{name: c, image: c, ports: [{containerPort: 5432}]}]}
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: api, namespace: shop}
                spec:
                  selector: {matchLabels: {app: api}}
                  template:
                    metadata: {labels: {app: api}}
                    spec: {containers: [{name: c, image: c}]}
                """;
        String get = GUARD.replace("protocol: TCP", "protocol: TCP\n          rules: {http: [{method: GET}]}");
        assertThat(get).contains("rules:");
        assertThat(failing(NAMESPACE + get + workloads, NAMESPACE + get + workloads)).isEmpty();
        List<Finding> f = failing(NAMESPACE + get + workloads, NAMESPACE + get.replace("GET", "POST") + workloads);
        assertThat(f).extracting(Finding::code).containsOnly(FindingCode.WIDENED_INGRESS);
        assertThat(f.get(0).message()).contains("Deployment shop/api").contains("TCP 5432")
                .contains("passes the L7 rules");
    }

    @Test
    void aNamespaceOnlyACiliumSelectorNamesIsCompared() {
        String ccnp = """
                apiVersion: cilium.io/v2
                kind: CiliumClusterwideNetworkPolicy
                metadata: {name: prod-guard}
                spec:
                  endpointSelector: {matchLabels: {k8s:io.kubernetes.pod.namespace: prod}}
                  ingress:
                    - fromEndpoints: [{matchLabels: {app: api}}]
                """;
        // prod is declared nowhere and holds no workload: only the selector names it
        List<Finding> f = failing(NAMESPACE + ccnp, NAMESPACE + ccnp.replace("app: api", "app: any"));
        assertThat(f).extracting(Finding::code).contains(FindingCode.WIDENED_INGRESS);
        assertThat(f).anySatisfy(x -> assertThat(x.namespace()).isEqualTo("prod"));
    }

    @Test
    void aWiderFqdnPatternIsAWideningWithANamedExample() {
        String fqdn = NAMESPACE + """
                apiVersion: cilium.io/v2
                kind: CiliumNetworkPolicy
                metadata: {name: out, namespace: shop}
                spec:
                  endpointSelector: {}
                  egress:
                    - toFQDNs: [{matchName: api.example.com}]
                      toPorts: [{ports: [{port: "443", protocol: TCP}]}]
                """;
        assertThat(failing(fqdn, fqdn)).isEmpty();
        List<Finding> f = failing(fqdn, fqdn.replace("matchName: api.example.com", "matchPattern: \"*.example.com\""));
        assertThat(f).extracting(Finding::code).containsOnly(FindingCode.WIDENED_EGRESS);
        assertThat(f.get(0).message()).contains("egress[0]").contains("TCP 443").contains(".example.com");
        // and narrowing it back passes
        assertThat(failing(fqdn.replace("matchName: api.example.com", "matchPattern: \"*.example.com\""), fqdn)).isEmpty();
    }
}
