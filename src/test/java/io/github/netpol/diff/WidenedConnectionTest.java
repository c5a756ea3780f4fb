package io.github.netpol.diff;

import io.github.netpol.analysis.oracle.Oracle;
import io.github.netpol.finding.Endpoint;
import io.github.netpol.finding.Finding;
import io.github.netpol.finding.Witness;
import io.github.netpol.model.ManifestSet;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static io.github.netpol.diff.DiffFixture.diff;
import static io.github.netpol.diff.DiffFixture.of;
import static org.assertj.core.api.Assertions.assertThat;

/** Connections between declared workloads that open because labels changed, not because a policy did. */
class WidenedConnectionTest {

    static final String POLICIES = """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: db, namespace: shop}
            spec:
              podSelector: {matchLabels: {app: db}}
              policyTypes: [Ingress]
              ingress:
              - from: [{podSelector: {matchLabels: {app: api}}}]
                ports: [{port: 5432}]
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: batch, namespace: shop}
            spec:
              podSelector: {}
              policyTypes: [Egress]
              egress:
              - to: [{podSelector: {}}]
              - to: [{ipBlock: {cidr: 203.0.113.0/24}}]
                ports: [{port: 443}]
            ---
            """;

    static String workload(String name, String app) {
        return """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: %s, namespace: shop}
                spec:
                  selector: {matchLabels: {app: %s}}
                  template:
                    metadata:
                      labels:
                        app: %s
                    spec:
                      containers:
                      - name: main
                        image: example
                        ports: [{name: pg, containerPort: 5432}]
                ---
                """.formatted(name, app, app);
    }

    @Test
    void relabellingAPodTemplateOpensTheDatabase() {
        String before = POLICIES + workload("db", "db") + workload("api", "api") + workload("batch", "batch");
        String after = POLICIES + workload("db", "db") + workload("api", "api") + workload("batch", "api");
        DiffResult r = diff(before, after);

        assertThat(of(r, "WIDENED_INGRESS")).isEmpty();
        assertThat(of(r, "WIDENED_EGRESS")).isEmpty();
        Finding f = WideningTrapsTest.single(r, "WIDENED_CONNECTION");
        assertThat(f.id()).isEqualTo("WIDENED_CONNECTION/shop/Deployment/batch->shop/Deployment/db");
        assertThat(f.namespace()).isEqualTo("shop");
        assertThat(f.location().file()).isEqualTo(DiffFixture.FILE);
        // the changed pod template is the cause (and where the finding points), the rules it now matches the effect
        assertThat(f.message()).isEqualTo("The pod template of Deployment shop/batch changed: its labels are now app=api"
                + " (before: app=batch). Deployment shop/batch can now connect to Deployment shop/db on TCP 5432, although"
                + " no policy changed for it: rule ingress[0].from[0] of NetworkPolicy shop/db (k8s/policies.yaml:8:12)"
                + " admits it into Deployment shop/db; rule egress[0].to[0] of NetworkPolicy shop/batch"
                + " (k8s/policies.yaml:18:10) lets Deployment shop/batch send it. For example: Deployment shop/batch ->"
                + " Deployment shop/db on TCP 5432 (the port it names 'pg'). If this is not intended, restore the labels or"
                + " ports; if it is, accept it with this entry under 'accepted:' in netpol-accepted.yaml:");
        assertThat(f.fix()).isEqualTo("  - id: WIDENED_CONNECTION/shop/Deployment/batch->shop/Deployment/db\n"
                + "    reason: \"<why this change is intended>\"");
        assertThat(f.witness().port()).isEqualTo(5432);
        assertConfirmedByOracle(before, after, f, Map.of("app", "batch"));
    }

    @Test
    void relabellingOpensAnExternalRange() {
        String egress = """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: deny-egress, namespace: shop}
                spec:
                  podSelector: {}
                  policyTypes: [Egress]
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: api-to-partner, namespace: shop}
                spec:
                  podSelector: {matchLabels: {app: api}}
                  policyTypes: [Egress]
                  egress:
                  - to: [{ipBlock: {cidr: 203.0.113.0/24}}]
                    ports: [{port: 443}]
                ---
                """;
        DiffResult r = diff(egress + workload("worker", "worker"), egress + workload("worker", "api"));
        Finding f = WideningTrapsTest.single(r, "WIDENED_CONNECTION");
        assertThat(f.id()).isEqualTo("WIDENED_CONNECTION/shop/Deployment/worker->203.0.113.0-203.0.113.255");
        // an ordinary host of the range, not its network address
        assertThat(f.witness().destination()).isEqualTo(new Endpoint.Ip("203.0.113.10"));
        assertThat(f.witness().port()).isEqualTo(443);
        assertThat(r.findings()).hasSize(1);
    }

    /**
     * With an Admin tier policy, the per-workload comparison runs through the tiers: the relabelled workload is now
     * accepted by the Admin rule that admits the API, and the finding names that rule.
     */
    @Test
    void relabellingUnderAnAdminTierPolicyNamesTheDecidingTierRule() {
        String tier = """
                apiVersion: policy.networking.k8s.io/v1alpha2
                kind: ClusterNetworkPolicy
                metadata: {name: db-guard}
                spec:
                  tier: Admin
                  priority: 10
                  subject: {pods: {namespaceSelector: {}, podSelector: {matchLabels: {app: db}}}}
                  ingress:
                  - name: api-to-db
                    action: Accept
                    from: [{pods: {namespaceSelector: {}, podSelector: {matchLabels: {app: api}}}}]
                  - name: deny-rest
                    action: Deny
                    from: [{namespaces: {}}]
                ---
                """;
        DiffResult r = diff(tier + workload("db", "db") + workload("api", "api") + workload("batch", "batch"),
                tier + workload("db", "db") + workload("api", "api") + workload("batch", "api"));
        Finding f = WideningTrapsTest.single(r, "WIDENED_CONNECTION");
        assertThat(f.id()).isEqualTo("WIDENED_CONNECTION/shop/Deployment/batch->shop/Deployment/db");
        assertThat(f.message()).contains("can now connect to Deployment shop/db on every port of every protocol")
                .contains("ingress: ClusterNetworkPolicy db-guard (Admin, priority 10) ingress[0] 'api-to-db' (Accept)")
                .contains("egress: default allow")
                .doesNotContain("does not evaluate");
        assertThat(r.findings()).hasSize(1);
    }

    @Test
    void aPolicyChangeIsReportedOnItsSideNotPerWorkloadPair() {
        String workloads = workload("db", "db") + workload("api", "api") + workload("batch", "batch");
        String widened = POLICIES.replace("from: [{podSelector: {matchLabels: {app: api}}}]", "from: [{podSelector: {}}]");
        DiffResult r = diff(POLICIES + workloads, widened + workloads);
        assertThat(of(r, "WIDENED_INGRESS")).hasSize(1);
        assertThat(of(r, "WIDENED_CONNECTION")).isEmpty();
    }

    @Test
    void aNewWorkloadIsNotAWidening() {
        DiffResult r = diff(POLICIES + workload("db", "db"), POLICIES + workload("db", "db") + workload("api", "api"));
        assertThat(r.findings()).isEmpty();
    }

    private static void assertConfirmedByOracle(String before, String after, Finding f, Map<String, String> oldSourceLabels) {
        Witness w = f.witness();
        Oracle now = oracle(DiffFixture.read(after));
        Oracle then = oracle(DiffFixture.read(before));
        Endpoint.Pod src = (Endpoint.Pod) w.source();
        Endpoint.Pod dst = (Endpoint.Pod) w.destination();
        assertThat(now.egressAllows(src, dst, w.protocol(), w.port()) && now.ingressAllows(dst, src, w.protocol(), w.port()))
                .as("the new version allows %s", w.describe()).isTrue();
        Endpoint.Pod oldSrc = new Endpoint.Pod(src.namespace(), src.namespaceLabels(), new HashMap<>(oldSourceLabels), src.namedPorts());
        assertThat(then.egressAllows(oldSrc, dst, w.protocol(), w.port()) && then.ingressAllows(dst, oldSrc, w.protocol(), w.port()))
                .as("the old version did not allow it").isFalse();
    }

    private static Oracle oracle(ManifestSet set) {
        return new Oracle(set.policies().stream().map(p -> new Oracle.Policy(p.namespace(), p.policy())).toList());
    }
}
