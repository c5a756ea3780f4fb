package io.github.netpol.validate.lint.tiers;

import java.util.stream.Collectors;

/** The tier rules' before/after examples: tenant namespaces labelled {@code tenant}. */
final class TierExamples {
    private TierExamples() {
    }

    /** A ClusterNetworkPolicy for the namespaces with {@code tenant=a}; {@code rules} is its ingress/egress. */
    static String cnp(String name, String tier, int priority, String rules) {
        return """
                apiVersion: policy.networking.k8s.io/v1alpha2
                kind: ClusterNetworkPolicy
                metadata:
                  name: %s
                spec:
                  tier: %s
                  priority: %d
                  subject:
                    namespaces:
                      matchLabels: {tenant: a}
                """.formatted(name, tier, priority) + indent(rules);
    }

    /** An AdminNetworkPolicy for the namespaces with {@code tenant=a}. */
    static String anp(String name, int priority, String rules) {
        return """
                apiVersion: policy.networking.k8s.io/v1alpha1
                kind: AdminNetworkPolicy
                metadata:
                  name: %s
                spec:
                  priority: %d
                  subject:
                    namespaces:
                      matchLabels: {tenant: a}
                """.formatted(name, priority) + indent(rules);
    }

    private static String indent(String text) {
        return text.lines().map(l -> l.isEmpty() ? l : "  " + l).collect(Collectors.joining("\n", "", "\n"));
    }
}
