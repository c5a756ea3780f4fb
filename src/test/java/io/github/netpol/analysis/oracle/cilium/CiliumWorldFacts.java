package io.github.netpol.analysis.oracle.cilium;

import io.github.netpol.analysis.CiliumPeerRegions;
import io.github.netpol.analysis.CiliumPortRegions;
import io.github.netpol.analysis.CiliumSides;
import io.github.netpol.analysis.Cube;
import io.github.netpol.analysis.Dim;
import io.github.netpol.analysis.Region;
import io.github.netpol.analysis.SideRegion;
import io.github.netpol.finding.Endpoint;
import io.github.netpol.finding.WorldFact;

import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A concrete {@link CiliumWorld} as the analysis' {@link WorldFact}s, and back: the address kind (for an address
 * peer only), same node, and the agent settings the analysis has a fact for. A yes/no fact that does not hold is
 * left out. L7 verdicts are not part of a world: {@link #withL7} adds them, every one passing or none.
 * {@code CNP_NAMESPACE_LABELS_CROSS_NAMESPACE} and {@code EMPTY_LIST_WILDCARD} have no fact (the analysis refuses
 * the inputs where they matter), nor have DNS names and undeclared services (the address end carries the names).
 */
public final class CiliumWorldFacts {

    /** The agent settings with a fact of the analysis, by the oracle's flag. */
    public static final Map<CiliumWorld.Flag, String> SETTINGS = settings();

    private CiliumWorldFacts() {
    }

    private static Map<CiliumWorld.Flag, String> settings() {
        Map<CiliumWorld.Flag, String> m = new EnumMap<>(CiliumWorld.Flag.class);
        m.put(CiliumWorld.Flag.NON_DEFAULT_DENY_SUPPORTED, CiliumSides.NON_DEFAULT_DENY_SUPPORTED);
        m.put(CiliumWorld.Flag.CIDR_MATCHES_NODES, CiliumPeerRegions.CIDR_MATCHES_NODES);
        m.put(CiliumWorld.Flag.ALLOW_LOCALHOST, CiliumSides.ALLOW_LOCALHOST);
        m.put(CiliumWorld.Flag.L3_OVERRIDES_L7, CiliumSides.L3_OVERRIDES_L7);
        m.put(CiliumWorld.Flag.WORLD_HAS_APISERVER, CiliumPeerRegions.WORLD_HAS_APISERVER);
        m.put(CiliumWorld.Flag.SCTP_UNDER_ANY, CiliumPortRegions.SCTP_UNDER_ANY);
        return Map.copyOf(m);
    }

    /** The world's facts for a connection whose peer is an address ({@code addressPeer}) or a pod. */
    public static Map<String, String> facts(CiliumWorld w, boolean addressPeer) {
        Map<String, String> f = new LinkedHashMap<>();
        if (addressPeer) {
            f.put(WorldFact.ADDRESS_KIND, kind(w.addressKind()));
        }
        if (w.sameNode()) {
            f.put(WorldFact.SAME_NODE, WorldFact.YES);
        }
        SETTINGS.forEach((flag, fact) -> {
            if (w.get(flag)) {
                f.put(fact, WorldFact.YES);
            }
        });
        return f;
    }

    /** The same facts with every L7 verdict of {@code l7} passing ({@code pass}) or none (left out). */
    public static Map<String, String> withL7(Map<String, String> facts, Collection<String> l7, boolean pass) {
        Map<String, String> f = new LinkedHashMap<>(facts);
        if (pass) {
            l7.forEach(k -> f.put(k, WorldFact.YES));
        }
        return f;
    }

    /** The analysis' name of an address kind. */
    public static String kind(CiliumWorld.AddressKind kind) {
        return switch (kind) {
            case APISERVER_NODE -> "apiserver-node";
            case APISERVER_EXT -> "apiserver-ext";
            default -> kind.name().toLowerCase(Locale.ROOT);
        };
    }

    /**
     * The world with the facts an example states (an address kind, same node, a setting; {@link WorldFact#NO} for
     * a yes/no fact that does not hold) and, for an address, the DNS names it is reached by. L7 verdicts and facts
     * the oracle has no flag for are left to the caller.
     */
    public static CiliumWorld apply(CiliumWorld w, Map<String, String> stated, Endpoint peer) {
        CiliumWorld out = w;
        if (peer instanceof Endpoint.Ip ip) {
            String kind = stated.get(WorldFact.ADDRESS_KIND);
            if (kind != null) {
                out = out.withAddress(addressKind(kind), out.sameNode());
            }
            if (!ip.domainNames().isEmpty()) {
                out = out.withDnsNames(Set.copyOf(ip.domainNames()));
            }
        }
        String same = stated.get(WorldFact.SAME_NODE);
        if (same != null) {
            out = out.withAddress(out.addressKind(), WorldFact.YES.equals(same));
        }
        for (Map.Entry<CiliumWorld.Flag, String> e : SETTINGS.entrySet()) {
            String v = stated.get(e.getValue());
            if (v != null) {
                out = out.with(e.getKey(), WorldFact.YES.equals(v));
            }
        }
        return out;
    }

    private static CiliumWorld.AddressKind addressKind(String fact) {
        for (CiliumWorld.AddressKind k : CiliumWorld.AddressKind.values()) {
            if (kind(k).equals(fact)) {
                return k;
            }
        }
        throw new IllegalArgumentException("no address kind " + fact);
    }

    /** Whether an example states a fact the oracle has no flag for (beyond L7 verdicts). */
    public static boolean unknownFacts(Map<String, String> stated) {
        return stated.keySet().stream().anyMatch(k -> !k.startsWith(WorldFact.L7_PASSES)
                && !k.equals(WorldFact.ADDRESS_KIND) && !k.equals(WorldFact.SAME_NODE) && !SETTINGS.containsValue(k));
    }

    /** Every fact key of a region ({@link Dim.Kind#FACT} dimensions) that names an L7 verdict. */
    public static Set<String> l7Keys(Region r) {
        Set<String> out = new TreeSet<>();
        for (Cube c : r.cubes()) {
            for (Dim d : c.sets().keySet()) {
                if (d.kind() == Dim.Kind.FACT && d.key().startsWith(WorldFact.L7_PASSES)) {
                    out.add(d.key());
                }
            }
        }
        return out;
    }

    /** The L7 verdict keys of sides, both peer kinds. */
    public static Set<String> l7Keys(List<SideRegion> sides) {
        Set<String> out = new TreeSet<>();
        for (SideRegion s : sides) {
            out.addAll(l7Keys(s.pods()));
            out.addAll(l7Keys(s.ips()));
        }
        return out;
    }

    /** Whether the world leaves the two flags the analysis has no fact for at their defaults. */
    public static boolean unfactedAtDefaults(CiliumWorld w) {
        CiliumWorld d = CiliumWorld.defaults();
        return w.cnpNamespaceLabelsCrossNamespace() == d.cnpNamespaceLabelsCrossNamespace()
                && w.emptyListWildcard() == d.emptyListWildcard();
    }
}
