package io.github.netpol.analysis;

import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.github.netpol.analysis.connectivity.WorkloadConnectivity;
import io.github.netpol.model.ContainerPort;
import io.github.netpol.model.ManifestSet;
import io.github.netpol.model.NamespaceManifest;
import io.github.netpol.model.PolicyManifest;
import io.github.netpol.model.WorkloadManifest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Benchmark, not a test: 1,000 namespaces, 10,000 policies, 20,000 workloads; symbolic analysis of
 * one version and comparison of two. Run with
 * {@code ./mvnw -q -o test-compile exec:java} is not configured; use
 * {@code java -cp "target/classes:target/test-classes:$(cat cp.txt)" io.github.netpol.analysis.AnalysisBench}
 * after {@code ./mvnw -o dependency:build-classpath -Dmdep.outputFile=cp.txt}.
 */
public final class AnalysisBench {

    private AnalysisBench() {
    }

    public static void main(String[] args) {
        int namespaces = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        ManifestSet old = generate(namespaces, false);
        ManifestSet current = generate(namespaces, true);
        System.out.printf("%d namespaces, %d policies, %d workloads%n", namespaces, old.policies().size(), old.workloads().size());
        for (int round = 0; round < 3; round++) {
            long t0 = System.nanoTime();
            AnalyzedVersion a = PolicyAnalyzer.analyze(old, AnalysisOptions.defaults());
            long t1 = System.nanoTime();
            List<SideComparison> sides = SideComparison.compareAll(old, current, AnalysisOptions.defaults());
            int widened = 0;
            for (SideComparison s : sides) {
                if (!s.newlyAllowed().isEmpty()) {
                    widened++;
                    s.newlyAllowedContributions();
                }
            }
            long t2 = System.nanoTime();
            System.out.printf("round %d: analyze %d ms (%d namespaces); compare both versions %d ms, %d widened sides%n",
                    round, (t1 - t0) / 1_000_000, a.namespaces().size(), (t2 - t1) / 1_000_000, widened);
        }
        ManifestSet small = generate(100, false);
        long t3 = System.nanoTime();
        int connections = WorkloadConnectivity.compute(small, AnalysisOptions.defaults()).connections().size();
        System.out.printf("connectivity of %d workloads: %d ms, %d connections%n", small.workloads().size(),
                (System.nanoTime() - t3) / 1_000_000, connections);
    }

    /** Ten policies and twenty workloads a namespace; {@code widened} loosens one rule in every tenth namespace. */
    static ManifestSet generate(int count, boolean widened) {
        List<PolicyManifest> policies = new ArrayList<>();
        List<NamespaceManifest> namespaces = new ArrayList<>();
        List<WorkloadManifest> workloads = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            String ns = "team-" + n;
            namespaces.add(Fixtures.namespace(ns, Map.of("team", "t" + (n % 50), "env", n % 3 == 0 ? "prod" : "dev")));
            policies.add(policy(ns, "deny-all", "{podSelector: {}, policyTypes: [Ingress, Egress]}"));
            policies.add(policy(ns, "dns", "{podSelector: {}, policyTypes: [Egress], egress: [{to: [{namespaceSelector: "
                    + "{matchLabels: {kubernetes.io/metadata.name: kube-system}}, podSelector: {matchLabels: {k8s-app: kube-dns}}}],"
                    + " ports: [{port: 53, protocol: UDP}, {port: 53}]}]}"));
            for (int i = 0; i < 8; i++) {
                String from = widened && n % 10 == 0 && i == 0 ? "[]"
                        : "[{podSelector: {matchLabels: {app: app" + ((i + 1) % 10) + "}}}, {namespaceSelector: {matchExpressions: "
                        + "[{key: team, operator: In, values: [t" + ((n + i) % 50) + "]}, {key: env, operator: NotIn, values: [prod]}]}}]";
                policies.add(policy(ns, "allow-" + i, "{podSelector: {matchLabels: {app: app" + i + "}}, ingress: [{from: "
                        + from + ", ports: [{port: http}, {port: 8000, endPort: 8100}]}], egress: [{to: [{ipBlock: {cidr: 10."
                        + (i * 10) + ".0.0/16, except: [10." + (i * 10) + ".1.0/24]}}, {podSelector: {matchLabels: {tier: db}}}]}]}"));
            }
            for (int w = 0; w < 20; w++) {
                workloads.add(Fixtures.workload(ns, "Deployment", "w" + w,
                        Map.of("app", "app" + (w % 10), "tier", w % 4 == 0 ? "db" : "web"),
                        new ContainerPort("http", "TCP", 8080)));
            }
        }
        return Fixtures.set(policies, namespaces, workloads);
    }

    private static PolicyManifest policy(String ns, String name, String spec) {
        NetworkPolicy np = Fixtures.policy("{apiVersion: networking.k8s.io/v1, kind: NetworkPolicy, metadata: {name: "
                + name + ", namespace: " + ns + "}, spec: " + spec + "}").policy();
        return Fixtures.policy(np);
    }
}
