package io.github.netpol.validate.lint;

import io.github.netpol.finding.Direction;
import io.github.netpol.finding.Finding;
import io.github.netpol.validate.lint.engine.LintEngine;
import io.github.netpol.validate.lint.engine.LintRules;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Cases beyond the documented examples: defaulting, exact positions, and where rules must stay quiet. */
class LintRuleCasesTest {

    private static List<Finding> run(String ruleId, String yaml) {
        return run(ruleId, yaml, LintRulesTest.SETTINGS);
    }

    private static List<Finding> run(String ruleId, String yaml, LintSettings settings) {
        LintRule rule = LintRules.byId(ruleId).orElseThrow();
        return new LintEngine(List.of(rule)).run(ManifestFixture.load(yaml), settings);
    }

    private static String policy(String spec) {
        return Examples.policy(spec);
    }

    @Test
    void separateSelectorsPointAtTheSecondItem() {
        List<Finding> f = run("separate-namespace-and-pod-selector", policy("""
                podSelector: {}
                ingress:
                - from:
                  - namespaceSelector:
                      matchLabels:
                        kubernetes.io/metadata.name: web
                  - podSelector:
                      matchLabels:
                        app: frontend
                """));
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.location().line()).isEqualTo(13);
            assertThat(x.location().column()).isEqualTo(7);
            assertThat(x.message()).contains("shop/api").contains("item 1 (namespaceSelector) and item 2 (podSelector)");
        });
        assertThat(run("separate-namespace-and-pod-selector", policy("""
                podSelector: {}
                ingress:
                - from:
                  - podSelector: {matchLabels: {app: a}}
                  - podSelector: {matchLabels: {app: b}}
                """))).isEmpty();
    }

    @Test
    void emptyPeerListWithoutPortsIsOnlyAllowAll() {
        String yaml = policy("""
                podSelector: {}
                ingress:
                - from: []
                """);
        assertThat(run("allow-all-rule", yaml)).singleElement().satisfies(x -> assertThat(x.message()).contains("`from: []`"));
        assertThat(run("empty-peer-list", yaml)).isEmpty();
        assertThat(run("omitted-peer-list", yaml)).isEmpty();
    }

    @Test
    void clusterCidrOverlapRespectsExceptAndIsQuietWhenNotConfigured() {
        String carved = policy("""
                podSelector: {}
                policyTypes: [Egress]
                egress:
                - to:
                  - ipBlock:
                      cidr: 10.0.0.0/8
                      except: [10.244.0.0/16, 10.96.0.0/12]
                """);
        assertThat(run("ipblock-overlaps-pod-cidr", carved)).isEmpty();
        assertThat(run("ipblock-overlaps-service-cidr", carved)).isEmpty();
        String covering = policy("""
                podSelector: {}
                policyTypes: [Egress]
                egress:
                - to:
                  - ipBlock:
                      cidr: 10.244.3.0/24
                """);
        assertThat(run("ipblock-overlaps-pod-cidr", covering)).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("10.244.0.0/16"));
        assertThat(run("ipblock-overlaps-pod-cidr", covering, LintSettings.defaults())).isEmpty();
    }

    /** Lint used to read the IPv4-mapped form as a 32-bit address, found /104 too long and skipped the block. */
    @Test
    void anIpv4MappedIpBlockIsTheIpv4NetworkItMaps() {
        String mapped = policy("""
                podSelector: {}
                policyTypes: [Egress]
                egress:
                - to:
                  - ipBlock:
                      cidr: "::ffff:10.0.0.0/104"
                """);
        assertThat(run("ipblock-overlaps-pod-cidr", mapped)).singleElement().satisfies(x -> assertThat(x.message())
                .contains("ipBlock ::ffff:10.0.0.0/104 (10.0.0.0/8) overlaps the pod CIDR 10.244.0.0/16"));
        assertThat(run("ipblock-overlaps-service-cidr", mapped)).hasSize(1);
        assertThat(run("ipblock-short-prefix", mapped)).isEmpty();
        assertThat(run("ipblock-short-prefix", mapped.replace("/104", "/100"))).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("has a /4 prefix, shorter than /8"));
        assertThat(run("ipblock-any-address", mapped.replace("10.0.0.0/104", "0.0.0.0/96"))).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("matches every IPv4 address"));
    }

    @Test
    void hostBitsInExceptAndIpv6() {
        List<Finding> f = run("cidr-host-bits", policy("""
                podSelector: {}
                policyTypes: [Egress]
                egress:
                - to:
                  - ipBlock:
                      cidr: 2001:db8::/32
                      except:
                      - 2001:db8::1/64
                """));
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.message()).contains("2001:db8:0:0:0:0:0:0/64");
            assertThat(x.location().line()).isEqualTo(14);
        });
    }

    @Test
    void egressRulesWithDefaultedTypesAreNotIgnored() {
        assertThat(run("egress-rules-ignored", policy("""
                podSelector: {}
                egress:
                - to: [{podSelector: {}}]
                """))).isEmpty();
    }

    @Test
    void udpPortWithExplicitUdpTwinAndTcpPortsAreFine() {
        assertThat(run("udp-port-defaults-to-tcp", policy("""
                podSelector: {}
                policyTypes: [Egress]
                egress:
                - ports:
                  - {port: 53, protocol: UDP}
                  - port: 53
                  - port: 80
                """))).isEmpty();
        assertThat(run("udp-port-defaults-to-tcp", policy("""
                podSelector: {}
                policyTypes: [Egress]
                egress:
                - ports:
                  - port: 123
                """))).singleElement().satisfies(x -> assertThat(x.message()).contains("NTP").contains("UDP/123"));
    }

    @Test
    void namedPortOnIngressFromIpBlockIsFine() {
        assertThat(run("named-port-on-ipblock", policy("""
                podSelector: {}
                ingress:
                - from:
                  - ipBlock: {cidr: 203.0.113.0/24}
                  ports:
                  - port: https
                """))).isEmpty();
    }

    @Test
    void requiredIsolationMessageCarriesTheYamlToAdd() {
        List<Finding> f = run("required-isolation", Examples.deployment("api", "http", 8080));
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.severity().label()).isEqualTo("error");
            assertThat(x.direction()).isEqualTo(Direction.INGRESS);
            assertThat(x.location().line()).isEqualTo(5); // the workload's metadata.namespace
            assertThat(x.message()).isEqualTo("Namespace shop has no default-deny ingress policy (a NetworkPolicy with"
                    + " podSelector: {} and Ingress in its policyTypes), which netpol.requireIsolation asks of every"
                    + " namespace the sources declare or use (the default). Until it has one, a new pod in shop starts"
                    + " open to all ingress traffic. Add the NetworkPolicy below; or leave shop out of the namespaces"
                    + " that must be isolated, e.g. -Dnetpol.requireIsolation='*,!shop' (globs; ! excludes; or list the"
                    + " namespaces you have isolated so far); or switch the rule off with -Dnetpol.requireIsolation=none:");
            assertThat(x.fix()).isEqualTo("""
                    ---
                    apiVersion: networking.k8s.io/v1
                    kind: NetworkPolicy
                    metadata:
                      name: default-deny-ingress
                      namespace: shop
                    spec:
                      podSelector: {}
                      policyTypes: [Ingress]""");
            // the console prints the block last, as it is: nothing is appended to the YAML
            assertThat(x.consoleLine()).endsWith("[required-isolation]\n" + x.fix());
            // pasted, it is a valid manifest that ends the finding
            String pasted = Examples.deployment("api", "http", 8080) + "\n" + x.fix() + "\n";
            assertThat(run("required-isolation", pasted)).isEmpty();
            assertThat(io.github.netpol.validate.ValidationRun.of(
                    new io.github.netpol.load.CollectedSources(List.of(new io.github.netpol.load.SourceFile("fix.yaml",
                            x.fix().getBytes(java.nio.charset.StandardCharsets.UTF_8))), List.of(), List.of()), "default",
                    LintRulesTest.SETTINGS)
                    .blockingErrors()).isEmpty();
        });
    }

    @Test
    void requiredIsolationHonoursDefaultedTypesDirectionsAndGlobs() {
        String both = policy("""
                podSelector: {}
                egress:
                - to: [{podSelector: {}}]
                """);
        LintSettings bothDirections = LintSettings.defaults().withRequireIsolation(List.of(), IsolationDirections.BOTH);
        assertThat(run("required-isolation", both, bothDirections)).isEmpty();
        String ingressOnly = policy("""
                podSelector: {}
                policyTypes: [Ingress]
                """);
        assertThat(run("required-isolation", ingressOnly, bothDirections)).singleElement()
                .satisfies(x -> assertThat(x.fix()).contains("name: default-deny-egress").contains("policyTypes: [Egress]"));
        String selective = policy("""
                podSelector: {matchLabels: {app: api}}
                policyTypes: [Ingress]
                """);
        assertThat(run("required-isolation", selective)).hasSize(1);
        assertThat(run("required-isolation", selective, LintSettings.defaults()
                .withRequireIsolation(List.of("prod-*"), IsolationDirections.INGRESS))).isEmpty();
        assertThat(run("required-isolation", selective, LintSettings.defaults()
                .withRequireIsolation(List.of("*", "!sh?p"), IsolationDirections.INGRESS))).isEmpty();
        assertThat(run("required-isolation", selective, LintSettings.defaults()
                .withRequireIsolation(List.of("none"), IsolationDirections.INGRESS))).isEmpty();
    }

    private static final String TENANT = """
            apiVersion: v1
            kind: Namespace
            metadata:
              name: shop
              labels: {tenant: a}
            ---
            """;

    private static String tierDeny(String tier, String subject, String rules) {
        return TENANT + """
                apiVersion: policy.networking.k8s.io/v1alpha2
                kind: ClusterNetworkPolicy
                metadata:
                  name: deny
                spec:
                  tier: %s
                  priority: 100
                  subject:
                %s
                """.formatted(tier, subject.indent(4).stripTrailing()) + rules.indent(2);
    }

    @Test
    void requiredIsolationIsMetByATierDenyOfEveryPodPeerAndPort() {
        LintSettings both = LintSettings.defaults().withRequireIsolation(List.of(), IsolationDirections.BOTH);
        String denyAll = """
                ingress:
                - action: Deny
                  from:
                  - namespaces: {}
                egress:
                - action: Deny
                  to:
                  - networks: [0.0.0.0/0, '::/0']
                """;
        assertThat(run("required-isolation", tierDeny("Baseline", "namespaces: {matchLabels: {tenant: a}}", denyAll), both)).isEmpty();
        assertThat(run("required-isolation", tierDeny("Admin", "namespaces: {}", denyAll), both)).isEmpty();
        // a subject that does not take in the namespace
        assertThat(run("required-isolation", tierDeny("Admin", "namespaces: {matchLabels: {tenant: b}}", denyAll), both))
                .singleElement().satisfies(x -> assertThat(x.message()).contains("or an Admin- or Baseline-tier Deny whose"
                        + " subject selects every pod of shop and whose rule matches every peer on every port"));
        // only some pods, peers, ports or addresses: not isolated, and the message says why each Deny does not count
        assertThat(run("required-isolation", tierDeny("Admin", """
                pods:
                  namespaceSelector: {}
                  podSelector: {matchLabels: {app: api}}""", denyAll))).singleElement().satisfies(x ->
                assertThat(x.message()).contains("ingress[0] (Deny) of ClusterNetworkPolicy deny (Admin, priority 100) at"
                        + " test.yaml:").contains("does not count: its subject selects only pods with app=api."));
        assertThat(run("required-isolation", tierDeny("Admin", "namespaces: {}", """
                ingress:
                - action: Deny
                  from:
                  - namespaces: {matchLabels: {tenant: b}}
                """))).singleElement().satisfies(x -> assertThat(x.message())
                .contains("it matches only some sources (every pod of every namespace is namespaces: {})"));
        assertThat(run("required-isolation", tierDeny("Admin", "namespaces: {}", """
                ingress:
                - action: Deny
                  from:
                  - namespaces: {}
                  protocols:
                  - tcp: {destinationPort: {number: 22}}
                """))).singleElement().satisfies(x -> assertThat(x.message()).contains("it matches only some ports"));
        assertThat(run("required-isolation", tierDeny("Admin", "namespaces: {}", denyAll.replace(", '::/0'", "")), both))
                .singleElement().satisfies(x -> {
                    assertThat(x.direction()).isEqualTo(Direction.EGRESS);
                    assertThat(x.message()).contains("every address is networks: [0.0.0.0/0, '::/0']");
                });
        // the same Deny isolates the declared workloads it covers
        String deployment = "---\n" + Examples.deployment("api", "http", 8080);
        assertThat(run("workload-not-isolated-ingress", tierDeny("Baseline", "namespaces: {}", denyAll) + deployment)).isEmpty();
        assertThat(run("workload-not-isolated-ingress", tierDeny("Baseline", "pods:\n  namespaceSelector: {}\n"
                + "  podSelector: {matchLabels: {app: web}}", denyAll) + deployment)).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("and by no Admin- or Baseline-tier Deny of every peer and port"));
        // Accept and Pass do not isolate
        assertThat(run("required-isolation", tierDeny("Admin", "namespaces: {}", denyAll.replace("Deny", "Pass")))).hasSize(1);
    }

    @Test
    void dnsAllowedByASeparatePolicyForAllPods() {
        String deny = Examples.policy("deny", """
                podSelector: {}
                policyTypes: [Egress]
                """);
        String dns = Examples.policy("dns", """
                podSelector: {}
                policyTypes: [Egress]
                egress:
                - ports:
                  - {port: 53, protocol: UDP}
                  - {port: 53, protocol: TCP}
                """);
        assertThat(run("egress-dns-blocked", Examples.docs(deny, dns))).isEmpty();
        String udpOnly = dns.replace("  - {port: 53, protocol: TCP}\n", "");
        assertThat(run("egress-dns-blocked", Examples.docs(deny, udpOnly))).hasSize(2)
                .allSatisfy(x -> assertThat(x.message()).contains("TCP/53").doesNotContain("UDP/53"));
    }

    @Test
    void dnsIsJudgedPerDeclaredWorkload() {
        String deny = Examples.policy("deny", """
                podSelector: {}
                policyTypes: [Egress]
                """);
        String dnsForApi = Examples.policy("dns-api", """
                podSelector: {matchLabels: {app: api}}
                policyTypes: [Egress]
                egress:
                - ports:
                  - {port: 53, protocol: UDP}
                  - {port: 53, protocol: TCP}
                """);
        String onlyApi = Examples.docs(Examples.deployment("api", "http", 8080), deny, dnsForApi);
        assertThat(run("egress-dns-blocked", onlyApi)).isEmpty();
        String withWeb = Examples.docs(Examples.deployment("api", "http", 8080), Examples.deployment("web", "http", 80),
                deny, dnsForApi);
        assertThat(run("egress-dns-blocked", withWeb)).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("shop/deny"));
    }

    @Test
    void workloadRulesStayQuietWithoutDeclaredWorkloads() {
        String yaml = policy("""
                podSelector: {matchLabels: {app: ghost}}
                policyTypes: [Ingress, Egress]
                ingress:
                - from: [{podSelector: {matchLabels: {app: nobody}}}]
                  ports: [{port: web}, {port: 1234}]
                egress:
                - ports: [{port: web}]
                """);
        for (String id : List.of("policy-selects-no-workload", "peer-pod-selector-matches-nothing", "named-port-not-declared",
                "numeric-port-not-declared", "workload-not-isolated-ingress", "host-network-workload-selected")) {
            assertThat(run(id, yaml)).as(id).isEmpty();
        }
    }

    @Test
    void egressNamedPortIsLookedUpOnDestinations() {
        String yaml = Examples.docs(Examples.deployment("api", "http", 8080), Examples.deployment("db", "pg", 5432),
                policy("""
                        podSelector: {matchLabels: {app: api}}
                        policyTypes: [Egress]
                        egress:
                        - to: [{podSelector: {matchLabels: {app: db}}}]
                          ports: [{port: pg}, {port: http}]
                        """));
        assertThat(run("named-port-not-declared", yaml)).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("'http'").contains("shop/Deployment/db"));
    }

    @Test
    void egressIsolationByDefaultedTypesCountsForWorkloads() {
        String yaml = Examples.docs(Examples.deployment("api", "http", 8080), policy("""
                podSelector: {}
                egress:
                - to: [{podSelector: {}}]
                """));
        assertThat(run("workload-not-isolated-egress", yaml)).isEmpty();
        assertThat(run("workload-not-isolated-ingress", yaml)).isEmpty();
    }

    @Test
    void cronJobPodTemplateIsSelected() {
        String cron = """
                apiVersion: batch/v1
                kind: CronJob
                metadata: {name: report, namespace: shop}
                spec:
                  schedule: "@daily"
                  jobTemplate:
                    spec:
                      template:
                        metadata: {labels: {app: report}}
                        spec:
                          containers: [{name: r, image: r}]
                """;
        assertThat(run("policy-selects-no-workload", Examples.docs(cron, policy("""
                podSelector: {matchLabels: {app: report}}
                policyTypes: [Ingress]
                """)))).isEmpty();
    }

    @Test
    void equalRulesInTwoPoliciesForTheSamePodsReportTheLaterOnly() {
        String rule = """
                podSelector: {matchLabels: {app: api}}
                policyTypes: [Ingress]
                ingress:
                - from: [{podSelector: {matchLabels: {app: web}}}]
                  ports: [{port: 8080}]
                """;
        List<Finding> f = run("shadowed-rule", Examples.docs(Examples.policy("a", rule), Examples.policy("b", rule)));
        assertThat(f).singleElement().satisfies(x -> assertThat(x.message()).startsWith("NetworkPolicy shop/b").contains("shop/a ingress rule 1 (test.yaml:"));
        String otherPods = Examples.policy("b", rule.replace("app: api", "app: db"));
        assertThat(run("shadowed-rule", Examples.docs(Examples.policy("a", rule), otherPods))).isEmpty();
    }

    @Test
    void twoIdenticalPoliciesGiveOneFindingWithOneAdvice() {
        String p = policy("""
                podSelector: {}
                policyTypes: [Ingress]
                """);
        assertThat(LintRules.byId("duplicate-policy")).as("folded into duplicate-object").isEmpty();
        List<Finding> all = io.github.netpol.validate.ValidationRun.of(new io.github.netpol.load.CollectedSources(List.of(
                        new io.github.netpol.load.SourceFile("a.yaml", p.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                        new io.github.netpol.load.SourceFile("b.yaml", p.getBytes(java.nio.charset.StandardCharsets.UTF_8))),
                List.of(), List.of()), "default", LintRulesTest.SETTINGS).findings();
        assertThat(all.stream().filter(x -> x.location() != null && x.location().file().equals("b.yaml")
                && x.location().line() == 4)).singleElement().satisfies(x -> {
                    assertThat(x.id()).isEqualTo("duplicate-object");
                    assertThat(x.consoleLine()).isEqualTo("b.yaml:4:3: warning: NetworkPolicy shop/api is an identical copy"
                            + " of the one at a.yaml:4:3; remove one copy. [duplicate-object]");
                });
    }

    @Test
    void namespaceSelectorRuleNeedsDeclaredNamespaces() {
        String yaml = policy("""
                podSelector: {}
                ingress:
                - from: [{namespaceSelector: {matchLabels: {team: x}}}]
                """);
        assertThat(run("namespace-selector-matches-nothing", yaml)).isEmpty();
        String declared = Examples.docs("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: web\n  labels: {team: x}\n", yaml);
        assertThat(run("namespace-selector-matches-nothing", declared)).isEmpty();
        assertThat(run("namespace-selector-matches-nothing", declared.replace("team: x}\n", "team: y}\n"))).hasSize(1);
    }

    @Test
    void shortPrefixThresholdIsConfigurable() {
        String yaml = policy("""
                podSelector: {}
                policyTypes: [Egress]
                egress:
                - to: [{ipBlock: {cidr: 172.16.0.0/12}}]
                """);
        assertThat(run("ipblock-short-prefix", yaml)).isEmpty();
        assertThat(run("ipblock-short-prefix", yaml, LintSettings.defaults().withThresholds(1024, 16, 32))).hasSize(1);
    }
}
