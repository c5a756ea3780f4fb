package io.github.netpol.assertions;

import io.github.netpol.finding.FindingCode;

import io.github.netpol.analysis.oracle.Oracle;
import io.github.netpol.finding.Endpoint;
import io.github.netpol.finding.Witness;
import org.junit.jupiter.api.Test;

import static io.github.netpol.assertions.ShopFixture.SHOP;
import static io.github.netpol.assertions.ShopFixture.oracle;
import static io.github.netpol.assertions.ShopFixture.single;
import static org.assertj.core.api.Assertions.assertThat;

class AssertionCheckerTest {

    @Test
    void theShopsIntendedConnectivityHolds() {
        AssertionSuite.Outcome o = ShopFixture.run(SHOP, """
                tests:
                  - name: storefront reaches the api
                    from: {workload: shop/Deployment/web}
                    to: {workload: shop/Deployment/api}
                    port: 8081
                    expect: allowed
                  - name: internet cannot reach the db
                    from: {ipBlock: 0.0.0.0/0}
                    to: {workload: shop/StatefulSet/db}
                    expect: denied
                  - name: prometheus scrapes the api
                    from: {workload: monitoring/Deployment/prometheus}
                    to: {workload: shop/Deployment/api}
                    port: 9090
                    expect: allowed
                  - name: dev namespaces cannot reach payments
                    from: {namespaces: {env: dev}}
                    to: {namespace: payments}
                    expect: denied
                  - name: nothing but the api reaches the db
                    from: {namespace: shop, pods: {app: web}}
                    to: {namespace: shop, pods: {app: db}}
                    expect: denied
                """);
        assertThat(o.findings()).allSatisfy(f -> assertThat(f.kind()).as(f.message()).isEqualTo(FindingCode.ASSERTION_PASSED.id()));
        assertThat(o.passed()).isTrue();
        assertThat(o.units()).hasSize(5);
    }

    private static io.github.netpol.model.ManifestSet cilium(String yaml) {
        return new io.github.netpol.model.ManifestReader().read(java.util.List.of(new io.github.netpol.load.SourceFile(
                "cnp.yaml", yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8))), "default");
    }

    @Test
    void assertionsAreProvedOverCiliumPolicies() {
        io.github.netpol.model.ManifestSet withCilium = cilium("""
                apiVersion: cilium.io/v2
                kind: CiliumNetworkPolicy
                metadata: {name: db, namespace: shop}
                spec:
                  endpointSelector: {matchLabels: {app: db}}
                  ingress: [{fromEndpoints: [{matchLabels: {app: web}}], toPorts: [{ports: [{port: "5432"}]}]}]
                  ingressDeny: [{fromEndpoints: [{matchLabels: {app: web, role: batch}}]}]
                """);
        String tests = """
                tests:
                  - name: %s
                    from: {namespace: shop, pods: %s}
                    to: {namespace: shop, pods: {app: db}}
                    port: 5432
                    expect: %s
                """;
        assertThat(single(withCilium, tests.formatted("web reaches db", "{app: web, role: front}", "allowed")).passed())
                .isTrue();
        assertThat(single(withCilium, tests.formatted("api never", "{app: api}", "denied")).passed()).isTrue();
        assertThat(single(withCilium, tests.formatted("batch never", "{app: web, role: batch}", "denied")).passed())
                .isTrue();
        AssertionResult wrong = single(withCilium, tests.formatted("any web", "{app: web}", "allowed"));
        assertThat(wrong.passed()).as(wrong.message()).isFalse();
        assertThat(wrong.message()).contains("blocked by CiliumNetworkPolicy shop/db ingressDeny[0] (Deny) (cnp.yaml:7:17)");
    }

    @Test
    void anIpBlockEndIsAnAddressOutsideTheCluster() {
        io.github.netpol.model.ManifestSet withCilium = cilium("""
                apiVersion: cilium.io/v2
                kind: CiliumNetworkPolicy
                metadata: {name: web, namespace: a}
                spec:
                  endpointSelector: {matchLabels: {app: web}}
                  ingress: [{fromCIDRSet: [{cidr: 0.0.0.0/0}], toPorts: [{ports: [{port: "8080", protocol: TCP}]}]}]
                """);
        String tests = """
                tests:
                  - name: outside
                    from: {ipBlock: 203.0.113.0/24}
                    to: {namespace: a, pods: {app: web}}
                    port: %d
                    expect: %s
                """;
        AssertionResult open = single(withCilium, tests.formatted(8080, "allowed"));
        assertThat(open.passed()).as(open.message()).isTrue();
        AssertionResult closed = single(withCilium, tests.formatted(9999, "denied"));
        assertThat(closed.passed()).as(closed.message()).isTrue();
    }

    @Test
    void anAssertionFailsClosedWhenACiliumPolicyIsNotAnalysed() {
        io.github.netpol.model.ManifestSet withCilium = cilium("""
                apiVersion: cilium.io/v2
                kind: CiliumNetworkPolicy
                metadata: {name: deny-db, namespace: shop}
                spec:
                  endpointSelector: {matchLabels: {app: db}}
                  egress: [{toServices: [{k8sService: {serviceName: db}}]}]
                """);
        AssertionResult r = single(withCilium, """
                tests:
                  - name: anything
                    from: {namespace: shop}
                    to: {namespace: shop}
                    expect: denied
                """);
        assertThat(r.passed()).isFalse();
        assertThat(r.message()).contains("cannot be proved", "CiliumNetworkPolicy/shop/deny-db at cnp.yaml:1:1",
                "toServices is not analysed");
    }

    @Test
    void deniedButAllowedNamesTheRuleOnEachSideAndTheOracleAgrees() {
        AssertionResult r = single(SHOP, """
                tests:
                  - name: api never reaches the db
                    from: {namespace: shop, pods: {app: api}}
                    to: {workload: shop/StatefulSet/db}
                    port: 5432
                    expect: denied
                """);
        assertThat(r.passed()).isFalse();
        assertThat(r.message())
                .contains("egress of the source: allowed by shop/api egress[0].to[0] (src/main/kubernetes/shop/policies.yaml:")
                .contains("ingress of the destination: allowed by shop/db ingress[0].from[0] (src/main/kubernetes/shop/policies.yaml:");
        Witness w = r.counterexample();
        assertThat(w.port()).isEqualTo(5432);
        assertThat(((Endpoint.Pod) w.source()).podLabels()).containsEntry("app", "api");
        Oracle oracle = oracle(SHOP);
        assertThat(oracle.egressAllows((Endpoint.Pod) w.source(), w.destination(), w.protocol(), w.port())).isTrue();
        assertThat(oracle.ingressAllows((Endpoint.Pod) w.destination(), w.source(), w.protocol(), w.port())).isTrue();
    }

    @Test
    void allowedButBlockedNamesTheIsolatingPolicies() {
        AssertionResult r = single(SHOP, """
                tests:
                  - name: the internet reaches the db
                    from: {ipBlock: 0.0.0.0/0}
                    to: {workload: shop/StatefulSet/db}
                    port: 5432
                    expect: allowed
                """);
        assertThat(r.passed()).isFalse();
        assertThat(r.message()).contains("the source is an address outside the cluster and has no egress side")
                .contains("ingress of the destination: blocked, the destination is isolated for ingress by shop/default-deny (")
                .contains("shop/db (src/main/kubernetes/shop/policies.yaml:")
                .contains("and no ingress rule matches");
        Witness w = r.counterexample();
        assertThat(oracle(SHOP).ingressAllows((Endpoint.Pod) w.destination(), w.source(), w.protocol(), w.port())).isFalse();
    }

    @Test
    void universalFailsWhereOnlyDeclaredWorkloadsPass() {
        String universal = """
                tests:
                  - name: api calls payments
                    from: {namespace: shop, pods: {app: api}}
                    to: {namespace: payments, pods: {app: payments}}
                    port: 8443
                    expect: allowed
                """;
        AssertionResult open = single(SHOP, universal);
        assertThat(open.passed()).isFalse();
        // a pod labelled app=payments need not call 8443 "https", and the rule names the port
        Witness w = open.counterexample();
        assertThat(oracle(SHOP).ingressAllows((Endpoint.Pod) w.destination(), w.source(), w.protocol(), w.port())).isFalse();
        assertThat(open.message()).contains("blocked, the destination is isolated for ingress by payments/default-deny");

        AssertionResult declared = single(SHOP, universal + "    scope: declared\n");
        assertThat(declared.passed()).as(declared.message()).isTrue();
    }

    @Test
    void declaredScopeWithoutMatchingWorkloadFails() {
        AssertionResult r = single(SHOP, """
                tests:
                  - name: nobody there
                    from: {namespace: shop, pods: {app: nothing}}
                    to: {namespace: payments}
                    expect: denied
                    scope: declared
                """);
        assertThat(r.passed()).isFalse();
        assertThat(r.message()).contains("no declared workload matches from (pods {app=nothing} in namespace shop)");
    }

    @Test
    void undeclaredNamespacesMayCarryAnyLabels() {
        // shop lets prometheus in from namespace monitoring only; a namespace labelled team=platform
        // other than monitoring could hold a pod labelled app=prometheus
        AssertionResult r = single(SHOP, """
                tests:
                  - name: platform team scrapes the api
                    from: {namespaces: {team: platform}, pods: {app: prometheus}}
                    to: {workload: shop/Deployment/api}
                    port: 9090
                    expect: allowed
                """);
        assertThat(r.passed()).isFalse();
        Endpoint.Pod src = (Endpoint.Pod) r.counterexample().source();
        assertThat(src.namespace()).isNotEqualTo("monitoring");
        assertThat(src.namespaceLabels()).containsEntry("team", "platform");
        assertThat(oracle(SHOP).ingressAllows((Endpoint.Pod) r.counterexample().destination(), src, "TCP", 9090)).isFalse();
    }
}
