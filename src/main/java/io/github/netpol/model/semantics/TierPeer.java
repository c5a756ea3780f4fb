package io.github.netpol.model.semantics;

import java.util.List;

/**
 * One {@code from}/{@code to} item of a {@link TierRule}; exactly one field is set. Ingress peers are pods only;
 * egress peers may also be addresses, nodes or domain names.
 */
public sealed interface TierPeer permits TierPeer.Pods, TierPeer.Networks, TierPeer.Nodes, TierPeer.DomainNames,
        TierPeer.Unknown {

    /**
     * Pods matching {@code pods} in the namespaces matching {@code namespaces} ({@code namespaces}: every pod of
     * the namespaces; {@code pods}: both selectors). Unlike a NetworkPolicy peer there is no default to the
     * policy's namespace, and host-network pods are never matched.
     */
    record Pods(Selector namespaces, Selector pods) implements TierPeer {
    }

    /**
     * Addresses in any of the CIDRs. They match pod IPs too ("cluster-internal traffic will be checked against
     * the rule as well"): the analysis cannot know a pod's IP unless the cluster's pod CIDRs are given.
     */
    record Networks(List<Cidr> cidrs) implements TierPeer {
        public Networks {
            cidrs = List.copyOf(cidrs);
        }
    }

    /** The addresses of the nodes matching the selector (experimental channel). */
    record Nodes(Selector nodes) implements TierPeer {
    }

    /** Destinations reached by one of these DNS names; {@code *.} matches one or more labels (experimental channel). */
    record DomainNames(List<String> names) implements TierPeer {
        public DomainNames {
            names = List.copyOf(names);
        }

        /**
         * Whether a DNS name matches a pattern: exactly (case-insensitively, a final dot aside), or for
         * {@code *.suffix} one or more whole labels before the suffix ({@code *.kubernetes.io} matches
         * {@code blog.kubernetes.io} and {@code a.blog.kubernetes.io}, not {@code kubernetes.io}).
         */
        public static boolean matches(String pattern, String name) {
            String p = trimDot(pattern).toLowerCase(java.util.Locale.ROOT);
            String n = trimDot(name).toLowerCase(java.util.Locale.ROOT);
            if (p.startsWith("*.")) {
                String suffix = p.substring(1);
                return n.length() > suffix.length() && n.endsWith(suffix) && n.charAt(0) != '.';
            }
            return p.equals(n);
        }

        private static String trimDot(String s) {
            return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
        }
    }

    /** No field, several, or one the implementation does not know: fails closed (see {@link TierRule#deniesAllForUnknownPeer}). */
    record Unknown() implements TierPeer {
    }
}
