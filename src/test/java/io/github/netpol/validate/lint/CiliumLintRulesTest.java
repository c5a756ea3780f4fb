package io.github.netpol.validate.lint;

import io.github.netpol.finding.Finding;
import io.github.netpol.validate.lint.cilium.CiliumExamples;
import io.github.netpol.validate.lint.engine.LintEngine;
import io.github.netpol.validate.lint.engine.LintRules;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The lint rules of the Cilium policies beyond their documented examples: where they fire and where not. */
class CiliumLintRulesTest {

    private static final List<String> CILIUM_RULES = List.of("cilium-selects-nothing",
            "cilium-clusterwide-no-namespace", "cilium-l7-only-rule", "cilium-entity-world-all",
            "cilium-deny-overrides-allow", "cilium-deny-overrides-nothing");

    private static List<Finding> run(String ruleId, String yaml) {
        return run(ruleId, Map.of("test.yaml", yaml));
    }

    private static List<Finding> run(String ruleId, Map<String, String> files) {
        LintRule rule = LintRules.byId(ruleId).orElseThrow();
        return new LintEngine(List.of(rule)).run(ManifestFixture.load(files), LintRulesTest.SETTINGS);
    }

    private static String deployment(String namespace, String app) {
        return """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: %2$s
                  namespace: %1$s
                spec:
                  template:
                    metadata:
                      labels:
                        app: %2$s
                    spec:
                      containers:
                      - name: main
                        image: example/%2$s
                """.formatted(namespace, app);
    }

    private static final String ALLOW_FROM_WEB = """
            ingress:
            - fromEndpoints:
              - matchLabels: {app: web}
            """;

    // ---- cilium-selects-nothing ----

    @Test
    void aSelectorMatchingNoDeclaredWorkloadOfItsNamespaceIsReportedAtTheSelector() {
        String yaml = deployment("shop", "api") + "---\n" + CiliumExamples.cnp("api", """
                endpointSelector:
                  matchLabels: {app: api-server}
                """ + ALLOW_FROM_WEB);
        assertThat(run("cilium-selects-nothing", yaml)).singleElement().satisfies(f -> {
            assertThat(f.location().file()).isEqualTo("test.yaml");
            assertThat(f.location().line()).isEqualTo(22); // spec.endpointSelector
            assertThat(f.message()).startsWith("The endpointSelector of CiliumNetworkPolicy shop/api selects none of"
                    + " the 1 workloads declared in shop (e.g. Deployment shop/api with pod labels app=api), so its"
                    + " rules protect nothing");
        });
    }

    @Test
    void theCiliumNetworkPolicyIsConfinedToItsNamespace() {
        // app=api exists, but in another namespace: the agent adds the policy's namespace to the selector
        String yaml = deployment("shop", "web") + "---\n" + deployment("billing", "api") + "---\n"
                + CiliumExamples.cnp("api", "endpointSelector:\n  matchLabels: {app: api}\n" + ALLOW_FROM_WEB);
        assertThat(run("cilium-selects-nothing", yaml)).hasSize(1);
        // no workload declared in the namespace: nothing to judge against
        String elsewhere = deployment("billing", "api") + "---\n"
                + CiliumExamples.cnp("api", "endpointSelector:\n  matchLabels: {app: api}\n" + ALLOW_FROM_WEB);
        assertThat(run("cilium-selects-nothing", elsewhere)).isEmpty();
    }

    @Test
    void sourcePrefixesAndNamespaceKeysReadTheWayTheAgentReadsThem() {
        String namespace = """
                apiVersion: v1
                kind: Namespace
                metadata:
                  name: billing
                  labels: {team: money}
                ---
                """;
        String ccnp = CiliumExamples.ccnp("api", """
                endpointSelector:
                  matchLabels:
                    k8s:app: %s
                    k8s:io.cilium.k8s.namespace.labels.team: %s
                """ + ALLOW_FROM_WEB);
        String files = namespace + deployment("billing", "api") + "---\n";
        assertThat(run("cilium-selects-nothing", files + ccnp.formatted("api", "money"))).isEmpty();
        assertThat(run("cilium-selects-nothing", files + ccnp.formatted("apj", "money"))).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("CiliumClusterwideNetworkPolicy api selects none of"
                        + " the 1 workloads declared in billing"));
        // undeclared namespaces have unknown labels; namespaces without workloads here are kept elsewhere
        assertThat(run("cilium-selects-nothing", files + ccnp.formatted("api", "shop"))).isEmpty();
        assertThat(run("cilium-selects-nothing", deployment("billing", "api") + "---\n" + ccnp.formatted("apj", "money")))
                .isEmpty();
        assertThat(run("cilium-selects-nothing", deployment("shop", "api") + "---\n" + CiliumExamples.ccnp("dns",
                "endpointSelector:\n  matchLabels: {io.kubernetes.pod.namespace: kube-system, k8s-app: kube-dns}\n"
                        + ALLOW_FROM_WEB))).isEmpty();
        assertThat(run("cilium-selects-nothing", deployment("shop", "api") + "---\n" + CiliumExamples.ccnp("web",
                "endpointSelector:\n  matchLabels: {app: web}\n" + ALLOW_FROM_WEB))).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("declared in shop"));
        // a key of another source no pod label has
        assertThat(run("cilium-selects-nothing", deployment("shop", "api") + "---\n" + CiliumExamples.cnp("api",
                "endpointSelector:\n  matchLabels: {'k8:app': api}\n" + ALLOW_FROM_WEB))).hasSize(1);
    }

    @Test
    void unanalysedSelectorsEntitiesAndHostPoliciesAreNotJudged() {
        String workloads = deployment("shop", "api") + "---\n";
        assertThat(run("cilium-selects-nothing", workloads + CiliumExamples.cnp("sa", """
                endpointSelector:
                  matchLabels: {io.cilium.k8s.policy.serviceaccount: api}
                """ + ALLOW_FROM_WEB))).isEmpty();
        assertThat(run("cilium-selects-nothing", workloads + CiliumExamples.ccnp("health", """
                endpointSelector:
                  matchLabels: {'reserved:health': ''}
                """ + ALLOW_FROM_WEB))).isEmpty();
        assertThat(run("cilium-selects-nothing", workloads + CiliumExamples.ccnp("host", """
                nodeSelector: {}
                """ + ALLOW_FROM_WEB))).isEmpty();
    }

    @Test
    void eachRuleOfSpecsIsJudgedOnItsOwnAndNamed() {
        String yaml = deployment("shop", "api") + "---\n" + CiliumExamples.cnp("api", """
                specs:
                - endpointSelector:
                    matchLabels: {app: api}
                  ingress:
                  - {}
                - endpointSelector:
                    matchLabels: {app: apj}
                  ingress:
                  - {}
                """.replace("specs:\n", "").indent(0)).replace("spec:\n", "specs:\n");
        assertThat(run("cilium-selects-nothing", yaml)).singleElement().satisfies(f -> {
            assertThat(f.message()).contains("The endpointSelector of specs/1 of CiliumNetworkPolicy shop/api");
            assertThat(f.location().line()).isEqualTo(26); // specs[1].endpointSelector
        });
    }

    // ---- cilium-clusterwide-no-namespace ----

    @Test
    void aClusterwideSelectorWithoutNamespaceKeyIsReportedWithAPasteableExclusion() {
        String yaml = CiliumExamples.ccnp("all-pods", "endpointSelector: {}\n" + ALLOW_FROM_WEB);
        assertThat(run("cilium-clusterwide-no-namespace", yaml)).singleElement().satisfies(f -> {
            assertThat(f.location().line()).isEqualTo(6);
            assertThat(f.message()).contains("CiliumClusterwideNetworkPolicy all-pods has no namespace key, so it"
                    + " selects every pod in every namespace, kube-system");
            assertThat(f.fix()).isEqualTo("""
                    matchExpressions:
                    - key: io.kubernetes.pod.namespace
                      operator: NotIn
                      values: [kube-system]""");
        });
        String withExpressions = CiliumExamples.ccnp("web", """
                endpointSelector:
                  matchExpressions:
                  - {key: app, operator: In, values: [web]}
                """ + ALLOW_FROM_WEB);
        assertThat(run("cilium-clusterwide-no-namespace", withExpressions)).singleElement().satisfies(f -> {
            assertThat(f.message()).contains("selects pods with app=web in every namespace");
            assertThat(f.fix()).startsWith("- key: io.kubernetes.pod.namespace");
        });
    }

    @Test
    void anyNamespaceKeyWithAnySourceScopesIt() {
        for (String key : List.of("io.kubernetes.pod.namespace", "k8s:io.kubernetes.pod.namespace",
                "any:io.cilium.k8s.namespace.labels.team", "io.cilium.k8s.namespace.labels.kubernetes.io/metadata.name")) {
            String yaml = CiliumExamples.ccnp("scoped", """
                    endpointSelector:
                      matchExpressions:
                      - {key: '%s', operator: NotIn, values: [kube-system]}
                    """.formatted(key) + ALLOW_FROM_WEB);
            assertThat(run("cilium-clusterwide-no-namespace", yaml)).as(key).isEmpty();
        }
        // a namespaced policy is confined by the agent; host policies and entities select no pods
        assertThat(run("cilium-clusterwide-no-namespace", CiliumExamples.cnp("api", "endpointSelector: {}\n"
                + ALLOW_FROM_WEB))).isEmpty();
        assertThat(run("cilium-clusterwide-no-namespace", CiliumExamples.ccnp("host", "nodeSelector: {}\n"
                + ALLOW_FROM_WEB))).isEmpty();
        assertThat(run("cilium-clusterwide-no-namespace", CiliumExamples.ccnp("health",
                "endpointSelector:\n  matchLabels: {'reserved:health': ''}\n" + ALLOW_FROM_WEB))).isEmpty();
    }

    // ---- cilium-l7-only-rule ----

    private static String l7Policy(String toPorts) {
        return CiliumExamples.cnp("api", """
                endpointSelector:
                  matchLabels: {app: api}
                egress:
                - toEndpoints:
                  - matchLabels: {io.kubernetes.pod.namespace: kube-system, k8s-app: kube-dns}
                  toPorts:
                """ + toPorts.indent(2));
    }

    @Test
    void anAllowWhoseEveryPortCarriesL7RulesIsReportedAtToPorts() {
        String yaml = l7Policy("""
                - ports: [{port: "53", protocol: UDP}]
                  rules:
                    dns: [{matchPattern: "*"}]
                - ports: [{port: "53", protocol: TCP}]
                  rules:
                    dns: [{matchPattern: "*"}]
                """);
        assertThat(run("cilium-l7-only-rule", yaml)).singleElement().satisfies(f -> {
            assertThat(f.location().line()).isEqualTo(12); // egress[0].toPorts
            assertThat(f.message()).startsWith("egress[0] of CiliumNetworkPolicy shop/api allows UDP/53, TCP/53 only"
                    + " through Cilium's L7 proxy (dns rules)");
        });
    }

    @Test
    void onePlainPortOrADenySectionKeepsItQuiet() {
        assertThat(run("cilium-l7-only-rule", l7Policy("""
                - ports: [{port: "53", protocol: UDP}]
                  rules:
                    dns: [{matchPattern: "*"}]
                - ports: [{port: "53", protocol: TCP}]
                """))).isEmpty();
        assertThat(run("cilium-l7-only-rule", l7Policy("""
                - ports: [{port: "53", protocol: UDP}]
                """))).isEmpty();
        assertThat(run("cilium-l7-only-rule", l7Policy("""
                - ports: [{port: "53", protocol: UDP}]
                  rules:
                    dns: [{matchPattern: "*"}]
                """).replace("egress:", "egressDeny:"))).isEmpty();
    }

    // ---- cilium-entity-world-all ----

    private static String entities(String section, String field, String list) {
        return CiliumExamples.cnp("api", """
                endpointSelector:
                  matchLabels: {app: api}
                %s:
                - %s:
                  - cluster
                  - %s
                """.formatted(section, field, list));
    }

    @Test
    void worldInIngressAndAllAnywhereAreReportedAtTheEntity() {
        assertThat(run("cilium-entity-world-all", entities("ingress", "fromEntities", "world"))).singleElement()
                .satisfies(f -> {
                    assertThat(f.location().line()).isEqualTo(12); // the entity world
                    assertThat(f.message()).startsWith("ingress[0] of CiliumNetworkPolicy shop/api has the entity"
                                    + " 'world' in fromEntities, which lets every address outside the cluster connect on"
                                    + " every port.")
                            .contains("fromCIDRSet");
                });
        assertThat(run("cilium-entity-world-all", entities("ingress", "fromEntities", "world-ipv6"))).hasSize(1);
        assertThat(run("cilium-entity-world-all", entities("egress", "toEntities", "all"))).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("allows connections to every endpoint and every"
                        + " address, in the cluster and outside it,").contains("toCIDRSet"));
    }

    @Test
    void allWithWorldDeniedInTheSameRuleIsTheCluster() {
        String lockdown = entities("ingress", "fromEntities", "all") + """
                  ingressDeny:
                  - fromEntities: [world]
                """;
        assertThat(run("cilium-entity-world-all", lockdown)).isEmpty();
        // a deny of some ports only leaves the others open to the world
        assertThat(run("cilium-entity-world-all", lockdown + """
                    toPorts:
                    - ports: [{port: "22", protocol: TCP}]
                """)).hasSize(1);
    }

    @Test
    void worldInEgressNarrowerEntitiesAndDeniesAreQuiet() {
        assertThat(run("cilium-entity-world-all", entities("egress", "toEntities", "world"))).isEmpty();
        assertThat(run("cilium-entity-world-all", entities("ingress", "fromEntities", "host"))).isEmpty();
        assertThat(run("cilium-entity-world-all", entities("ingressDeny", "fromEntities", "world"))).isEmpty();
        assertThat(run("cilium-entity-world-all", entities("egressDeny", "toEntities", "all"))).isEmpty();
    }

    // ---- all of them ----

    @Test
    void aCiliumPolicyCarriesItsOwnSuppression() {
        String yaml = entities("ingress", "fromEntities", "world").replace("  namespace: shop\n", """
                  namespace: shop
                  annotations:
                    netpol.io/ignore: cilium-entity-world-all
                    netpol.io/ignore-reason: public API behind the cloud load balancer
                """);
        assertThat(run("cilium-entity-world-all", yaml)).isEmpty();
    }

    @Test
    void theCiliumExamplesAndTruthTablePoliciesLightUpOnlyWhereTheyMeanIt() throws IOException {
        Map<String, String> files = new TreeMap<>();
        Path root = Path.of("src/test/resources/cilium");
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                files.put(root.relativize(p).toString(), Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        assertThat(ManifestFixture.load(files).ciliumPolicies()).hasSizeGreaterThan(20);
        Map<String, List<String>> found = new TreeMap<>();
        for (String id : CILIUM_RULES) {
            found.put(id, run(id, files).stream().map(f -> f.location().file() + ":" + f.location().line()).toList());
        }
        // each is what the finding says: a clusterwide selector of every namespace, egress to everything, the
        // public role open to the world, L7-only rules; the "allow all, deny world" lockdown stays quiet
        assertThat(found).isEqualTo(Map.of(
                "cilium-selects-nothing", List.of(),
                "cilium-clusterwide-no-namespace", List.of("examples/kubernetes/clusterwide/clusterscope-policy.yaml:7",
                        "examples/l3/entities/from_world_deny.yaml:6"),
                "cilium-l7-only-rule", List.of("examples/intro/intercept-all-dns.yaml:24",
                        "examples/kubernetes/serviceaccount/serviceaccount-policy.yaml:13", "examples/l3/fqdn/fqdn.yaml:14",
                        "policies/deny-table/allow-l7-http-80.yaml:8"),
                "cilium-entity-world-all", List.of("examples/l3/egress-deny/egress-deny.yaml:11",
                        "examples/l3/entities/world.yaml:11"),
                "cilium-deny-overrides-allow", List.of(),
                "cilium-deny-overrides-nothing", List.of()));
    }

    // ---- the isolation rules count Cilium default deny ----

    @Test
    void podsACiliumRuleIsolatesAreNotReportedAsOpen() {
        String cnp = """
                apiVersion: cilium.io/v2
                kind: CiliumNetworkPolicy
                metadata: {name: all, namespace: shop}
                spec:
                  endpointSelector: {}
                  ingress:
                  - fromEndpoints:
                    - matchLabels: {app: web}
                """;
        String shop = deployment("shop", "db") + "---\n" + cnp;
        assertThat(run("workload-not-isolated-ingress", shop)).isEmpty();
        assertThat(run("workload-not-isolated-egress", shop)).hasSize(1);
        assertThat(run("namespace-without-policy", shop)).isEmpty();
        // enableDefaultDeny: false leaves the pods open
        String open = shop + "  enableDefaultDeny: {ingress: false}\n";
        assertThat(run("workload-not-isolated-ingress", open)).hasSize(1);
        // a rule for other pods does not isolate this one
        assertThat(run("workload-not-isolated-ingress", shop.replace("endpointSelector: {}",
                "endpointSelector: {matchLabels: {app: web}}"))).hasSize(1);
    }

    // ---- cilium-deny-overrides-allow ----

    private static String denyAndAllow(String deny) {
        return """
                apiVersion: cilium.io/v2
                kind: CiliumNetworkPolicy
                metadata: {name: db, namespace: shop}
                spec:
                  endpointSelector: {matchLabels: {app: db}}
                  ingress:
                  - fromEndpoints: [{matchLabels: {app: api}}]
                    toPorts: [{ports: [{port: "5432", protocol: TCP}]}]
                  ingressDeny:
                  - %s
                """.formatted(deny);
    }

    @Test
    void anAllowADenyOfTheSameRuleCoversIsReportedAtTheAllow() {
        for (String deny : List.of("fromEntities: [all]", "fromEndpoints: [{matchLabels: {app: api}}]",
                "toPorts: [{ports: [{port: \"5000\", endPort: 6000, protocol: TCP}]}]",
                "{fromEndpoints: [{matchLabels: {app: api}}], toPorts: [{ports: [{port: \"5432\"}]}]}")) {
            List<Finding> f = run("cilium-deny-overrides-allow", denyAndAllow(deny));
            assertThat(f).as(deny).singleElement().satisfies(x -> {
                assertThat(x.location().line()).isEqualTo(7);
                assertThat(x.message()).contains("ingressDeny[0] of the same rule denies all of it");
            });
        }
    }

    @Test
    void aDenyOfOtherPeersOrPortsOrAnEmptyDenyLeavesTheAllowAlone() {
        for (String deny : List.of("fromEndpoints: [{matchLabels: {app: batch}}]", "{}",
                "toPorts: [{ports: [{port: \"80\", protocol: TCP}]}]",
                "{fromEndpoints: [{matchLabels: {app: api}}], toPorts: [{ports: [{port: \"5432\", protocol: UDP}]}]}")) {
            assertThat(run("cilium-deny-overrides-allow", denyAndAllow(deny))).as(deny).isEmpty();
        }
    }

    // ---- cilium-deny-overrides-nothing ----

    @Test
    void aDenyWithNoAllowToOverrideIsReportedUnlessAnAllowCouldReachThePods() {
        String deny = """
                apiVersion: cilium.io/v2
                kind: CiliumNetworkPolicy
                metadata: {name: db, namespace: shop}
                spec:
                  endpointSelector: {matchLabels: {app: db}}
                  ingressDeny:
                  - fromEndpoints: [{matchLabels: {app: batch}}]
                """;
        assertThat(run("cilium-deny-overrides-nothing", deny)).singleElement()
                .satisfies(f -> assertThat(f.location().line()).isEqualTo(7));
        // an allow of another Cilium policy of the namespace, or a NetworkPolicy rule there, may be overridden
        String allow = """
                ---
                apiVersion: cilium.io/v2
                kind: CiliumClusterwideNetworkPolicy
                metadata: {name: all}
                spec:
                  endpointSelector: {}
                  ingress: [{fromEntities: [cluster]}]
                """;
        assertThat(run("cilium-deny-overrides-nothing", deny + allow)).isEmpty();
        String np = """
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: np, namespace: shop}
                spec:
                  podSelector: {}
                  ingress: [{}]
                """;
        assertThat(run("cilium-deny-overrides-nothing", deny + np)).isEmpty();
        // without default deny the deny overrides the default allow
        assertThat(run("cilium-deny-overrides-nothing", deny.replace("  ingressDeny:",
                "  enableDefaultDeny: {ingress: false}\n  ingressDeny:"))).isEmpty();
    }
}
