package io.github.netpol.analysis.connectivity;

import io.github.netpol.analysis.AnalysisOptions;
import io.github.netpol.load.SourceFile;
import io.github.netpol.model.ManifestReader;
import io.github.netpol.model.ManifestSet;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The connectivity list of a version with Cilium policies, read off the side analysis. */
class CiliumConnectivityTest {

    private static final String WORKLOADS = """
            apiVersion: v1
            kind: Namespace
            metadata: {name: shop}
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
                spec: {containers: [{name: c, image: c, ports: [{containerPort: 8080}]}]}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: batch, namespace: shop}
            spec:
              selector: {matchLabels: {app: batch}}
              template:
                metadata: {labels: {app: batch}}
                spec: {containers: [{name: c, image: c}]}
            ---
            apiVersion: cilium.io/v2
            kind: CiliumNetworkPolicy
            metadata: {name: db-guard, namespace: shop}
            spec:
              endpointSelector: {matchLabels: {app: db}}
              ingress:
                - fromEndpoints: [{matchLabels: {app: api}}]
                  toPorts: [{ports: [{port: "5432", protocol: TCP}]}]
                - fromEndpoints: [{matchLabels: {app: batch}}]
                  toPorts: [{ports: [{port: "5432", protocol: TCP}], rules: {http: [{method: GET}]}}]
            """;

    private static ConnectivityResult compute(String yaml) {
        ManifestSet set = new ManifestReader().read(List.of(new SourceFile("k8s/all.yaml",
                yaml.getBytes(StandardCharsets.UTF_8))), "default");
        assertThat(set.problems()).isEmpty();
        assertThat(WorkloadConnectivity.covers(set)).isTrue();
        return WorkloadConnectivity.compute(set, AnalysisOptions.defaults());
    }

    private static Optional<Connection> between(ConnectivityResult r, String from, String to) {
        return r.connections().stream().filter(c -> c.source().id().endsWith(from) && c.destination().id().endsWith(to))
                .findFirst();
    }

    @Test
    void theCiliumRulesDecideWhatReachesTheSelectedPods() {
        ConnectivityResult r = compute(WORKLOADS);
        Connection api = between(r, "/api", "/db").orElseThrow();
        assertThat(api.certainPorts().text()).isEqualTo("TCP 5432");
        assertThat(api.verdicts()).singleElement().satisfies(v -> assertThat(v.ingress())
                .isEqualTo("CiliumNetworkPolicy shop/db-guard ingress[0] (Allow)"));
        // the L7 rules decide: possibly, where the proxy lets the request through
        Connection batch = between(r, "/batch", "/db").orElseThrow();
        assertThat(batch.ports().text()).isEqualTo("TCP 5432");
        assertThat(batch.certainPorts().isEmpty()).isTrue();
        // pods no policy isolates keep every port
        assertThat(between(r, "/db", "/api").orElseThrow().certainPorts().isAll()).isTrue();
    }

    @Test
    void addressesAreAllowedByKindAndTheLocalHostReachesItsPods() {
        ConnectivityResult r = compute(WORKLOADS);
        // db accepts no outside address, but its own node reaches it (the agent's default allow-localhost)
        List<Connection> toDb = r.connections().stream().filter(c -> c.source() instanceof Node.External
                && c.destination().id().endsWith("/db")).toList();
        assertThat(toDb).isNotEmpty().allSatisfy(c -> {
            assertThat(c.certainPorts().isEmpty()).isTrue();
            assertThat(c.ports().isAll()).isTrue();
        });
    }
}
