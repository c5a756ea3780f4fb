package io.github.netpol.validate.lint;

import io.github.netpol.finding.Finding;
import io.github.netpol.validate.lint.engine.LintEngine;
import io.github.netpol.validate.lint.engine.LintRules;
import io.github.netpol.validate.lint.tiers.TierExamples;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The lint rules of the Admin and Baseline tiers beyond their documented examples: where they fire and where not. */
class TierLintRulesTest {

    private static List<Finding> run(String ruleId, String yaml) {
        LintRule rule = LintRules.byId(ruleId).orElseThrow();
        return new LintEngine(List.of(rule)).run(ManifestFixture.load(yaml), LintRulesTest.SETTINGS);
    }

    private static String cnp(String name, String tier, int priority, String subjectNamespaces, String rules) {
        return TierExamples.cnp(name, tier, priority, subjectNamespaces, rules);
    }

    private static String banp(String rules) {
        return """
                apiVersion: policy.networking.k8s.io/v1alpha1
                kind: BaselineAdminNetworkPolicy
                metadata:
                  name: default
                spec:
                  subject:
                    namespaces: {}
                """ + rules.indent(2);
    }

    private static final String DENY_FROM_B = """
            ingress:
            - name: deny-b
              action: Deny
              from:
              - namespaces: {matchLabels: {tenant: b}}
            """;
    private static final String ACCEPT_FROM_ALL = """
            ingress:
            - name: accept-all
              action: Accept
              from:
              - namespaces: {}
            """;

    @Test
    void equalPriorityWithDisjointSubjectsOrPeersIsQuiet() {
        assertThat(run("tier-priority-overlap", cnp("a", "Admin", 10, "{matchLabels: {tenant: a}}", DENY_FROM_B)
                + "---\n" + cnp("c", "Admin", 10, "{matchLabels: {tenant: c}}", ACCEPT_FROM_ALL))).isEmpty();
        assertThat(run("tier-priority-overlap", cnp("a", "Admin", 10, "{}", DENY_FROM_B)
                + "---\n" + cnp("c", "Admin", 10, "{}", DENY_FROM_B.replace("tenant: b", "tenant: c")))).isEmpty();
        // other tiers, other priorities: ordered
        assertThat(run("tier-priority-overlap", cnp("a", "Admin", 10, "{}", DENY_FROM_B)
                + "---\n" + cnp("c", "Baseline", 10, "{}", ACCEPT_FROM_ALL))).isEmpty();
    }

    @Test
    void equalPriorityOverlapPointsAtTheLaterPriorityAndOffersAFreeOne() {
        String yaml = cnp("a", "Admin", 10, "{}", DENY_FROM_B) + "---\n"
                + cnp("b", "Admin", 10, "{matchExpressions: [{key: tenant, operator: NotIn, values: [c]}]}", ACCEPT_FROM_ALL)
                + "---\n" + cnp("c", "Admin", 11, "{matchLabels: {tenant: c}}", "");
        assertThat(run("tier-priority-overlap", yaml)).singleElement().satisfies(f -> {
            assertThat(f.location().line()).isEqualTo(22); // spec.priority of b
            assertThat(f.message()).contains("ingress[0] 'accept-all' (Accept) of ClusterNetworkPolicy b (Admin, priority 10)")
                    .contains("ingress[0] 'deny-b' (Deny) of ClusterNetworkPolicy a (Admin, priority 10) at test.yaml:11:5")
                    .contains("to every pod in namespaces whose tenant is not c from every pod in namespaces with tenant=b")
                    .contains("One says Deny, the other Accept")
                    .contains("e.g. 12 to apply it after a");
            assertThat(f.fix()).isEqualTo("priority: 12");
        });
    }

    @Test
    void theBaselineAdminNetworkPolicyOverlapsBaselineTierPoliciesWhateverTheirPriority() {
        String yaml = cnp("baseline", "Baseline", 50, "{}", DENY_FROM_B) + "---\n" + banp("""
                ingress:
                - action: Allow
                  from:
                  - pods:
                      namespaceSelector: {}
                      podSelector: {matchLabels: {app: monitoring}}
                """);
        assertThat(run("tier-priority-overlap", yaml)).singleElement().satisfies(f -> {
            assertThat(f.message()).contains("has no priority").contains("Baseline-tier ClusterNetworkPolicy with a priority");
            assertThat(f.location().line()).isEqualTo(19); // the BaselineAdminNetworkPolicy's name
            assertThat(f.fix()).isNull();
        });
    }

    @Test
    void aRuleOfALaterPolicyIsShadowedOnlyWhenTheEarlierSubjectCoversItsOwn() {
        String narrowLater = cnp("later", "Admin", 20, "{matchLabels: {tenant: a}}", DENY_FROM_B);
        assertThat(run("tier-shadowed-rule", cnp("first", "Admin", 10, "{}", ACCEPT_FROM_ALL) + "---\n" + narrowLater))
                .singleElement().satisfies(f -> {
                    assertThat(f.location().line()).isEqualTo(26);
                    assertThat(f.message()).startsWith("ingress[0] 'deny-b' (Deny) of ClusterNetworkPolicy later (Admin,"
                                    + " priority 20) never decides a connection: ingress[0] 'accept-all' (Accept) of"
                                    + " ClusterNetworkPolicy first (Admin, priority 10) at test.yaml:11:5")
                            .contains("so its Deny never applies: every such connection gets Accept instead");
                });
        // the earlier policy covers only tenant a, the later one every namespace
        assertThat(run("tier-shadowed-rule", cnp("first", "Admin", 10, "{matchLabels: {tenant: a}}", ACCEPT_FROM_ALL)
                + "---\n" + cnp("later", "Admin", 20, "{}", DENY_FROM_B))).isEmpty();
        // the same priority is the overlap rule's concern; a higher priority number comes later
        assertThat(run("tier-shadowed-rule", cnp("first", "Admin", 20, "{}", ACCEPT_FROM_ALL) + "---\n" + narrowLater)).isEmpty();
        assertThat(run("tier-shadowed-rule", cnp("first", "Admin", 30, "{}", ACCEPT_FROM_ALL) + "---\n" + narrowLater)).isEmpty();
    }

    @Test
    void portsDecideWhetherAnEarlierRuleCovers() {
        String rules = """
                ingress:
                - action: Deny
                  from:
                  - namespaces: {}
                  protocols:
                  - tcp:
                      destinationPort:
                        range: {start: 8000, end: 8100}
                - action: Accept
                  from:
                  - namespaces: {matchLabels: {tenant: b}}
                  protocols:
                  - %s
                """;
        assertThat(run("tier-shadowed-rule", cnp("p", "Admin", 1, "{}", rules.formatted("tcp: {destinationPort: {number: 8080}}"))))
                .singleElement().satisfies(f -> assertThat(f.message()).contains("ingress[1] (Accept)")
                        .contains("ingress[0] (Deny) above it").contains("TCP/8080"));
        assertThat(run("tier-shadowed-rule", cnp("p", "Admin", 1, "{}", rules.formatted("udp: {destinationPort: {number: 8080}}")))).isEmpty();
        assertThat(run("tier-shadowed-rule", cnp("p", "Admin", 1, "{}", rules.formatted("tcp: {destinationPort: {number: 9090}}")))).isEmpty();
        // a named port may resolve outside the range: not shadowed
        assertThat(run("tier-shadowed-rule", cnp("p", "Admin", 1, "{}", rules.formatted("destinationNamedPort: http")))).isEmpty();
    }

    @Test
    void anAdminPassIsQuietWhenANetworkPolicyBelowIsolatesThatDirection() {
        String pass = cnp("delegate", "Admin", 20, "{matchLabels: {tenant: a}}", """
                ingress:
                - name: same-tenant
                  action: Pass
                  from:
                  - namespaces: {matchLabels: {tenant: a}}
                """);
        String namespace = """
                apiVersion: v1
                kind: Namespace
                metadata:
                  name: shop
                  labels: {tenant: a}
                ---
                """;
        String ingressPolicy = Examples.policy("default-deny", "podSelector: {}\npolicyTypes: [Ingress]\n");
        String egressPolicy = Examples.policy("default-deny", "podSelector: {}\npolicyTypes: [Egress]\n");
        assertThat(run("tier-pass-to-default-allow", namespace + ingressPolicy + "---\n" + pass)).isEmpty();
        assertThat(run("tier-pass-to-default-allow", namespace + egressPolicy + "---\n" + pass)).singleElement()
                .satisfies(f -> {
                    assertThat(f.message()).contains("no NetworkPolicy isolates ingress in a namespace of every pod in"
                            + " namespaces with tenant=a").contains("so the Pass acts as an Accept");
                    assertThat(f.fix()).contains("tier: Baseline").contains("  subject:\n    namespaces:\n      matchLabels:\n"
                            + "        tenant: a\n").contains("  ingress:\n  - name: default-deny\n    action: Deny\n    from:\n"
                            + "    - namespaces: {}");
                });
        // a NetworkPolicy in a namespace outside the subject does not count
        assertThat(run("tier-pass-to-default-allow", ingressPolicy + "---\n" + pass)).hasSize(1);
    }

    @Test
    void theAdminPassFixPastedAsItIsValidatesAndEndsTheFinding() {
        for (String direction : List.of("ingress", "egress")) {
            String pass = cnp("delegate", "Admin", 20, "{matchLabels: {tenant: a}}", """
                    %s:
                    - action: Pass
                      %s:
                      - namespaces: {matchLabels: {tenant: a}}
                    """.formatted(direction, direction.equals("ingress") ? "from" : "to"));
            Finding f = run("tier-pass-to-default-allow", pass).get(0);
            String pasted = pass + f.fix() + "\n";
            assertThat(run("tier-pass-to-default-allow", pasted)).as(direction).isEmpty();
            assertThat(io.github.netpol.validate.ValidationRun.of(new io.github.netpol.load.CollectedSources(List.of(
                    new io.github.netpol.load.SourceFile("fix.yaml", pasted.getBytes(java.nio.charset.StandardCharsets.UTF_8))),
                    List.of(), List.of()), "default", LintRulesTest.SETTINGS).blockingErrors()).as(direction).isEmpty();
        }
    }

    @Test
    void aBaselinePassAlwaysFallsThroughToTheDefaultAllow() {
        String yaml = cnp("baseline", "Baseline", 20, "{}", """
                egress:
                - action: Pass
                  to:
                  - networks: [10.0.0.0/8]
                """) + "---\n" + Examples.policy("default-deny", "podSelector: {}\npolicyTypes: [Egress]\n");
        assertThat(run("tier-pass-to-default-allow", yaml)).singleElement().satisfies(f -> {
            assertThat(f.message()).contains("egress[0] (Pass) of ClusterNetworkPolicy baseline (Baseline, priority 20)")
                    .contains("In the Baseline tier a Pass skips the rest of the tier").contains("Write action: Accept");
            assertThat(f.fix()).isNull();
        });
    }

    @Test
    void aV1alpha1RuleIsReportedOnlyWhenAClusterNetworkPolicyOfItsTierSaysTheSame() {
        String anp = """
                apiVersion: policy.networking.k8s.io/v1alpha1
                kind: AdminNetworkPolicy
                metadata:
                  name: old
                spec:
                  priority: 10
                  subject:
                    namespaces: {matchLabels: {tenant: a}}
                  ingress:
                  - name: deny-b
                    action: %s
                    from:
                    - namespaces: {matchLabels: {tenant: b}}
                    ports:
                    - portNumber: {protocol: TCP, port: 80}
                """;
        String current = cnp("new", "Admin", 30, "{matchLabels: {tenant: a}}", """
                ingress:
                - name: deny-b
                  action: Deny
                  from:
                  - namespaces: {matchLabels: {tenant: b}}
                  protocols:
                  - tcp: {destinationPort: {number: 80}}
                """);
        assertThat(run("tier-v1alpha1-duplicate", anp.formatted("Deny") + "---\n" + current)).singleElement()
                .satisfies(f -> assertThat(f.message()).startsWith("ingress[0] 'deny-b' (Deny) of AdminNetworkPolicy old"
                        + " (Admin, priority 10) says what ingress[0] 'deny-b' (Deny) of ClusterNetworkPolicy new (Admin,"
                        + " priority 30) at test.yaml:"));
        assertThat(run("tier-v1alpha1-duplicate", anp.formatted("Pass") + "---\n" + current)).isEmpty();
        assertThat(run("tier-v1alpha1-duplicate", anp.formatted("Deny") + "---\n"
                + current.replace("tier: Admin", "tier: Baseline"))).isEmpty();
        assertThat(run("tier-v1alpha1-duplicate", anp.formatted("Deny") + "---\n"
                + current.replace("number: 80", "number: 81"))).isEmpty();
    }

    @Test
    void aTierFindingCanBeSuppressedOnThePolicy() {
        String yaml = cnp("baseline", "Baseline", 20, "{}", """
                egress:
                - action: Pass
                  to:
                  - networks: [10.0.0.0/8]
                """).replace("  name: baseline\n", """
                  name: baseline
                  annotations:
                    netpol.io/ignore: tier-pass-to-default-allow
                    netpol.io/ignore-reason: the default allow is meant
                """);
        assertThat(run("tier-pass-to-default-allow", yaml)).isEmpty();
    }
}
