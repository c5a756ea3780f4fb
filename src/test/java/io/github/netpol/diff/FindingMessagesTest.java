package io.github.netpol.diff;

import io.github.netpol.finding.Endpoint;
import io.github.netpol.finding.Finding;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.github.netpol.diff.DiffFixture.diff;
import static io.github.netpol.diff.DiffFixture.of;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exact words of the check's findings: the cause where the finding points, the effect, an example a person
 * recognises (a declared workload on its declared port, an ordinary address) and the entry to paste. Every witness
 * is confirmed by the brute-force oracle ({@link DiffFixture#diff}).
 */
class FindingMessagesTest {

    private static final String NS = """
            apiVersion: v1
            kind: Namespace
            metadata:
              name: payments
              labels:
                team: payments
            ---
            apiVersion: v1
            kind: Namespace
            metadata:
              name: db
            ---
            """;
    private static final String WORKLOADS = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: api
              namespace: payments
            spec:
              template:
                metadata:
                  labels:
                    app: api
                spec:
                  containers:
                    - name: c
                      ports:
                        - name: http
                          containerPort: 8080
            ---
            apiVersion: apps/v1
            kind: StatefulSet
            metadata:
              name: db
              namespace: db
            spec:
              template:
                metadata:
                  labels:
                    app: db
                spec:
                  containers:
                    - name: c
                      ports:
                        - name: postgres
                          containerPort: 5432
            ---
            """;
    private static final String DENY = """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: default-deny
              namespace: db
            spec:
              podSelector: {}
              policyTypes: [Ingress, Egress]
            ---
            """;
    private static final String ALLOW = """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: allow-db
              namespace: db
            spec:
              podSelector:
                matchLabels:
                  app: db
              policyTypes: [Ingress]
              ingress:
                - from:
                    - namespaceSelector:
                        matchLabels:
                          env: prod
                  ports:
                    - port: postgres
            ---
            """;


    private static final String PROD = NS.replace("team: payments", "team: payments\n    env: prod");

    private static Finding single(DiffResult r, String kind) {
        List<Finding> f = of(r, kind);
        assertThat(f).as(kind).hasSize(1);
        return f.get(0);
    }

    @Test
    void aNamespaceThatGainsALabelIsTheCauseAndTheUnchangedRuleTheEffect() {
        Finding f = single(diff(NS + WORKLOADS + DENY + ALLOW, PROD + WORKLOADS + DENY + ALLOW), "WIDENED_INGRESS");
        assertThat(f.id()).isEqualTo("WIDENED_INGRESS/db/allow-db");
        assertThat(f.location()).hasToString("k8s/policies.yaml:5:3"); // the Namespace's labels
        assertThat(f.message()).isEqualTo("Namespace payments now has the labels env=prod, team=payments (before:"
                + " team=payments). The rule ingress[0].from[0] of NetworkPolicy db/allow-db (k8s/policies.yaml:69:11),"
                + " which did not change, now matches pods of namespace payments: pods with app=db in db accept TCP port"
                + " named 'postgres' from any pod in namespaces with env=prod. So db/allow-db allows more ingress than the"
                + " baseline (effective: the egress side allows the example too). For example: Deployment payments/api ->"
                + " StatefulSet db/db on TCP 5432 (the port it names 'postgres'). If this is not intended, restore the"
                + " Namespace's labels, or narrow the rule; if it is, accept it with this entry under 'accepted:' in"
                + " netpol-accepted.yaml:");
        assertThat(f.parts().cause()).startsWith("Namespace payments now has the labels");
        assertThat(f.fix()).isEqualTo("  - id: WIDENED_INGRESS/db/allow-db\n    reason: \"<why this change is intended>\"");
    }

    @Test
    void droppedEgressIsolationSaysThePodsMayReachEveryDestination() {
        DiffResult r = diff(NS + WORKLOADS + DENY + ALLOW, NS + WORKLOADS + DENY.replace("[Ingress, Egress]", "[Ingress]") + ALLOW);
        assertThat(single(r, "ISOLATION_DROPPED").message()).isEqualTo("NetworkPolicy db/default-deny no longer has Egress"
                + " in its policyTypes. Pods such as StatefulSet db/db are no longer isolated for egress, so they may reach"
                + " every destination. For example: StatefulSet db/db -> Deployment payments/api on TCP 8080 (the port it"
                + " names 'http'). If this is not intended, list Egress in spec.policyTypes explicitly; if it is, accept it"
                + " with this entry under 'accepted:' in netpol-accepted.yaml:");
        assertThat(single(r, "WIDENED_EGRESS").message()).contains("The pods it isolated for egress may now connect to"
                + " every destination: any pod in db may send every port of every protocol to any pod in any namespace");
    }

    @Test
    void droppedIngressIsolationSaysEverySourceMayReachThePods() {
        DiffResult r = diff(NS + WORKLOADS + DENY + ALLOW, NS + WORKLOADS + DENY.replace("[Ingress, Egress]", "[Egress]"));
        assertThat(of(r, "ISOLATION_DROPPED")).extracting(Finding::id).containsExactly(
                "ISOLATION_DROPPED/db/allow-db/ingress", "ISOLATION_DROPPED/db/default-deny/ingress");
        assertThat(of(r, "ISOLATION_DROPPED")).allSatisfy(f -> assertThat(f.message()).contains("Pods such as StatefulSet"
                + " db/db are no longer isolated for ingress, so every source may reach them. For example: Deployment"
                + " payments/api -> StatefulSet db/db on TCP 5432 (the port it names 'postgres')."));
    }

    @Test
    void selectorsReadAsPeopleSayThemAndAddressesAreOrdinaryHosts() {
        DiffResult r = diff(NS + WORKLOADS + DENY + ALLOW, NS + WORKLOADS + DENY + ALLOW + """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata:
                  name: open
                  namespace: db
                spec:
                  podSelector:
                    matchExpressions:
                      - {key: app, operator: NotIn, values: [db]}
                  policyTypes: [Egress]
                  egress:
                    - to:
                        - ipBlock:
                            cidr: 10.0.0.0/8
                      ports:
                        - port: 9000
                """);
        Finding f = single(r, "WIDENED_EGRESS");
        assertThat(f.message()).contains("egress[0].to[0] (86:11): pods whose app is not db in db may send TCP 9000 to"
                + " addresses in 10.0.0.0/8.")
                // no declared workload of db is such a pod: a pod by its labels, the rule's own port, a host of the range
                .contains("For example: a pod without labels in namespace db -> address 10.0.0.10 on TCP 9000.");
        assertThat(f.witness().destination()).isEqualTo(new Endpoint.Ip("10.0.0.10"));
    }

    @Test
    void rangesArePrintedPerFamily() {
        String open = """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata:
                  name: world
                  namespace: db
                spec:
                  podSelector:
                    matchLabels:
                      app: db
                  policyTypes: [Egress]
                  egress:
                    - to:
                        - ipBlock:
                            cidr: 0.0.0.0/0
                        - ipBlock:
                            cidr: ::/0
                      ports:
                        - port: 443
                """;
        Finding f = single(diff(NS + WORKLOADS + DENY + ALLOW + open, NS + WORKLOADS + DENY + ALLOW), "NARROWED_EGRESS");
        // each family is a range of its own, never one range from 0.0.0.0 to ffff:...
        assertThat(f.message()).contains("to addresses 0.0.0.0/0 (and 1 more part)").doesNotContain("ffff:ffff");
        assertThat(f.message()).contains("For example: a pod with app=db in namespace db -> address 203.0.113.10 on"
                + " TCP 443 is not allowed any more.");
    }

    @Test
    void aRelabelledPodTemplateIsTheCauseAndTheRulesThatNowAdmitItTheEffect() {
        String allow = ALLOW.replace("""
                            matchLabels:
                              env: prod
                """, """
                            matchLabels:
                              env: prod
                          podSelector:
                            matchLabels:
                              app: client
                """);
        Finding f = single(diff(PROD + WORKLOADS + DENY + allow, PROD + WORKLOADS.replace("app: api", "app: client")
                + DENY + allow), "WIDENED_CONNECTION");
        assertThat(f.location()).hasToString("k8s/policies.yaml:22:7"); // the pod template's labels
        assertThat(f.message()).isEqualTo("The pod template of Deployment payments/api changed: its labels are now"
                + " app=client (before: app=api). Deployment payments/api can now connect to StatefulSet db/db on TCP 5432,"
                + " although no policy changed for it: rule ingress[0].from[0] of NetworkPolicy db/allow-db"
                + " (k8s/policies.yaml:69:11) admits it into StatefulSet db/db; Deployment payments/api is not isolated for"
                + " egress. For example: Deployment payments/api -> StatefulSet db/db on TCP 5432 (the port it names"
                + " 'postgres'). If this is not intended, restore the labels or ports; if it is, accept it with this entry"
                + " under 'accepted:' in netpol-accepted.yaml:");
    }
}
