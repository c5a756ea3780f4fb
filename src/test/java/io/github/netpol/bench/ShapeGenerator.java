package io.github.netpol.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Repositories that grow in one dimension only, each as a baseline and a current version that differ by one
 * widening, to show that the work grows with that dimension and no faster (docs/performance.md):
 * <ul>
 *   <li>{@code policies}: {@link RepositoryGenerator} with {@link ChangeGenerator}'s edit (ten policies and twenty
 *       workloads a namespace);</li>
 *   <li>{@code rules}: one policy with N ingress rules, rule i from pods {@code app=a<i>} on port {@code 1+i}; the
 *       baseline lacks the last rule;</li>
 *   <li>{@code peers}: one rule with N peers {@code app=a<i>} on ports 80 and 443; the baseline lacks the last peer;</li>
 *   <li>{@code ports}: one rule from two peers on N ports {@code 1..N}; the baseline lacks the last port;</li>
 *   <li>{@code namespaces}: N namespaces, each declared with labels, a default deny and a rule admitting a team's
 *       namespaces, and one workload; in the current version one namespace admits every namespace;</li>
 *   <li>{@code workloads}: one namespace with N Deployments under ten policies; in the current version one
 *       workload moved to a tier that more peers may reach;</li>
 *   <li>{@code cilium}: N namespaces, each declared with labels, with a CiliumNetworkPolicy selecting all its pods
 *       (so isolating them), admitting its own clients on port 8080 and allowing DNS, and one workload; in the
 *       current version one policy admits every endpoint of its namespace.</li>
 * </ul>
 * Every version carries a default deny per namespace, so that it validates with the default lint settings.
 * The output is deterministic.
 */
public final class ShapeGenerator {

    /** The dimensions, by name. */
    public enum Shape {
        POLICIES, RULES, PEERS, PORTS, NAMESPACES, WORKLOADS, CILIUM;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Shape of(String name) {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        }
    }

    /** A baseline and a current version: relative path to file content. */
    public record Versions(Shape shape, int size, Map<String, String> baseline, Map<String, String> current) {

        public long bytes() {
            return baseline.values().stream().mapToLong(String::length).sum()
                    + current.values().stream().mapToLong(String::length).sum();
        }
    }

    public Versions generate(Shape shape, int n) {
        return switch (shape) {
            case POLICIES -> {
                RepositoryGenerator.Repository old = new RepositoryGenerator().generate(n);
                yield new Versions(shape, n, old.files(), new ChangeGenerator().change(old).files());
            }
            case RULES -> new Versions(shape, n, one("rules.yaml", rules(n - 1)), one("rules.yaml", rules(n)));
            case PEERS -> new Versions(shape, n, one("peers.yaml", peers(n - 1, 2)), one("peers.yaml", peers(n, 2)));
            case PORTS -> new Versions(shape, n, one("ports.yaml", peers(2, n - 1)), one("ports.yaml", peers(2, n)));
            case NAMESPACES -> new Versions(shape, n, namespaces(n, false), namespaces(n, true));
            case WORKLOADS -> new Versions(shape, n, one("workloads.yaml", workloads(n, false)),
                    one("workloads.yaml", workloads(n, true)));
            case CILIUM -> new Versions(shape, n, cilium(n, false), cilium(n, true));
        };
    }

    private static Map<String, String> one(String path, String content) {
        return Map.of(path, content);
    }

    private static String policy(String ns, String name, String podSelector) {
        return "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: " + name + "\n  namespace: " + ns
                + "\nspec:\n  podSelector: " + podSelector + "\n";
    }

    private static String defaultDeny(String ns) {
        return policy(ns, "default-deny", "{}") + "  policyTypes: [Ingress, Egress]\n";
    }

    private static String rules(int n) {
        StringBuilder sb = new StringBuilder(defaultDeny("default")).append("---\n")
                .append(policy("default", "big", "{matchLabels: {app: target}}"))
                .append("  policyTypes: [Ingress]\n  ingress:\n");
        for (int i = 0; i < n; i++) {
            sb.append("    - from:\n        - podSelector:\n            matchLabels:\n              app: a").append(i)
                    .append("\n      ports:\n        - protocol: TCP\n          port: ").append(1 + i).append('\n');
        }
        return sb.toString();
    }

    /** One rule from {@code peers} pod peers on {@code ports} ports (80 and 443 for two, else {@code 1..ports}). */
    private static String peers(int peers, int ports) {
        StringBuilder sb = new StringBuilder(defaultDeny("default")).append("---\n")
                .append(policy("default", "big", "{matchLabels: {app: target}}"))
                .append("  policyTypes: [Ingress]\n  ingress:\n    - from:\n");
        for (int i = 0; i < peers; i++) {
            sb.append("        - podSelector:\n            matchLabels:\n              app: a").append(i).append('\n');
        }
        sb.append("      ports:\n");
        for (int i = 0; i < ports; i++) {
            int port = ports == 2 ? (i == 0 ? 80 : 443) : 1 + i;
            sb.append("        - protocol: TCP\n          port: ").append(port).append('\n');
        }
        return sb.toString();
    }

    private static Map<String, String> namespaces(int n, boolean widened) {
        Map<String, String> files = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            String ns = "ns-" + i;
            String admit = widened && i == n / 2 ? "{}" : "{matchLabels: {team: t" + (i % 40) + "}}";
            files.put("namespaces/" + ns + ".yaml", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: " + ns
                    + "\n  labels:\n    team: t" + (i % 40) + "\n    env: " + (i % 3 == 0 ? "prod" : "dev") + "\n---\n"
                    + defaultDeny(ns) + "---\n"
                    + policy(ns, "allow-team", "{matchLabels: {app: web}}")
                    + "  policyTypes: [Ingress]\n  ingress:\n    - from:\n        - namespaceSelector: " + admit
                    + "\n      ports:\n        - port: http\n---\n"
                    + deployment(ns, "web", "web", "web"));
        }
        return files;
    }

    private static Map<String, String> cilium(int n, boolean widened) {
        Map<String, String> files = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            String ns = "ns-" + i;
            String from = widened && i == n / 2 ? "{}" : "{matchLabels: {app: client}}";
            files.put("namespaces/" + ns + ".yaml", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: " + ns
                    + "\n  labels:\n    team: t" + (i % 40) + "\n---\n"
                    + "apiVersion: cilium.io/v2\nkind: CiliumNetworkPolicy\nmetadata:\n  name: web\n  namespace: " + ns
                    + "\nspec:\n  endpointSelector: {}\n  ingress:\n    - fromEndpoints:\n"
                    + "        - " + from + "\n      toPorts:\n        - ports:\n            - port: \"8080\"\n"
                    + "              protocol: TCP\n  egress:\n    - toEndpoints:\n        - matchLabels:\n"
                    + "            k8s:io.kubernetes.pod.namespace: kube-system\n            k8s-app: kube-dns\n"
                    + "      toPorts:\n        - ports:\n            - port: \"53\"\n              protocol: UDP\n---\n"
                    + deployment(ns, "web", "web", "web"));
        }
        return files;
    }

    private static String workloads(int n, boolean moved) {
        // the default deny blocks egress too: without this no connection between the workloads is allowed at all
        StringBuilder sb = new StringBuilder(defaultDeny("default")).append("---\n")
                .append(policy("default", "allow-egress", "{}")).append("  policyTypes: [Egress]\n  egress:\n    - {}\n");
        List<String> tiers = List.of("web", "api", "db", "cache", "queue", "batch", "auth", "search", "mail", "edge");
        for (int t = 0; t < tiers.size(); t++) {
            String tier = tiers.get(t);
            String from = tiers.get((t + tiers.size() - 1) % tiers.size());
            sb.append("---\n").append(policy("default", "allow-" + tier, "{matchLabels: {tier: " + tier + "}}"))
                    .append("  policyTypes: [Ingress]\n  ingress:\n    - from:\n        - podSelector:\n")
                    .append("            matchLabels:\n              tier: ").append(from)
                    .append("\n      ports:\n        - port: http\n");
        }
        for (int i = 0; i < n; i++) {
            String tier = moved && i == n / 2 ? "api" : tiers.get(i % tiers.size());
            sb.append("---\n").append(deployment("default", "w-" + i, tier, "w-" + i));
        }
        return sb.toString();
    }

    private static String deployment(String ns, String name, String tier, String app) {
        return "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: " + name + "\n  namespace: " + ns + "\nspec:\n"
                + "  replicas: 1\n  selector:\n    matchLabels:\n      app: " + app + "\n  template:\n    metadata:\n"
                + "      labels:\n        app: " + app + "\n        tier: " + tier + "\n    spec:\n      containers:\n"
                + "        - name: main\n          image: registry.example/" + name + ":1.0\n          ports:\n"
                + "            - name: http\n              containerPort: 8080\n";
    }
}
