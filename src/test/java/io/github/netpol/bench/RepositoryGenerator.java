package io.github.netpol.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a realistic policy repository of a given size as YAML files, one directory a namespace.
 * Each application namespace holds ten policies and twenty workloads: a default deny, DNS egress,
 * the web/api/db tiers, monitoring admitted by namespace label, a partner namespace admitted by name,
 * egress to an external range with an except, and named container ports the rules refer to. Shared
 * namespaces ({@code kube-system}, {@code monitoring}, {@code shared-services}) come once.
 * The output is deterministic: the same size gives the same bytes.
 */
public final class RepositoryGenerator {

    /** Policies in one application namespace. */
    public static final int POLICIES_PER_NAMESPACE = 10;

    private static final String[] ENVS = {"prod", "staging", "dev"};

    /** A repository in memory: relative path to file content, sorted by path. */
    public record Repository(Map<String, String> files, int policies, int workloads, int namespaces) {

        public long bytes() {
            return files.values().stream().mapToLong(String::length).sum();
        }
    }

    /** A repository with about {@code policies} policies (rounded to whole namespaces, at least one). */
    public Repository generate(int policies) {
        int namespaces = Math.max(1, Math.round(policies / (float) POLICIES_PER_NAMESPACE));
        Map<String, String> files = new LinkedHashMap<>();
        files.put("platform/kube-system.yaml", namespace("kube-system", Map.of("tier", "platform"))
                + defaultDeny("kube-system") + "---\n" + allowFromEveryNamespace("kube-system", "allow-dns", "k8s-app: kube-dns",
                "        - protocol: UDP\n          port: 53\n        - protocol: TCP\n          port: 53\n")
                + "---\n" + workload("kube-system", "Deployment", "coredns", Map.of("k8s-app", "kube-dns"),
                List.of(port("dns", "UDP", 53), port("dns-tcp", "TCP", 53))));
        files.put("platform/monitoring.yaml", namespace("monitoring", Map.of("team", "monitoring", "tier", "platform"))
                + defaultDeny("monitoring")
                + "---\n" + workload("monitoring", "StatefulSet", "prometheus", Map.of("app", "prometheus"),
                List.of(port("web", "TCP", 9090))));
        files.put("platform/shared-services.yaml", namespace("shared-services", Map.of("purpose", "shared", "tier", "platform"))
                + defaultDeny("shared-services") + "---\n" + allowFromEveryNamespace("shared-services", "allow-vault",
                "app: vault", "        - port: api\n")
                + "---\n" + workload("shared-services", "Deployment", "vault", Map.of("app", "vault"), List.of(port("api", "TCP", 8200))));
        int workloads = 3;
        int count = 5;
        for (int n = 0; n < namespaces; n++) {
            String ns = name(n);
            String dir = "apps/" + ns + "/";
            files.put(dir + "namespace.yaml", namespace(ns, Map.of("team", "t" + (n % 40), "env", ENVS[n % ENVS.length],
                    "cost-center", "cc" + (n % 7))));
            files.put(dir + "policies.yaml", policies(ns, name((n + 1) % namespaces), n));
            files.put(dir + "workloads.yaml", workloads(ns));
            count += POLICIES_PER_NAMESPACE;
            workloads += 2 * POLICIES_PER_NAMESPACE;
        }
        return new Repository(files, count, workloads, namespaces + 3);
    }

    /** The name of the {@code n}-th application namespace. */
    public static String name(int n) {
        return "team-" + n;
    }

    private static String namespace(String name, Map<String, String> labels) {
        StringBuilder sb = new StringBuilder("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ").append(name)
                .append("\n  labels:\n");
        labels.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> sb.append("    ").append(e.getKey()).append(": ").append(e.getValue()).append('\n'));
        return sb.toString();
    }

    private static String defaultDeny(String ns) {
        return "---\n" + header("default-deny", ns) + """
                spec:
                  podSelector: {}
                  policyTypes: [Ingress, Egress]
                """;
    }

    private static String allowFromEveryNamespace(String ns, String name, String podLabel, String ports) {
        return header(name, ns) + "spec:\n  podSelector:\n    matchLabels:\n      " + podLabel
                + "\n  policyTypes: [Ingress]\n  ingress:\n    - from:\n        - namespaceSelector: {}\n      ports:\n" + ports;
    }

    private static String header(String name, String ns) {
        return "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: " + name
                + "\n  namespace: " + ns + "\n";
    }

    private static String policies(String ns, String partner, int n) {
        int net = n % 250;
        List<String> docs = new ArrayList<>();
        docs.add(defaultDeny(ns).substring(4));
        docs.add(header("allow-dns", ns) + """
                spec:
                  podSelector: {}
                  policyTypes: [Egress]
                  egress:
                    - to:
                        - namespaceSelector:
                            matchLabels:
                              kubernetes.io/metadata.name: kube-system
                          podSelector:
                            matchLabels:
                              k8s-app: kube-dns
                      ports:
                        - protocol: UDP
                          port: 53
                        - protocol: TCP
                          port: 53
                """);
        docs.add(header("web-ingress", ns) + """
                spec:
                  podSelector:
                    matchLabels:
                      tier: web
                  policyTypes: [Ingress]
                  ingress:
                    - from:
                        - ipBlock:
                            cidr: 0.0.0.0/0
                            except:
                              - 10.0.0.0/8
                              - 169.254.169.254/32
                      ports:
                        - port: https
                """);
        docs.add(header("web-egress", ns) + """
                spec:
                  podSelector:
                    matchLabels:
                      tier: web
                  policyTypes: [Egress]
                  egress:
                    - to:
                        - podSelector:
                            matchLabels:
                              tier: api
                      ports:
                        - port: http
                """);
        docs.add(header("api-ingress", ns) + """
                spec:
                  podSelector:
                    matchLabels:
                      tier: api
                  policyTypes: [Ingress]
                  ingress:
                    - from:
                        - podSelector:
                            matchLabels:
                              tier: web
                      ports:
                        - port: http
                """);
        docs.add(header("api-egress", ns) + """
                spec:
                  podSelector:
                    matchLabels:
                      tier: api
                  policyTypes: [Egress]
                  egress:
                    - to:
                        - podSelector:
                            matchLabels:
                              tier: db
                      ports:
                        - protocol: TCP
                          port: 5432
                    - to:
                        - namespaceSelector:
                            matchLabels:
                              purpose: shared
                      ports:
                        - port: 8200
                    - to:
                        - ipBlock:
                            cidr: 203.0.%d.0/24
                            except:
                              - 203.0.%d.128/25
                      ports:
                        - port: 443
                """.formatted(net, net));
        docs.add(header("db-ingress", ns) + """
                spec:
                  podSelector:
                    matchLabels:
                      tier: db
                  policyTypes: [Ingress]
                  ingress:
                    - from:
                        - podSelector:
                            matchLabels:
                              tier: api
                      ports:
                        - port: postgres
                """);
        docs.add(header("allow-monitoring", ns) + """
                spec:
                  podSelector: {}
                  policyTypes: [Ingress]
                  ingress:
                    - from:
                        - namespaceSelector:
                            matchLabels:
                              team: monitoring
                          podSelector:
                            matchLabels:
                              app: prometheus
                      ports:
                        - port: metrics
                """);
        docs.add(header("allow-partner", ns) + """
                spec:
                  podSelector:
                    matchLabels:
                      tier: api
                  policyTypes: [Ingress]
                  ingress:
                    - from:
                        - namespaceSelector:
                            matchExpressions:
                              - key: kubernetes.io/metadata.name
                                operator: In
                                values: [%s]
                          podSelector:
                            matchLabels:
                              tier: api
                      ports:
                        - port: http
                """.formatted(partner));
        docs.add(header("allow-batch", ns) + """
                spec:
                  podSelector:
                    matchLabels:
                      tier: batch
                  policyTypes: [Egress]
                  egress:
                    - to:
                        - namespaceSelector:
                            matchExpressions:
                              - key: env
                                operator: NotIn
                                values: [prod]
                          podSelector:
                            matchLabels:
                              tier: api
                      ports:
                        - port: 8000
                          endPort: 8100
                """);
        return String.join("---\n", docs);
    }

    private static String workloads(String ns) {
        StringBuilder sb = new StringBuilder();
        String[][] tiers = {{"web", "Deployment"}, {"web", "Deployment"}, {"api", "Deployment"}, {"api", "Deployment"},
                {"api", "Deployment"}, {"db", "StatefulSet"}, {"batch", "CronJob"}, {"web", "Deployment"},
                {"api", "Deployment"}, {"db", "StatefulSet"}};
        for (int i = 0; i < 2 * POLICIES_PER_NAMESPACE; i++) {
            String tier = tiers[i % tiers.length][0];
            String kind = tiers[i % tiers.length][1];
            List<String> ports = switch (tier) {
                case "web" -> List.of(port("https", "TCP", 8443), port("metrics", "TCP", 9102));
                case "api" -> List.of(port("http", "TCP", 8080), port("metrics", "TCP", 9102));
                case "db" -> List.of(port("postgres", "TCP", 5432), port("metrics", "TCP", 9187));
                default -> List.of(port("metrics", "TCP", 9102));
            };
            if (sb.length() > 0) {
                sb.append("---\n");
            }
            sb.append(workload(ns, kind, tier + "-" + i, Map.of("tier", tier, "app", tier + "-" + i), ports));
        }
        return sb.toString();
    }

    private static String port(String name, String protocol, int number) {
        return "            - name: " + name + "\n              protocol: " + protocol
                + "\n              containerPort: " + number + "\n";
    }

    private static String workload(String ns, String kind, String name, Map<String, String> labels, List<String> ports) {
        StringBuilder l = new StringBuilder();
        labels.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> l.append("        ").append(e.getKey()).append(": ").append(e.getValue()).append('\n'));
        String template = "  template:\n    metadata:\n      labels:\n" + l
                + "    spec:\n      containers:\n        - name: main\n          image: registry.example/" + name
                + ":1.0\n          ports:\n" + String.join("", ports);
        String spec;
        if (kind.equals("CronJob")) {
            spec = "spec:\n  schedule: \"0 * * * *\"\n  jobTemplate:\n    spec:\n"
                    + indent(template, "    ");
        } else {
            spec = "spec:\n  replicas: 2\n  selector:\n    matchLabels:\n" + l.toString().replace("        ", "      ")
                    + template;
        }
        String api = kind.equals("CronJob") ? "batch/v1" : "apps/v1";
        return "apiVersion: " + api + "\nkind: " + kind + "\nmetadata:\n  name: " + name + "\n  namespace: " + ns + "\n"
                + spec;
    }

    private static String indent(String text, String prefix) {
        StringBuilder sb = new StringBuilder();
        for (String line : text.split("\n")) {
            sb.append(prefix).append(line).append('\n');
        }
        return sb.toString();
    }
}
