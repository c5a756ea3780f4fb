package io.github.netpol.analysis;

import io.github.netpol.model.semantics.CiliumFqdn;
import io.github.netpol.model.semantics.TierPeer;

import java.util.List;

/**
 * The keys of the {@link Dim.Kind#DOMAIN} dimensions: a {@code domainNames} pattern of the Admin tier as written,
 * or a Cilium {@code toFQDNs} entry ({@link #ciliumName}, {@link #ciliumPattern}), which Cilium matches its own
 * way. One place to read each key as a set of names.
 */
public final class DomainKeys {

    private static final String NAME = "cilium-name:";
    private static final String PATTERN = "cilium-pattern:";

    private DomainKeys() {
    }

    public static String ciliumName(String matchName) {
        return NAME + matchName;
    }

    public static String ciliumPattern(String matchPattern) {
        return PATTERN + matchPattern;
    }

    /** Whether a peer reached by {@code name} is reached by a name the key matches. */
    public static boolean matches(String key, String name) {
        if (key.startsWith(NAME)) {
            return CiliumFqdn.nameMatches(key.substring(NAME.length()), name);
        }
        if (key.startsWith(PATTERN)) {
            return CiliumFqdn.patternMatches(key.substring(PATTERN.length()), name);
        }
        return TierPeer.DomainNames.matches(key, name);
    }

    /** Names the key matches, to pick an example from. */
    public static List<String> examples(String key) {
        if (key.startsWith(NAME)) {
            return List.of(key.substring(NAME.length()));
        }
        if (key.startsWith(PATTERN)) {
            return List.of(CiliumFqdn.example(key.substring(PATTERN.length())));
        }
        String base = key.startsWith("*.") ? key.substring(2) : key;
        return key.startsWith("*.") ? List.of("www." + base, "netpol-example." + base, "a.b." + base) : List.of(base);
    }

    /**
     * Whether every name {@code p} matches also matches {@code q}. Where that is not simply known it answers no,
     * which keeps combinations no name can make among the possible ones: more to compare, never less.
     */
    public static boolean implies(String p, String q) {
        if (p.startsWith(NAME)) {
            return matches(q, p.substring(NAME.length()));
        }
        if (p.startsWith(PATTERN) || q.startsWith(NAME) || q.startsWith(PATTERN)) {
            return false;
        }
        if (!p.startsWith("*.")) {
            return TierPeer.DomainNames.matches(q, p);
        }
        // a wildcard matches names of any labels before its suffix: q must match every one, so its suffix
        return q.startsWith("*.") && TierPeer.DomainNames.matches(q, "x" + p.substring(1));
    }
}
