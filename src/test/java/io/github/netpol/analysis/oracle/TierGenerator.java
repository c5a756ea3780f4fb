package io.github.netpol.analysis.oracle;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random ClusterNetworkPolicies, AdminNetworkPolicies and a BaselineAdminNetworkPolicy as written (maps and lists,
 * as YAML loads them), over the same tiny vocabulary as {@link PolicyGenerator}, plus node labels, domain names
 * and CIDRs that may hold pod IPs. Priorities come from a set of three so that equal priorities are frequent.
 * Every object is one the CRDs accept (experimental channel).
 */
public final class TierGenerator {

    public static final String NODE_KEY = "zone";
    public static final List<String> NODE_VALUES = List.of("a", "b");
    public static final List<String> DOMAIN_PATTERNS = List.of("example.com", "*.example.com", "api.example.com");
    /** Names a peer may be reached by: each pattern's match and near misses. */
    public static final List<String> DOMAIN_NAMES = List.of("example.com", "api.example.com", "a.b.example.com",
            "other.org");
    static final String[] CIDRS = {"0.0.0.0/0", "10.0.0.0/8", "10.1.2.3/16", "192.168.1.7/24", "::/0",
        "2001:db8::/32", "0.0.0.0/1"};
    private static final int[] PORTS = {53, 80, 443, 8080};

    private final Random rnd;

    public TierGenerator(long seed) {
        this.rnd = new Random(seed);
    }

    /** NetworkPolicies (from {@link PolicyGenerator}) and tier policies. */
    public record Version(PolicyGenerator.Version networkPolicies, List<Map<String, Object>> tierPolicies) {
        public List<Oracle.Policy> policies() {
            return networkPolicies.policies();
        }

        public Map<String, Map<String, String>> declared() {
            return networkPolicies.declared();
        }
    }

    public Version version(PolicyGenerator nps) {
        PolicyGenerator.Version v = rnd.nextInt(3) == 0
                ? new PolicyGenerator.Version(List.of(), nps.version().declared()) : nps.version();
        List<Map<String, Object>> tier = new ArrayList<>();
        for (int i = 1 + rnd.nextInt(3); i > 0; i--) {
            tier.add(policy("t" + i));
        }
        if (rnd.nextInt(3) == 0) {
            tier.add(banp());
        }
        return new Version(v, tier);
    }

    /** One edit of the kinds that widen or narrow in practice. */
    public Version mutate(Version v, PolicyGenerator nps) {
        List<Map<String, Object>> tier = new ArrayList<>();
        v.tierPolicies().forEach(p -> tier.add(copy(p)));
        PolicyGenerator.Version np = v.networkPolicies();
        int choice = rnd.nextInt(9);
        if (tier.isEmpty() && choice < 6) {
            choice = 6;
        }
        Map<String, Object> p = tier.isEmpty() ? null : tier.get(rnd.nextInt(tier.size()));
        Map<String, Object> spec = p == null ? null : map(p.get("spec"));
        switch (choice) {
            case 0 -> {
                if (spec.containsKey("priority")) {
                    spec.put("priority", pickPriority());
                }
                if (spec.containsKey("tier") && rnd.nextInt(3) == 0) {
                    spec.put("tier", "Admin".equals(spec.get("tier")) ? "Baseline" : "Admin");
                }
            }
            case 1, 2 -> {
                List<Map<String, Object>> rules = rules(spec);
                if (!rules.isEmpty()) {
                    Map<String, Object> r = rules.get(rnd.nextInt(rules.size()));
                    r.put("action", action(kind(p)));
                }
            }
            case 3 -> {
                List<Map<String, Object>> rules = list(spec, rnd.nextBoolean() ? "ingress" : "egress");
                if (!rules.isEmpty()) {
                    rules.remove(rnd.nextInt(rules.size()));
                }
            }
            case 4 -> {
                String dir = rnd.nextBoolean() ? "ingress" : "egress";
                List<Map<String, Object>> rules = list(spec, dir);
                if (rules.size() > 1) {
                    rules.add(0, rules.remove(rules.size() - 1));
                } else {
                    rules.add(0, rule(kind(p), dir.equals("ingress")));
                }
                spec.put(dir, rules);
            }
            case 5 -> tier.remove(p);
            case 6 -> tier.add(rnd.nextInt(4) == 0 && tier.stream().noneMatch(t -> kind(t).equals("BaselineAdminNetworkPolicy"))
                    ? banp() : policy("added"));
            default -> np = nps.mutate(np);
        }
        return new Version(np, tier);
    }

    private Map<String, Object> policy(String name) {
        boolean cnp = rnd.nextInt(3) > 0;
        String kind = cnp ? "ClusterNetworkPolicy" : "AdminNetworkPolicy";
        Map<String, Object> spec = new LinkedHashMap<>();
        if (cnp) {
            spec.put("tier", rnd.nextBoolean() ? "Admin" : "Baseline");
        }
        spec.put("priority", pickPriority());
        fill(kind, spec);
        return object(kind, cnp ? "v1alpha2" : "v1alpha1", name, spec);
    }

    private Map<String, Object> banp() {
        Map<String, Object> spec = new LinkedHashMap<>();
        fill("BaselineAdminNetworkPolicy", spec);
        return object("BaselineAdminNetworkPolicy", "v1alpha1", "default", spec);
    }

    private void fill(String kind, Map<String, Object> spec) {
        spec.put("subject", subject(kind));
        for (String dir : List.of("ingress", "egress")) {
            int n = rnd.nextInt(4);
            if (n > 0) {
                List<Map<String, Object>> rules = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    rules.add(rule(kind, dir.equals("ingress")));
                }
                spec.put(dir, rules);
            }
        }
    }

    private static Map<String, Object> object(String kind, String version, String name, Map<String, Object> spec) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("apiVersion", "policy.networking.k8s.io/" + version);
        out.put("kind", kind);
        out.put("metadata", new LinkedHashMap<>(Map.of("name", name)));
        out.put("spec", spec);
        return out;
    }

    private int pickPriority() {
        return 1 + rnd.nextInt(3);
    }

    private Map<String, Object> subject(String kind) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (rnd.nextInt(3) == 0) {
            out.put("namespaces", selector(List.of(PolicyGenerator.NS_KEY), PolicyGenerator.NS_VALUES, true));
        } else {
            out.put("pods", pods(kind));
        }
        return out;
    }

    private Map<String, Object> pods(String kind) {
        Map<String, Object> pods = new LinkedHashMap<>();
        if (!kind.equals("ClusterNetworkPolicy") || rnd.nextInt(3) > 0) {
            pods.put("namespaceSelector", selector(List.of(PolicyGenerator.NS_KEY), PolicyGenerator.NS_VALUES, true));
        }
        pods.put("podSelector", selector(PolicyGenerator.POD_KEYS, PolicyGenerator.POD_VALUES, false));
        return pods;
    }

    private String action(String kind) {
        boolean v1 = !kind.equals("ClusterNetworkPolicy");
        int n = kind.equals("BaselineAdminNetworkPolicy") ? 2 : 3;
        return switch (rnd.nextInt(n)) {
            case 0 -> v1 ? "Allow" : "Accept";
            case 1 -> "Deny";
            default -> "Pass";
        };
    }

    private Map<String, Object> rule(String kind, boolean ingress) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("name", "r" + rnd.nextInt(100));
        r.put("action", action(kind));
        List<Map<String, Object>> peers = new ArrayList<>();
        boolean addressPeer = false;
        for (int i = 1 + rnd.nextInt(2); i > 0; i--) {
            Map<String, Object> peer = new LinkedHashMap<>();
            int shape = rnd.nextInt(ingress ? 2 : 5);
            if (shape == 4 && kind.equals("BaselineAdminNetworkPolicy")) {
                shape = 2; // a BANP has no domainNames
            }
            switch (shape) {
                case 0 -> peer.put("namespaces", selector(List.of(PolicyGenerator.NS_KEY), PolicyGenerator.NS_VALUES, true));
                case 1 -> peer.put("pods", pods(kind));
                case 2 -> {
                    List<String> cidrs = new ArrayList<>();
                    cidrs.add(CIDRS[rnd.nextInt(CIDRS.length)]);
                    String second = CIDRS[rnd.nextInt(CIDRS.length)];
                    if (rnd.nextBoolean() && !cidrs.contains(second)) {
                        cidrs.add(second);
                    }
                    peer.put("networks", cidrs);
                    addressPeer = true;
                }
                case 3 -> {
                    peer.put("nodes", selector(List.of(NODE_KEY), NODE_VALUES, true));
                    addressPeer = true;
                }
                default -> {
                    List<String> names = new ArrayList<>(List.of(pick(DOMAIN_PATTERNS)));
                    String second = pick(DOMAIN_PATTERNS);
                    if (rnd.nextBoolean() && !names.contains(second)) {
                        names.add(second);
                    }
                    peer.put("domainNames", names);
                    addressPeer = true;
                }
            }
            peers.add(peer);
        }
        r.put(ingress ? "from" : "to", peers);
        if (rnd.nextInt(3) > 0) {
            r.put(kind.equals("ClusterNetworkPolicy") ? "protocols" : "ports", ports(kind, !addressPeer));
        }
        return r;
    }

    private List<Map<String, Object>> ports(String kind, boolean named) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 1 + rnd.nextInt(2); i > 0; i--) {
            int shape = rnd.nextInt(named ? 3 : 2);
            String protocol = pick(PolicyGenerator.PROTOCOLS);
            int port = PORTS[rnd.nextInt(PORTS.length)];
            int end = rnd.nextInt(4) == 0 ? 65535 : port + 1 + rnd.nextInt(4);
            Map<String, Object> p = new LinkedHashMap<>();
            if (kind.equals("ClusterNetworkPolicy")) {
                switch (shape) {
                    case 0 -> p.put(protocol.toLowerCase(), Map.of("destinationPort", Map.of("number", port)));
                    case 1 -> p.put(protocol.toLowerCase(), Map.of("destinationPort",
                            Map.of("range", Map.of("start", port, "end", end))));
                    default -> p.put("destinationNamedPort", pick(PolicyGenerator.PORT_NAMES));
                }
            } else {
                switch (shape) {
                    case 0 -> p.put("portNumber", Map.of("protocol", protocol, "port", port));
                    case 1 -> p.put("portRange", Map.of("protocol", protocol, "start", port, "end", end));
                    default -> p.put("namedPort", pick(PolicyGenerator.PORT_NAMES));
                }
            }
            out.add(p);
        }
        return out;
    }

    /** {}, or one or two requirements; namespace selectors sometimes use the name label. */
    private Map<String, Object> selector(List<String> keys, List<String> values, boolean namespaces) {
        Map<String, Object> s = new LinkedHashMap<>();
        if (rnd.nextInt(4) == 0) {
            return s;
        }
        Map<String, Object> matchLabels = new LinkedHashMap<>();
        List<Map<String, Object>> exprs = new ArrayList<>();
        for (int i = 1 + rnd.nextInt(2); i > 0; i--) {
            boolean byName = namespaces && keys.contains(PolicyGenerator.NS_KEY) && rnd.nextInt(3) == 0;
            String key = byName ? "kubernetes.io/metadata.name" : pick(keys);
            List<String> vocabulary = byName ? PolicyGenerator.NAMESPACES : values;
            if (rnd.nextInt(3) == 0) {
                matchLabels.put(key, pick(vocabulary));
                continue;
            }
            String op = pick(List.of("In", "NotIn", "Exists", "DoesNotExist"));
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("key", key);
            e.put("operator", op);
            if (op.equals("In") || op.equals("NotIn")) {
                List<String> vals = new ArrayList<>(List.of(pick(vocabulary)));
                String second = pick(vocabulary);
                if (rnd.nextBoolean() && !vals.contains(second)) {
                    vals.add(second);
                }
                e.put("values", vals);
            }
            exprs.add(e);
        }
        if (!matchLabels.isEmpty()) {
            s.put("matchLabels", matchLabels);
        }
        if (!exprs.isEmpty()) {
            s.put("matchExpressions", exprs);
        }
        return s;
    }

    static String kind(Map<String, Object> p) {
        return (String) p.get("kind");
    }

    private static List<Map<String, Object>> rules(Map<String, Object> spec) {
        List<Map<String, Object>> out = new ArrayList<>(list(spec, "ingress"));
        out.addAll(list(spec, "egress"));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> spec, String key) {
        Object v = spec.get(key);
        return v instanceof List<?> l ? (List<Map<String, Object>>) l : new ArrayList<>();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    /** A deep copy with mutable maps and lists. */
    @SuppressWarnings("unchecked")
    static <T> T copy(T o) {
        if (o instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put((String) k, copy(v)));
            return (T) out;
        }
        if (o instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(v -> out.add(copy(v)));
            return (T) out;
        }
        return o;
    }

    private <T> T pick(List<T> list) {
        return list.get(rnd.nextInt(list.size()));
    }
}
