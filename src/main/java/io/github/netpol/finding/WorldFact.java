package io.github.netpol.finding;

import java.util.List;
import java.util.Map;

/**
 * A fact about the world that no manifest fixes but a policy kind's meaning may depend on: what an address is
 * (a node, an API server, outside the cluster), whether it is the pod's own node, an agent setting, whether an L7
 * filter lets a request through. Each is a hidden dimension ({@link Dim#fact}) shared by both versions of a
 * comparison, so a widening is a connection the new version lets through in some world where the old one does
 * not; a finding that depends on one states it.
 *
 * <p>A fact has a closed set of values; a yes/no fact has the value {@link #YES} or is absent.
 */
public final class WorldFact {

    /** The value of a yes/no fact that holds. */
    public static final String YES = "yes";
    /** How an example states a yes/no fact that does not hold (the analysis has it absent). */
    public static final String NO = "no";

    /** What the address end of a connection is; pods are none of these. */
    public static final String ADDRESS_KIND = "address-kind";
    /** Outside the cluster: the default for an address. */
    public static final String WORLD = "world";
    /** The address kinds, the first the default. */
    public static final List<String> ADDRESS_KINDS = List.of(WORLD, "node", "apiserver-node", "apiserver-ext",
            "health", "ingress", "unmanaged", "init");
    /** Yes/no: the node address is the node the pod end runs on. */
    public static final String SAME_NODE = "same-node";
    /** The prefix of an agent setting or version behaviour (yes/no), e.g. {@code setting:allow-localhost}. */
    public static final String SETTING = "setting:";
    /** The prefix of "the L7 filter with this key lets the request through" (yes/no). */
    public static final String L7_PASSES = "l7-passes:";

    private static final Map<String, String> KIND_WORDS = Map.of("world", "an address outside the cluster",
            "node", "a node's address", "apiserver-node", "the API server's address on a node",
            "apiserver-ext", "the API server's address outside the cluster", "health", "a Cilium health endpoint",
            "ingress", "a Cilium ingress endpoint", "unmanaged", "a pod no Cilium agent manages",
            "init", "an endpoint Cilium has not identified yet");

    private WorldFact() {
    }

    /** Whether the fact is yes/no (else it has one of a list of values, {@link #ADDRESS_KINDS}). */
    public static boolean yesNo(String fact) {
        return !fact.equals(ADDRESS_KIND);
    }

    /** The value a fact takes where an example does not state it. */
    public static String byDefault(String fact, boolean addressPeer) {
        return fact.equals(ADDRESS_KIND) && addressPeer ? WORLD : null;
    }

    /**
     * The facts of a world an example must state: those that hold, and the address kind unless it is the default
     * (an address outside the cluster).
     */
    public static Map<String, String> stated(Map<String, String> world) {
        Map<String, String> out = new java.util.LinkedHashMap<>(world);
        out.values().removeIf(NO::equals);
        out.remove(ADDRESS_KIND, WORLD);
        return out;
    }

    /** A fact with its value in a person's words, for an example's "if ...". */
    public static String words(String fact, String value) {
        if (fact.equals(ADDRESS_KIND)) {
            return "it is " + KIND_WORDS.getOrDefault(value, value);
        }
        boolean yes = YES.equals(value);
        if (fact.equals(SAME_NODE)) {
            return yes ? "the address is the pod's own node" : "the address is another node";
        }
        if (fact.startsWith(SETTING)) {
            return "the agent " + (yes ? "has" : "does not have") + " " + fact.substring(SETTING.length());
        }
        if (fact.startsWith(L7_PASSES)) {
            return "the request " + (yes ? "passes" : "fails") + " the L7 rules " + fact.substring(L7_PASSES.length());
        }
        return fact + "=" + value;
    }
}
