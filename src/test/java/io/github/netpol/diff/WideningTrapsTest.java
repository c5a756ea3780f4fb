package io.github.netpol.diff;

import io.github.netpol.finding.Direction;
import io.github.netpol.finding.Endpoint;
import io.github.netpol.finding.Finding;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.github.netpol.diff.DiffFixture.diff;
import static io.github.netpol.diff.DiffFixture.of;
import static org.assertj.core.api.Assertions.assertThat;

/** The one-line edits of SEMANTICS.md 1.5 that silently widen access: each must be caught and located. */
class WideningTrapsTest {

    static final String NS = """
            apiVersion: v1
            kind: Namespace
            metadata:
              name: payments
              labels: {env: prod}
            ---
            apiVersion: v1
            kind: Namespace
            metadata:
              name: dev
              labels: {env: dev}
            ---
            """;

    @Test
    void emptyingThePeerListAllowsEverySource() {
        DiffResult r = diff(NS + policy("from: [{podSelector: {matchLabels: {app: web}}}]"), NS + policy("from: []"));
        Finding f = single(r, "WIDENED_INGRESS");
        assertThat(f.id()).isEqualTo("WIDENED_INGRESS/payments/allow-api");
        assertThat(f.direction()).isEqualTo(Direction.INGRESS);
        assertThat(f.namespace()).isEqualTo("payments");
        assertThat(f.location().file()).isEqualTo(DiffFixture.FILE);
        assertThat(f.location().line()).isEqualTo(22); // the rule (no peers) in the new file
        assertThat(f.witness()).isNotNull();
        assertThat(f.effective()).isTrue();
        assertThat(f.message()).isEqualTo("payments/allow-api now allows more ingress than the baseline: ingress[0] (22:5):"
                + " pods with app=api in payments accept every port of every protocol from anyone (every pod of every"
                + " namespace and every address). Connections the baseline blocked on the ingress side now pass it, and"
                + " the egress side lets this one through too (effective). For example: a pod without labels in namespace"
                + " other -> a pod with app=api in namespace payments (namespace labels env=prod) on TCP 443. If this is"
                + " not intended, narrow the rule; if it is, accept it with this entry under 'accepted:' in"
                + " netpol-accepted.yaml:");
        assertThat(f.fix()).isEqualTo("  - id: WIDENED_INGRESS/payments/allow-api\n    reason: \"<why this change is intended>\"");
    }

    @Test
    void removingTheLastEgressRuleWithoutPolicyTypesLiftsEgressIsolation() {
        String before = NS + """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: api, namespace: payments}
                spec:
                  podSelector: {matchLabels: {app: api}}
                  ingress: [{from: [{podSelector: {}}]}]
                  egress:
                  - to: [{podSelector: {matchLabels: {app: db}}}]
                """;
        String after = NS + """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: api, namespace: payments}
                spec:
                  podSelector: {matchLabels: {app: api}}
                  ingress: [{from: [{podSelector: {}}]}]
                """;
        DiffResult r = diff(before, after);
        Finding dropped = single(r, "ISOLATION_DROPPED");
        assertThat(dropped.direction()).isEqualTo(Direction.EGRESS);
        assertThat(dropped.id()).isEqualTo("ISOLATION_DROPPED/payments/api/egress");
        assertThat(dropped.message()).contains("policyTypes is omitted");
        assertThat(dropped.location().line()).isEqualTo(16); // falls back to spec: no policyTypes field
        Finding widened = single(r, "WIDENED_EGRESS");
        assertThat(widened.id()).isEqualTo("WIDENED_EGRESS/payments/api");
        assertThat(of(r, "WIDENED_INGRESS")).isEmpty();
    }

    @Test
    void removingEgressFromPolicyTypes() {
        String before = NS + denyAll("[Ingress, Egress]");
        String after = NS + denyAll("[Ingress]");
        DiffResult r = diff(before, after);
        Finding dropped = single(r, "ISOLATION_DROPPED");
        assertThat(dropped.direction()).isEqualTo(Direction.EGRESS);
        assertThat(dropped.location().line()).isEqualTo(20); // spec.policyTypes
        assertThat(dropped.message()).contains("no longer has Egress in its policyTypes");
        assertThat(of(r, "ISOLATION_DROPPED")).hasSize(1);
    }

    @Test
    void deletingADefaultDenyPointsAtTheOldFile() {
        DiffResult r = diff(NS + denyAll("[Ingress]"), NS);
        Finding dropped = single(r, "ISOLATION_DROPPED");
        assertThat(dropped.message()).contains("was removed (it was at k8s/policies.yaml:16:");
        assertThat(dropped.location().line()).isEqualTo(16);
        assertThat(single(r, "WIDENED_INGRESS").id()).isEqualTo("WIDENED_INGRESS/payments/deny-all");
    }

    @Test
    void podsNoLongerSelected() {
        String before = NS + policyWithSelector("{}", "from: [{podSelector: {matchLabels: {app: web}}}]");
        String after = NS + policyWithSelector("{matchLabels: {app: api}}", "from: [{podSelector: {matchLabels: {app: web}}}]");
        DiffResult r = diff(before, after);
        Finding dropped = single(r, "ISOLATION_DROPPED");
        assertThat(dropped.direction()).isEqualTo(Direction.INGRESS);
        assertThat(dropped.message()).contains("no longer selects these pods");
        assertThat(dropped.location().line()).isEqualTo(19);
        Endpoint.Pod pod = (Endpoint.Pod) single(r, "WIDENED_INGRESS").witness().destination();
        assertThat(pod.podLabels().get("app")).isNotEqualTo("api");
    }

    @Test
    void portFiftyThreeBecomingAnEmptyPortMeansEveryTcpPort() {
        DiffResult r = diff(NS + policy("from: [{podSelector: {}}]\n  ports: [{port: 53}]"),
                NS + policy("from: [{podSelector: {}}]\n  ports: [{}]"));
        Finding f = single(r, "WIDENED_INGRESS");
        assertThat(f.witness().protocol()).isEqualTo("TCP");
        assertThat(f.witness().port()).isNotEqualTo(53);
    }

    @Test
    void omittingPortsOpensEveryProtocol() {
        DiffResult r = diff(NS + policy("from: [{podSelector: {}}]\n  ports: [{}]"), NS + policy("from: [{podSelector: {}}]"));
        assertThat(single(r, "WIDENED_INGRESS").witness().protocol()).isNotEqualTo("TCP");
    }

    @Test
    void splittingAnAndPeerIntoTwoOrPeers() {
        String and = "from:\n    - namespaceSelector: {matchLabels: {env: dev}}\n      podSelector: {matchLabels: {app: web}}";
        String or = "from:\n    - namespaceSelector: {matchLabels: {env: dev}}\n    - podSelector: {matchLabels: {app: web}}";
        DiffResult r = diff(NS + policy(and), NS + policy(or));
        List<Finding> w = of(r, "WIDENED_INGRESS");
        assertThat(w).hasSize(1);
        assertThat(w.get(0).message()).contains("from[0]");
        assertThat(w.get(0).location().line()).isEqualTo(23); // the first, now pod-less, peer
    }

    @Test
    void namespaceLabelChangeWidensWithoutAnyPolicyEdit() {
        String policy = policy("from: [{namespaceSelector: {matchLabels: {env: prod}}}]");
        String relabelled = NS.replace("labels: {env: dev}", "labels: {env: prod}");
        DiffResult r = diff(NS + policy, relabelled + policy);
        Finding f = single(r, "WIDENED_INGRESS");
        Endpoint.Pod source = (Endpoint.Pod) f.witness().source();
        assertThat(source.namespace()).isEqualTo("dev");
        assertThat(source.namespaceLabels()).containsEntry("env", "prod");
    }

    @Test
    void movingAPolicyToAnotherNamespace() {
        String moved = NS + denyAll("[Ingress]").replace("namespace: payments", "namespace: dev");
        DiffResult r = diff(NS + denyAll("[Ingress]"), moved);
        Finding dropped = single(r, "ISOLATION_DROPPED");
        assertThat(dropped.namespace()).isEqualTo("payments");
        assertThat(of(r, "ISOLATION_ADDED")).singleElement().satisfies(f -> assertThat(f.namespace()).isEqualTo("dev"));
    }

    @Test
    void anAddedAllowRuleWidensForPodsAlreadyIsolated() {
        String deny = denyAll("[Ingress]");
        String allow = "---\n" + policy("from: [{namespaceSelector: {}}]");
        DiffResult r = diff(NS + deny, NS + deny + allow);
        Finding f = single(r, "WIDENED_INGRESS");
        assertThat(f.id()).isEqualTo("WIDENED_INGRESS/payments/allow-api");
        assertThat(f.location().line()).isGreaterThan(20);
    }

    @Test
    void aLatentWideningIsMarked() {
        String egressDenyInDev = """
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: no-egress, namespace: dev}
                spec:
                  podSelector: {}
                  policyTypes: [Egress]
                """;
        DiffResult r = diff(NS + policy("from: [{podSelector: {}}]") + egressDenyInDev,
                NS + policy("from: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: dev}}}]") + egressDenyInDev);
        Finding f = single(r, "WIDENED_INGRESS");
        assertThat(f.effective()).isFalse();
        assertThat(f.message()).contains("latent");
    }

    @Test
    void narrowingIsInformationWithAnExampleThatNoLongerPasses() {
        DiffResult r = diff(NS + policy("from: [{podSelector: {}}]\n  ports: [{port: 8000, endPort: 8100}]"),
                NS + policy("from: [{podSelector: {}}]\n  ports: [{port: 8080}]"));
        Finding f = single(r, "NARROWED_INGRESS");
        assertThat(f.id()).isEqualTo("NARROWED_INGRESS/payments");
        assertThat(f.severity()).isEqualTo(io.github.netpol.finding.Severity.INFO);
        assertThat(f.direction()).isEqualTo(Direction.INGRESS);
        assertThat(f.location().line()).isEqualTo(16);
        assertThat(f.witness().port()).isNotEqualTo(8080).isBetween(8000, 8100);
        assertThat(r.findings()).hasSize(1);
    }

    @Test
    void anExampleIsEffectiveWhenTheOtherSideAllowsThePortOnlyByName() {
        String egressByName = """
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: web-out, namespace: dev}
                spec:
                  podSelector: {}
                  policyTypes: [Egress]
                  egress:
                  - to: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: payments}}}]
                    ports: [{port: http}]
                """;
        DiffResult r = diff(NS + denyAll("[Ingress]") + egressByName,
                NS + denyAll("[Ingress]") + "---\n"
                        + policy("from: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: dev}}}]")
                        + egressByName);
        Finding f = single(r, "WIDENED_INGRESS");
        assertThat(f.effective()).isTrue();
        assertThat(((Endpoint.Pod) f.witness().destination()).namedPorts())
                .singleElement().satisfies(p -> assertThat(p.name()).isEqualTo("http"));
    }

    @Test
    void unsupportedKindsFailClosed() {
        String calico = NS + """
                apiVersion: projectcalico.org/v3
                kind: NetworkPolicy
                metadata: {name: l7, namespace: payments}
                spec: {selector: all()}
                """;
        DiffResult r = diff(NS, calico);
        Finding f = single(r, "UNSUPPORTED_POLICY_KIND");
        assertThat(f.id()).isEqualTo("UNSUPPORTED_POLICY_KIND/payments/NetworkPolicy/l7");
        assertThat(f.location().line()).isEqualTo(13);
        // and removing it again: what the baseline did not analyse may have denied something
        assertThat(of(diff(calico, NS), "UNSUPPORTED_POLICY_KIND")).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("The baseline's NetworkPolicy payments/l7"));
    }

    @Test
    void ciliumPoliciesWithConstructsNotAnalysedFailClosed() {
        String cnp = NS + """
                apiVersion: cilium.io/v2
                kind: CiliumNetworkPolicy
                metadata: {name: l7, namespace: payments}
                spec: {endpointSelector: {}, egress: [{toServices: [{k8sService: {serviceName: db}}]}]}
                """;
        Finding f = single(diff(NS, cnp), "UNSUPPORTED_POLICY_KIND");
        assertThat(f.id()).isEqualTo("UNSUPPORTED_POLICY_KIND/payments/CiliumNetworkPolicy/l7");
        assertThat(f.message()).contains("toServices is not analysed");
    }

    static Finding single(DiffResult r, String kind) {
        List<Finding> found = of(r, kind);
        assertThat(found).as("%s findings in %s", kind, r.findings()).hasSize(1);
        return found.get(0);
    }

    /** After {@link #NS}: line 13 apiVersion, 16 name, 19 podSelector, 20 policyTypes, 22 first rule. */
    static String policy(String rule) {
        return policyWithSelector("{matchLabels: {app: api}}", rule);
    }

    static String policyWithSelector(String selector, String rule) {
        return """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata:
                  name: allow-api
                  namespace: payments
                spec:
                  podSelector: %s
                  policyTypes: [Ingress]
                  ingress:
                  - %s
                """.formatted(selector, rule.replace("\n", "\n  "));
    }

    static String denyAll(String types) {
        return """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata:
                  name: deny-all
                  namespace: payments
                spec:
                  podSelector: {}
                  policyTypes: %s
                """.formatted(types);
    }
}
