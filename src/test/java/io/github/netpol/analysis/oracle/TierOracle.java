package io.github.netpol.analysis.oracle;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.github.netpol.finding.Endpoint;
import io.github.netpol.finding.NamedPort;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reference implementation for tests: decides ONE concrete connection on one side with the tiers, reading the
 * ClusterNetworkPolicies, AdminNetworkPolicies and the BaselineAdminNetworkPolicy literally as written (maps), and
 * the NetworkPolicies through {@link Oracle}. Shares no code with the engine.
 * <p>
 * Admin tier (by priority, rules in order): Accept/Allow and Deny decide, Pass and no match go on; the
 * NetworkPolicies decide for pods they isolate in the direction; for others the Baseline tier: Accept/Allow
 * allows, Deny denies, Pass and no match allow. Where policies of equal priority both match, any of them may
 * be applied; the BaselineAdminNetworkPolicy may sit anywhere among the Baseline ClusterNetworkPolicies. So a side
 * has a set of possible outcomes: {@link #outcomes}.
 */
public final class TierOracle {

    private final Oracle networkPolicies;
    private final List<List<Map<String, Object>>> admin;
    private final List<List<Map<String, Object>>> baseline;
    private final Map<String, Object> banp;

    public TierOracle(Oracle networkPolicies, List<Map<String, Object>> tierPolicies) {
        this.networkPolicies = networkPolicies;
        TreeMap<Integer, List<Map<String, Object>>> a = new TreeMap<>();
        TreeMap<Integer, List<Map<String, Object>>> b = new TreeMap<>();
        Map<String, Object> banp = null;
        for (Map<String, Object> p : tierPolicies) {
            Map<?, ?> spec = (Map<?, ?>) p.get("spec");
            switch ((String) p.get("kind")) {
                case "BaselineAdminNetworkPolicy" -> banp = p;
                case "AdminNetworkPolicy" -> a.computeIfAbsent((Integer) spec.get("priority"), k -> new ArrayList<>()).add(p);
                default -> ("Admin".equals(spec.get("tier")) ? a : b)
                        .computeIfAbsent((Integer) spec.get("priority"), k -> new ArrayList<>()).add(p);
            }
        }
        this.admin = new ArrayList<>(a.values());
        this.baseline = new ArrayList<>(b.values());
        this.banp = banp;
    }

    /** Whether some choice lets the connection through this side. */
    public boolean possiblyAllows(boolean ingress, Endpoint.Pod local, Endpoint peer, String protocol, int port) {
        return outcomes(ingress, local, peer, protocol, port).contains(true);
    }

    /** Whether every choice lets the connection through this side. */
    public boolean certainlyAllows(boolean ingress, Endpoint.Pod local, Endpoint peer, String protocol, int port) {
        return !outcomes(ingress, local, peer, protocol, port).contains(false);
    }

    /** The outcomes the side may have (true: allowed). */
    public Set<Boolean> outcomes(boolean ingress, Endpoint.Pod local, Endpoint peer, String protocol, int port) {
        Set<Boolean> out = new HashSet<>();
        for (String a : tier(admin, ingress, local, peer, protocol, port)) {
            switch (a) {
                case "Accept" -> out.add(true);
                case "Deny" -> out.add(false);
                default -> out.addAll(lower(ingress, local, peer, protocol, port));
            }
        }
        return out;
    }

    /** Whether an Admin or Baseline rule (not a NetworkPolicy) possibly denies the connection on this side. */
    public boolean possiblyTierDenied(boolean ingress, Endpoint.Pod local, Endpoint peer, String protocol, int port) {
        for (String a : tier(admin, ingress, local, peer, protocol, port)) {
            if (a.equals("Deny")) {
                return true;
            }
            if (!a.equals("Accept") && !isolated(ingress, local)) {
                for (List<List<Map<String, Object>>> order : baselineOrders()) {
                    if (tier(order, ingress, local, peer, protocol, port).contains("Deny")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private boolean isolated(boolean ingress, Endpoint.Pod local) {
        return networkPolicies.isolated(local, ingress ? "Ingress" : "Egress");
    }

    private Set<Boolean> lower(boolean ingress, Endpoint.Pod local, Endpoint peer, String protocol, int port) {
        if (isolated(ingress, local)) {
            return Set.of(ingress ? networkPolicies.ingressAllows(local, peer, protocol, port)
                    : networkPolicies.egressAllows(local, peer, protocol, port));
        }
        Set<Boolean> out = new HashSet<>();
        for (List<List<Map<String, Object>>> order : baselineOrders()) {
            for (String b : tier(order, ingress, local, peer, protocol, port)) {
                out.add(!b.equals("Deny"));
            }
        }
        return out;
    }

    private List<List<List<Map<String, Object>>>> baselineOrders() {
        List<List<List<Map<String, Object>>>> out = new ArrayList<>();
        if (banp == null) {
            out.add(baseline);
            return out;
        }
        for (int at = 0; at <= baseline.size(); at++) {
            List<List<Map<String, Object>>> order = new ArrayList<>(baseline.subList(0, at));
            order.add(List.of(banp));
            order.addAll(baseline.subList(at, baseline.size()));
            out.add(order);
        }
        return out;
    }

    /** The actions the tier may take ({@code "none"}: no rule matches): the first group with a match decides. */
    private static Set<String> tier(List<List<Map<String, Object>>> groups, boolean ingress, Endpoint.Pod local,
                                    Endpoint peer, String protocol, int port) {
        for (List<Map<String, Object>> group : groups) {
            Set<String> actions = new HashSet<>();
            for (Map<String, Object> p : group) {
                String a = firstMatch(p, ingress, local, peer, protocol, port);
                if (a != null) {
                    actions.add(a);
                }
            }
            if (!actions.isEmpty()) {
                return actions;
            }
        }
        return Set.of("none");
    }

    private static String firstMatch(Map<String, Object> policy, boolean ingress, Endpoint.Pod local, Endpoint peer,
                                     String protocol, int port) {
        Map<?, ?> spec = (Map<?, ?>) policy.get("spec");
        if (!subject((Map<?, ?>) spec.get("subject"), local)) {
            return null;
        }
        Endpoint.Pod destination = ingress ? local : peer instanceof Endpoint.Pod p ? p : null;
        for (Object o : list(spec.get(ingress ? "ingress" : "egress"))) {
            Map<?, ?> rule = (Map<?, ?>) o;
            boolean peerMatches = false;
            for (Object peerSpec : list(rule.get(ingress ? "from" : "to"))) {
                peerMatches |= peer((Map<?, ?>) peerSpec, peer);
            }
            Object ports = rule.containsKey("protocols") ? rule.get("protocols") : rule.get("ports");
            if (peerMatches && ports(ports, destination, protocol, port)) {
                String action = (String) rule.get("action");
                return action.equals("Allow") ? "Accept" : action;
            }
        }
        return null;
    }

    private static boolean subject(Map<?, ?> subject, Endpoint.Pod local) {
        if (subject.containsKey("namespaces")) {
            return selects(subject.get("namespaces"), local.namespaceLabels());
        }
        Map<?, ?> pods = (Map<?, ?>) subject.get("pods");
        return selects(pods.get("namespaceSelector"), local.namespaceLabels())
                && selects(pods.get("podSelector"), local.podLabels());
    }

    private static boolean peer(Map<?, ?> spec, Endpoint peer) {
        if (spec.containsKey("namespaces")) {
            return peer instanceof Endpoint.Pod p && selects(spec.get("namespaces"), p.namespaceLabels());
        }
        if (spec.containsKey("pods")) {
            Map<?, ?> pods = (Map<?, ?>) spec.get("pods");
            return peer instanceof Endpoint.Pod p && selects(pods.get("namespaceSelector"), p.namespaceLabels())
                    && selects(pods.get("podSelector"), p.podLabels());
        }
        if (spec.containsKey("networks")) {
            String ip = peer instanceof Endpoint.Ip a ? a.ip() : ((Endpoint.Pod) peer).ip();
            if (ip == null) {
                return false;
            }
            for (Object cidr : list(spec.get("networks"))) {
                if (Oracle.inCidr((String) cidr, ip)) {
                    return true;
                }
            }
            return false;
        }
        if (spec.containsKey("nodes")) {
            return peer instanceof Endpoint.Ip a && a.isNode() && selects(spec.get("nodes"), a.nodeLabels());
        }
        if (spec.containsKey("domainNames")) {
            for (Object pattern : list(spec.get("domainNames"))) {
                for (String name : peer.domainNames()) {
                    if (domainMatches((String) pattern, name)) {
                        return true;
                    }
                }
            }
            return false;
        }
        throw new IllegalArgumentException("peer " + spec);
    }

    /** Exact, or {@code *.} followed by the suffix with one or more labels before it. */
    static boolean domainMatches(String pattern, String name) {
        String n = name.toLowerCase(Locale.ROOT);
        String p = pattern.toLowerCase(Locale.ROOT);
        if (!p.startsWith("*.")) {
            return n.equals(p);
        }
        String[] suffix = p.substring(2).split("\\.");
        String[] labels = n.split("\\.");
        if (labels.length <= suffix.length) {
            return false;
        }
        for (int i = 1; i <= suffix.length; i++) {
            if (!labels[labels.length - i].equals(suffix[suffix.length - i])) {
                return false;
            }
        }
        return true;
    }

    private static boolean ports(Object written, Endpoint.Pod destination, String protocol, int port) {
        if (written == null) {
            return true;
        }
        for (Object o : list(written)) {
            Map<?, ?> p = (Map<?, ?>) o;
            String named = p.containsKey("destinationNamedPort") ? (String) p.get("destinationNamedPort")
                    : (String) p.get("namedPort");
            if (named != null) {
                if (destination != null) {
                    for (NamedPort np : destination.namedPorts()) {
                        if (np.name().equals(named) && np.protocol().equals(protocol) && np.port() == port) {
                            return true;
                        }
                    }
                }
                continue;
            }
            if (p.get("portNumber") instanceof Map<?, ?> n) {
                if (protocol(n).equals(protocol) && (Integer) n.get("port") == port) {
                    return true;
                }
                continue;
            }
            if (p.get("portRange") instanceof Map<?, ?> r) {
                if (protocol(r).equals(protocol) && (Integer) r.get("start") <= port && port <= (Integer) r.get("end")) {
                    return true;
                }
                continue;
            }
            Map<?, ?> proto = (Map<?, ?>) p.get(protocol.toLowerCase(Locale.ROOT));
            if (proto == null) {
                continue;
            }
            Map<?, ?> dp = (Map<?, ?>) proto.get("destinationPort");
            if (dp.get("number") instanceof Integer n && n == port) {
                return true;
            }
            if (dp.get("range") instanceof Map<?, ?> r && (Integer) r.get("start") <= port && port <= (Integer) r.get("end")) {
                return true;
            }
        }
        return false;
    }

    private static String protocol(Map<?, ?> port) {
        return port.get("protocol") == null ? "TCP" : (String) port.get("protocol");
    }

    /** A label selector as written; absent selects everything. The matching itself is {@link Oracle}'s. */
    static boolean selects(Object selector, Map<String, String> labels) {
        if (selector == null) {
            return true;
        }
        Map<?, ?> s = (Map<?, ?>) selector;
        Map<String, String> matchLabels = new java.util.HashMap<>();
        if (s.get("matchLabels") instanceof Map<?, ?> m) {
            m.forEach((k, v) -> matchLabels.put((String) k, (String) v));
        }
        List<LabelSelectorRequirement> expressions = new ArrayList<>();
        for (Object o : list(s.get("matchExpressions"))) {
            Map<?, ?> r = (Map<?, ?>) o;
            expressions.add(new LabelSelectorRequirement((String) r.get("key"), (String) r.get("operator"),
                    list(r.get("values")).stream().map(String::valueOf).toList()));
        }
        return Oracle.selectorMatches(new LabelSelector(expressions, matchLabels), labels);
    }

    private static List<?> list(Object o) {
        return o instanceof List<?> l ? l : List.of();
    }
}
