package io.github.netpol.validate.lint.cilium;

import io.github.netpol.validate.lint.Examples;

/** The Cilium rules' before/after examples: policies in {@code shop} and clusterwide ones. */
public final class CiliumExamples {

    private CiliumExamples() {
    }

    /** A CiliumNetworkPolicy {@code shop/<name>} whose {@code spec} is {@code spec} (written unindented). */
    public static String cnp(String name, String spec) {
        return policy("CiliumNetworkPolicy", name + "\n  namespace: shop", spec);
    }

    /** A CiliumClusterwideNetworkPolicy {@code <name>} whose {@code spec} is {@code spec} (written unindented). */
    public static String ccnp(String name, String spec) {
        return policy("CiliumClusterwideNetworkPolicy", name, spec);
    }

    private static String policy(String kind, String metadata, String spec) {
        return "apiVersion: cilium.io/v2\nkind: " + kind + "\nmetadata:\n  name: " + metadata + "\nspec:\n" + Examples.indent(spec);
    }
}
