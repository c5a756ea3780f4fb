package io.github.netpol.analysis.oracle.cilium;

import io.github.netpol.analysis.oracle.Oracle;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Makes a failing case small for a reproduction: removes whole policies, NetworkPolicies and Services, then one
 * part of a Cilium rule at a time (a rule of {@code specs}, a section, a rule item, a peer, a port, a selector
 * requirement), keeping each removal after which the case still fails the same way. Greedy, bounded.
 */
final class CiliumShrinker {

    private static final int BUDGET = 300;
    /** Lists a generated policy never has empty (an empty one reads differently): their last entry stays. */
    private static final java.util.Set<Object> NON_EMPTY = java.util.Set.of("http", "dns", "serverNames", "values",
            "ports", "fields");
    /** Fields the API server requires of their object: removed with it, never alone. */
    private static final java.util.Set<Object> REQUIRED = java.util.Set.of("key", "operator", "values", "cidr", "port",
            "matchName", "matchPattern", "serviceName", "type", "mode", "fields", "selector", "http", "dns", "method");

    private CiliumShrinker() {
    }

    /** The smallest case found that still {@code fails}; {@code c} itself fails. */
    static CiliumGenerator.Case shrink(CiliumGenerator.Case c, Predicate<CiliumGenerator.Case> fails) {
        CiliumGenerator.Case best = c;
        int budget = BUDGET;
        boolean progress = true;
        while (progress && budget > 0) {
            progress = false;
            for (CiliumGenerator.Case candidate : smaller(best)) {
                if (budget-- <= 0) {
                    break;
                }
                if (failsSafely(fails, candidate)) {
                    best = candidate;
                    progress = true;
                    break;
                }
            }
        }
        return best;
    }

    /** A candidate the oracle or the analysis cannot even read does not fail the same way. */
    private static boolean failsSafely(Predicate<CiliumGenerator.Case> fails, CiliumGenerator.Case candidate) {
        try {
            return fails.test(candidate);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Every case one removal smaller, larger removals first. */
    private static List<CiliumGenerator.Case> smaller(CiliumGenerator.Case c) {
        List<CiliumGenerator.Case> out = new ArrayList<>();
        // one Cilium policy stays: without any, the analysis does not read the version as enforced by Cilium
        for (int i = 0; i < c.ciliumPolicies().size() && c.ciliumPolicies().size() > 1; i++) {
            List<Map<String, Object>> ps = new ArrayList<>(c.ciliumPolicies());
            ps.remove(i);
            out.add(new CiliumGenerator.Case(ps, c.networkPolicies(), c.services()));
        }
        for (int i = 0; i < c.networkPolicies().size(); i++) {
            List<Oracle.Policy> nps = new ArrayList<>(c.networkPolicies());
            nps.remove(i);
            out.add(new CiliumGenerator.Case(c.ciliumPolicies(), nps, c.services()));
        }
        if (!c.services().isEmpty()) {
            out.add(new CiliumGenerator.Case(c.ciliumPolicies(), c.networkPolicies(), List.of()));
        }
        for (int i = 0; i < c.ciliumPolicies().size(); i++) {
            Map<String, Object> policy = c.ciliumPolicies().get(i);
            List<List<Object>> paths = new ArrayList<>();
            for (String root : List.of("spec", "specs")) {
                if (policy.containsKey(root)) {
                    paths(policy.get(root), new ArrayList<>(List.of(root)), paths);
                }
            }
            for (List<Object> path : paths) {
                Map<String, Object> copy = CiliumGenerator.copy(policy);
                remove(copy, path);
                List<Map<String, Object>> ps = new ArrayList<>(c.ciliumPolicies());
                ps.set(i, copy);
                out.add(new CiliumGenerator.Case(ps, c.networkPolicies(), c.services()));
            }
        }
        return out;
    }

    /** Paths below {@code node}, pre-order; never the endpointSelector itself. */
    private static void paths(Object node, List<Object> at, List<List<Object>> out) {
        if (node instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                List<Object> child = new ArrayList<>(at);
                child.add(e.getKey());
                if (!"endpointSelector".equals(e.getKey()) && !REQUIRED.contains(e.getKey())) {
                    out.add(child);
                }
                paths(e.getValue(), child, out);
            }
        } else if (node instanceof List<?> l) {
            boolean keepOne = l.size() == 1 && NON_EMPTY.contains(at.get(at.size() - 1));
            for (int i = 0; i < l.size(); i++) {
                List<Object> child = new ArrayList<>(at);
                child.add(i);
                if (!keepOne) {
                    out.add(child);
                }
                paths(l.get(i), child, out);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void remove(Object root, List<Object> path) {
        Object node = root;
        for (int i = 0; i < path.size() - 1; i++) {
            Object key = path.get(i);
            node = key instanceof Integer n ? ((List<Object>) node).get(n) : ((Map<String, Object>) node).get(key);
        }
        Object last = path.get(path.size() - 1);
        if (last instanceof Integer n) {
            ((List<Object>) node).remove((int) n);
        } else {
            ((Map<String, Object>) node).remove(last);
        }
    }
}
