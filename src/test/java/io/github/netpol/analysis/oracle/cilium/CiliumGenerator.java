package io.github.netpol.analysis.oracle.cilium;

import io.github.netpol.analysis.oracle.Oracle;
import io.github.netpol.analysis.oracle.PolicyGenerator;
import io.github.netpol.finding.NamedPort;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Small random sets of CiliumNetworkPolicies and CiliumClusterwideNetworkPolicies (as YAML loads them), with
 * NetworkPolicies from {@link PolicyGenerator} and a declared Service, over a universe small enough that a few
 * sample endpoints reach every distinction: label sources ({@code k8s:}, {@code any:}, unprefixed, foreign), the
 * namespace key in subjects and peers (prefixed and not), namespace labels, service accounts, a label the
 * identity filter drops, reserved keys, every entity, CIDRs and CIDR sets with excepts (IPv4 and IPv6, host bits,
 * excepts that empty their set), FQDN names and patterns, services declared and not, ports by number, name,
 * range, 0 and octal spelling under every protocol, L7 rules, SNI and authentication, ICMP-only rules, empty
 * rules, empty peer lists, deny sections and {@code enableDefaultDeny}. Every policy is one the oracle accepts
 * (the API server and the agent do too).
 */
public final class CiliumGenerator {

    public static final List<String> PROTOCOLS = List.of("TCP", "UDP", "SCTP");
    /** Ports a connection may use: every port the policies name, neighbours, the octal "010", the extremes. */
    public static final List<Integer> PORTS = List.of(1, 8, 53, 80, 81, 443, 444, 8080, 65535);
    private static final List<String> ENTITIES = List.of("all", "world", "cluster", "host", "remote-node",
            "kube-apiserver", "health", "ingress", "unmanaged", "init", "none");
    private static final String[][] CIDR_SETS = {
        {"0.0.0.0/0"}, {"10.0.0.0/8", "10.1.0.0/16"}, {"10.1.2.3/16", "10.1.2.0/24"}, {"192.168.1.7/24"},
        {"10.0.0.0/16", "10.0.0.0/17", "10.0.128.0/17"}, {"::/0"}, {"2001:db8::/32", "2001:db8:1::/48"},
        {"203.0.113.0/24", "203.0.113.0/24"},
    };
    private static final List<String> PORT_SPELLINGS = List.of("53", "80", "443", "8080", "0", "http", "dns", "010");

    /** One generated input. */
    public record Case(List<Map<String, Object>> ciliumPolicies, List<Oracle.Policy> networkPolicies,
                       List<Map<String, Object>> services) {
        public CiliumOracle oracle() {
            return new CiliumOracle(ciliumPolicies, networkPolicies, services);
        }
    }

    private final Random rnd;
    private final PolicyGenerator nps;
    private final boolean analysable;

    public CiliumGenerator(long seed) {
        this(seed, false);
    }

    /**
     * @param analysable leave out what the analysis refuses by design, so that most cases are compared with it:
     *                   {@code toServices}, empty peer lists and CIDR sets their excepts empty,
     *                   service-account, identity-filtered and reserved selector keys, and namespace-label keys in
     *                   peers (a CiliumNetworkPolicy's without a namespace name are read differently by versions)
     */
    public CiliumGenerator(long seed, boolean analysable) {
        this.rnd = new Random(seed);
        this.nps = new PolicyGenerator(seed);
        this.analysable = analysable;
    }

    /** The pods worth asking about: three namespaces, labels, service accounts, named ports, a dropped label. */
    public static List<CiliumPeer.Pod> pods() {
        List<CiliumPeer.Pod> out = new ArrayList<>();
        List<NamedPort> named = List.of(new NamedPort("http", "TCP", 8080), new NamedPort("dns", "UDP", 53));
        Map<String, Map<String, String>> namespaces = new LinkedHashMap<>();
        namespaces.put("ns1", Map.of("env", "prod"));
        namespaces.put("ns2", Map.of("env", "dev"));
        namespaces.put("ns3", Map.of());
        namespaces.forEach((ns, labels) -> {
            out.add(new CiliumPeer.Pod(ns, labels, Map.of("app", "a"), null, named));
            out.add(new CiliumPeer.Pod(ns, labels, Map.of("app", "b", "role", "a"), "sa1", List.of()));
            out.add(new CiliumPeer.Pod(ns, labels, Map.of("role", "b", "pod-template-hash", "x"), null, named));
        });
        return out;
    }

    /** Addresses at the edges of the CIDRs the policies use, both families. */
    public static List<CiliumPeer.Addr> addresses() {
        return List.of("10.0.0.0", "10.0.127.255", "10.1.255.255", "10.2.0.1", "192.168.1.7", "203.0.113.7",
                "8.8.8.8", "2001:db8::1", "2001:db8:1::1", "fe80::1").stream().map(CiliumPeer.Addr::new).toList();
    }

    /** Every endpoint of the universe. */
    public static List<CiliumPeer> endpoints() {
        List<CiliumPeer> out = new ArrayList<>(pods());
        out.addAll(addresses());
        return out;
    }

    public Case next() {
        List<Map<String, Object>> policies = new ArrayList<>();
        for (int i = 1 + rnd.nextInt(3); i > 0; i--) {
            policies.add(policy("p" + i));
        }
        List<Oracle.Policy> networkPolicies = rnd.nextInt(3) == 0 ? nps.version().policies() : List.of();
        List<Map<String, Object>> services = rnd.nextBoolean() ? CiliumYaml.load("""
                apiVersion: v1
                kind: Service
                metadata: {name: web, namespace: ns2}
                spec: {selector: {app: a}}
                """) : List.of();
        return new Case(policies, networkPolicies, services);
    }

    /**
     * A second version of {@code c}: one edit of the kinds that widen or narrow in practice (a policy removed or
     * added, a deny section dropped, a peer replaced by the {@code world} entity, a subject relabelled,
     * {@code enableDefaultDeny} flipped, a rule item replaced, the NetworkPolicies or the Service changed).
     */
    public Case mutate(Case c) {
        List<Map<String, Object>> policies = new ArrayList<>();
        c.ciliumPolicies().forEach(p -> policies.add(copy(p)));
        List<Oracle.Policy> networkPolicies = c.networkPolicies();
        List<Map<String, Object>> services = c.services();
        List<Map<String, Object>> rules = new ArrayList<>();
        for (Map<String, Object> p : policies) {
            if (p.get("spec") != null) {
                rules.add(CiliumOracle.map(p.get("spec")));
            }
            rules.addAll(CiliumOracle.maps(p.get("specs")));
        }
        Map<String, Object> rule = rules.isEmpty() ? null : pick(rules);
        int choice = rnd.nextInt(9);
        switch (rule == null && choice >= 2 && choice <= 6 ? 1 : choice) {
            case 0 -> {
                if (!policies.isEmpty()) {
                    policies.remove(rnd.nextInt(policies.size()));
                }
            }
            case 1 -> policies.add(policy("added"));
            case 2 -> {
                rule.remove(rnd.nextBoolean() ? "ingressDeny" : "egressDeny");
                ensureSection(rule);
            }
            case 3 -> {
                for (String section : List.of("ingress", "egress", "ingressDeny", "egressDeny")) {
                    for (Map<String, Object> item : CiliumOracle.maps(rule.get(section))) {
                        boolean in = section.startsWith("ingress");
                        if (CiliumRefusals.peerFields(in).stream().anyMatch(item::containsKey)) {
                            CiliumRefusals.peerFields(in).forEach(item::remove);
                            item.put(in ? "fromEntities" : "toEntities", new ArrayList<>(List.of("world")));
                            return new Case(policies, networkPolicies, services);
                        }
                    }
                }
            }
            case 4 -> rule.put("endpointSelector", selector(false));
            case 5 -> {
                Map<String, Object> edd = new LinkedHashMap<>();
                edd.put(rnd.nextBoolean() ? "ingress" : "egress", rule.get("enableDefaultDeny") == null ? false : true);
                rule.put("enableDefaultDeny", edd);
            }
            case 6 -> {
                String section = pick(List.of("ingress", "egress", "ingressDeny", "egressDeny"));
                List<Object> items = new ArrayList<>(CiliumOracle.list(rule.get(section)));
                Map<String, Object> fresh = item(section.startsWith("ingress"), section.endsWith("Deny"));
                if (items.isEmpty()) {
                    items.add(fresh);
                } else {
                    items.set(rnd.nextInt(items.size()), fresh);
                }
                rule.put(section, items);
            }
            case 7 -> networkPolicies = rnd.nextBoolean() ? nps.version().policies() : List.of();
            default -> services = services.isEmpty() ? next().services() : List.of();
        }
        return new Case(policies, networkPolicies, services);
    }

    private void ensureSection(Map<String, Object> rule) {
        for (String section : List.of("ingress", "ingressDeny", "egress", "egressDeny")) {
            if (!CiliumOracle.list(rule.get(section)).isEmpty()) {
                return;
            }
        }
        rule.put("egress", new ArrayList<>(List.of(item(false, false))));
    }

    /** A deep, mutable copy of a YAML tree. */
    @SuppressWarnings("unchecked")
    static <T> T copy(T node) {
        if (node instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put((String) k, copy(v)));
            return (T) out;
        }
        if (node instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(v -> out.add(copy(v)));
            return (T) out;
        }
        return node;
    }

    private Map<String, Object> policy(String name) {
        boolean clusterwide = rnd.nextInt(3) == 0;
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("apiVersion", "cilium.io/v2");
        p.put("kind", clusterwide ? "CiliumClusterwideNetworkPolicy" : "CiliumNetworkPolicy");
        Map<String, Object> md = new LinkedHashMap<>();
        md.put("name", name);
        if (!clusterwide) {
            md.put("namespace", rnd.nextBoolean() ? "ns1" : "ns2");
        }
        p.put("metadata", md);
        if (rnd.nextInt(4) == 0) {
            List<Object> specs = new ArrayList<>();
            specs.add(rule());
            specs.add(rule());
            p.put("specs", specs);
        } else {
            p.put("spec", rule());
        }
        return p;
    }

    private Map<String, Object> rule() {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("endpointSelector", selector(false));
        boolean any = false;
        for (String section : List.of("ingress", "ingressDeny", "egress", "egressDeny")) {
            if (rnd.nextInt(section.endsWith("Deny") ? 4 : 2) == 0) {
                continue;
            }
            List<Object> items = new ArrayList<>();
            for (int i = 1 + rnd.nextInt(2); i > 0; i--) {
                items.add(item(section.startsWith("ingress"), section.endsWith("Deny")));
            }
            r.put(section, items);
            any = true;
        }
        if (!any) {
            r.put("ingress", new ArrayList<>(List.of(item(true, false))));
        }
        if (rnd.nextInt(5) == 0) {
            Map<String, Object> edd = new LinkedHashMap<>();
            edd.put(rnd.nextBoolean() ? "ingress" : "egress", false);
            if (rnd.nextBoolean()) {
                edd.put(rnd.nextBoolean() ? "ingress" : "egress", rnd.nextBoolean());
            }
            r.put("enableDefaultDeny", edd);
        }
        return r;
    }

    private Map<String, Object> item(boolean ingress, boolean deny) {
        Map<String, Object> item = new LinkedHashMap<>();
        String pre = ingress ? "from" : "to";
        int l3 = rnd.nextInt(ingress ? 6 : 8);
        while (analysable && (l3 == 5 || l3 == 6)) {
            l3 = rnd.nextInt(5);
        }
        boolean fqdn = false;
        switch (l3) {
            case 1 -> item.put(pre + "Endpoints", few(() -> selector(true)));
            case 2 -> item.put(pre + "Entities", few(() -> pick(ENTITIES)));
            case 3 -> item.put(pre + "CIDR", few(() -> pick(CIDR_SETS)[0]));
            case 4 -> item.put(pre + "CIDRSet", few(this::cidrSet));
            case 5 -> item.put(pre + "Endpoints", new ArrayList<>()); // empty, non-nil
            case 6 -> item.put("toServices", few(this::service));
            case 7 -> {
                if (deny) {
                    item.put("toEntities", few(() -> pick(ENTITIES)));
                } else {
                    fqdn = true;
                    item.put("toFQDNs", few(() -> rnd.nextBoolean()
                            ? Map.of("matchName", pick(List.of("api.example.com", "example.com")))
                            : Map.of("matchPattern", pick(List.of("*", "*.example.com")))));
                }
            }
            default -> { } // no L3
        }
        int shape = rnd.nextInt(6);
        if (shape == 0 && l3 != 0) {
            return item; // L3 only
        }
        if (shape == 1) {
            item.put("icmps", new ArrayList<>(List.of(Map.of("fields", List.of(Map.of("type", 8))))));
            return item;
        }
        if (shape == 2 && l3 == 0 && rnd.nextBoolean()) {
            return item; // {}: isolates, allows nothing
        }
        List<Object> toPorts = new ArrayList<>();
        for (int i = 1 + rnd.nextInt(2); i > 0; i--) {
            toPorts.add(portRule(ingress, deny, fqdn));
        }
        item.put("toPorts", toPorts);
        if (!deny && rnd.nextInt(12) == 0) {
            item.put("authentication", Map.of("mode", pick(List.of("required", "disabled"))));
        }
        return item;
    }

    private Map<String, Object> portRule(boolean ingress, boolean deny, boolean fqdn) {
        Map<String, Object> entry = new LinkedHashMap<>();
        int l7 = deny ? 0 : rnd.nextInt(6);
        List<Object> ports = new ArrayList<>();
        if (l7 == 1) { // HTTP: TCP, a non-zero port
            ports.add(port(pick(List.of("80", "8080", "http")), "TCP", rnd.nextBoolean()));
            entry.put("ports", ports);
            entry.put("rules", Map.of("http", List.of(Map.of("method", "GET"))));
            return entry;
        }
        if (l7 == 2 && !ingress) { // DNS: egress, port 53, no range
            ports.add(port("53", pick(List.of("UDP", "ANY", "TCP")), false));
            entry.put("ports", ports);
            entry.put("rules", Map.of("dns", List.of(Map.of("matchPattern", "*"))));
            return entry;
        }
        if (rnd.nextInt(15) == 0) {
            return entry; // {}: no ports, allows nothing
        }
        for (int i = 1 + rnd.nextInt(2); i > 0; i--) {
            ports.add(port(pick(PORT_SPELLINGS), pick(List.of("TCP", "UDP", "SCTP", "ANY", "")), true));
        }
        entry.put("ports", ports);
        if (l7 == 3 && !fqdn) {
            entry.put("serverNames", List.of("one.one.one.one"));
        }
        return entry;
    }

    private Map<String, Object> port(String port, String protocol, boolean mayRange) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("port", port);
        if (!protocol.isEmpty()) {
            p.put("protocol", protocol);
        }
        if (mayRange && rnd.nextInt(4) == 0) {
            int lo = Math.max(CiliumPorts.parse(port), 0);
            p.put("endPort", rnd.nextInt(4) == 0 ? 65535 : Math.max(0, lo + rnd.nextInt(3) - 1));
        }
        return p;
    }

    private Map<String, Object> cidrSet() {
        String[] s = pick(List.of(CIDR_SETS));
        while (analysable && s.length > 1 && s[0].equals(s[1])) {
            s = pick(List.of(CIDR_SETS));
        }
        Map<String, Object> set = new LinkedHashMap<>();
        set.put("cidr", s[0]);
        if (s.length > 1 && rnd.nextInt(4) > 0) {
            set.put("except", new ArrayList<>(List.of(s).subList(1, s.length)));
        }
        return set;
    }

    private Map<String, Object> service() {
        return switch (rnd.nextInt(4)) {
            case 0 -> Map.of("k8sService", Map.of("serviceName", "web", "namespace", "ns2"));
            case 1 -> Map.of("k8sService", Map.of("serviceName", "db"));
            case 2 -> Map.of("k8sService", Map.of("serviceName", "kubernetes", "namespace", "default"));
            default -> Map.of("k8sServiceSelector", Map.of("selector", Map.of("matchLabels", Map.of("app", "b"))));
        };
    }

    /** {} or up to two requirements over keys of every source class; reserved keys only in peers. */
    private Map<String, Object> selector(boolean peer) {
        Map<String, Object> s = new LinkedHashMap<>();
        if (rnd.nextInt(4) == 0) {
            return s;
        }
        Map<String, Object> matchLabels = new LinkedHashMap<>();
        List<Object> exprs = new ArrayList<>();
        for (int i = 1 + rnd.nextInt(2); i > 0; i--) {
            String[] kv = requirement(peer);
            if (rnd.nextBoolean()) {
                // two keys naming one label (app, any:app) with different values: the agent keeps either
                boolean clash = matchLabels.entrySet().stream().anyMatch(e -> !e.getValue().equals(kv[1])
                        && java.util.Arrays.equals(CiliumLabels.extended(e.getKey()), CiliumLabels.extended(kv[0])));
                if (!clash) {
                    matchLabels.put(kv[0], kv[1]);
                }
                continue;
            }
            String op = pick(List.of("In", "NotIn", "Exists", "DoesNotExist"));
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("key", kv[0]);
            x.put("operator", op);
            if (op.equals("In") || op.equals("NotIn")) {
                x.put("values", new ArrayList<>(List.of(kv[1])));
            }
            exprs.add(x);
        }
        if (!matchLabels.isEmpty()) {
            s.put("matchLabels", matchLabels);
        }
        if (!exprs.isEmpty()) {
            s.put("matchExpressions", exprs);
        }
        return s;
    }

    private String[] requirement(boolean peer) {
        int choice = rnd.nextInt(peer ? 13 : 11);
        while (analysable && (choice == 8 || choice == 9 || choice > 10 || peer && (choice == 7 || choice == 10))) {
            choice = rnd.nextInt(peer ? 13 : 11);
        }
        return switch (choice) {
            case 0, 1 -> new String[] {"app", pick(List.of("a", "b"))};
            case 2 -> new String[] {"k8s:role", pick(List.of("a", "b"))};
            case 3 -> new String[] {"any:app", "a"};
            case 4 -> new String[] {"container:app", "a"};
            case 5 -> new String[] {"k8s:io.kubernetes.pod.namespace", pick(List.of("ns1", "ns2", "ns3"))};
            case 6 -> new String[] {"io.kubernetes.pod.namespace", pick(List.of("ns1", "ns2"))};
            case 7 -> new String[] {"io.cilium.k8s.namespace.labels.env", pick(List.of("prod", "dev"))};
            case 8 -> new String[] {"io.cilium.k8s.policy.serviceaccount", pick(List.of("sa1", "default"))};
            case 9 -> new String[] {"pod-template-hash", "x"};
            case 10 -> new String[] {"k8s:io.cilium.k8s.namespace.labels.kubernetes.io/metadata.name", "ns3"};
            default -> new String[] {"reserved:" + pick(List.of("host", "world", "remote-node", "health")), ""};
        };
    }

    private List<Object> few(java.util.function.Supplier<Object> one) {
        List<Object> out = new ArrayList<>();
        for (int i = 1 + rnd.nextInt(2); i > 0; i--) {
            out.add(one.get());
        }
        return out;
    }

    private <T> T pick(List<T> list) {
        return list.get(rnd.nextInt(list.size()));
    }

    private <T> T pick(T[] array) {
        return array[rnd.nextInt(array.length)];
    }
}
