package io.github.netpol.validate.lint.tiers;

import io.github.netpol.validate.lint.Examples;

/**
 * The tier rules' before/after examples (tenant namespaces labelled {@code tenant}), and the policies the tests
 * build their cases from.
 */
public final class TierExamples {
    /** Subject of the examples: the namespaces with {@code tenant=a}. */
    public static final String TENANT_A = "{matchLabels: {tenant: a}}";

    static final String DENY_TENANT_B = """
            - name: deny-tenant-b
              action: Deny
              from:
              - namespaces:
                  matchLabels: {tenant: b}
            """;
    static final String ACCEPT_SAME_TENANT = """
            - name: accept-same-tenant
              action: Accept
              from:
              - namespaces:
                  matchLabels: {tenant: a}
            """;
    static final String DENY_DEBUG = """
            - name: deny-debug
              action: Deny
              from:
              - pods:
                  namespaceSelector:
                    matchLabels: {tenant: a}
                  podSelector:
                    matchLabels: {role: debug}
            """;
    static final String PASS_SAME_TENANT = """
            ingress:
            - name: same-tenant
              action: Pass
              from:
              - namespaces:
                  matchLabels: {tenant: a}
            """;

    private TierExamples() {
    }

    /** A ClusterNetworkPolicy for the namespaces with {@code tenant=a}; {@code rules} is its ingress/egress. */
    static String cnp(String name, String tier, int priority, String rules) {
        return cnp(name, tier, priority, TENANT_A, rules);
    }

    /** A ClusterNetworkPolicy; {@code namespaces} is its subject's namespace selector in flow style. */
    public static String cnp(String name, String tier, int priority, String namespaces, String rules) {
        return policy("v1alpha2", "ClusterNetworkPolicy", name, "tier: " + tier + "\npriority: " + priority, namespaces, rules);
    }

    /** An AdminNetworkPolicy for the namespaces with {@code tenant=a}. */
    static String anp(String name, int priority, String rules) {
        return policy("v1alpha1", "AdminNetworkPolicy", name, "priority: " + priority, TENANT_A, rules);
    }

    private static String policy(String version, String kind, String name, String order, String namespaces, String rules) {
        return """
                apiVersion: policy.networking.k8s.io/%s
                kind: %s
                metadata:
                  name: %s
                spec:
                """.formatted(version, kind, name) + Examples.indent(order + "\nsubject:\n  namespaces: " + namespaces + "\n" + rules);
    }
}
