package io.github.netpol.analysis.oracle.cilium;

import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.github.netpol.analysis.oracle.Oracle;
import io.github.netpol.analysis.oracle.cilium.CiliumLabels.Req;
import io.github.netpol.analysis.oracle.cilium.CiliumWorld.AddressKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Reference implementation for tests: decides ONE concrete connection {@code (source, destination, protocol,
 * port)} under ONE concrete {@link CiliumWorld} by reading CiliumNetworkPolicies and
 * CiliumClusterwideNetworkPolicies literally, as maps the way YAML loads them, and the NetworkPolicies through
 * {@link Oracle}. Shares no code with the engine.
 * <p>
 * Per pod end and direction: the Cilium rules ({@code spec} and each {@code specs[i]}) whose
 * {@code endpointSelector} selects the pod (a CNP's with its namespace {@code AddMatch}-ed), then
 * <ul>
 *   <li>a matching deny rule → {@link Level#DENY};</li>
 *   <li>an L7-filtered allow (L7 rules, SNI, listener, TLS, authentication) not voided by a plain allow on the
 *       same peer and port → {@link Level#L7};</li>
 *   <li>a plain allow (CNP, CCNP or NetworkPolicy) → {@link Level#ALLOW};</li>
 *   <li>otherwise {@link Level#DENY} when the pod is default-deny in the direction (a selecting Cilium rule with
 *       a non-empty allow or deny section and {@code enableDefaultDeny} in effect, a NetworkPolicy isolating it,
 *       or mode {@code always}), else {@link Level#ALLOW}.</li>
 * </ul>
 * An address end has no side (it is allowed). The connection's level is the lower of the two sides.
 * <p>
 * Policies the agent or the API server would refuse, and constructs the gate fails closed on (node selectors,
 * {@code fromNodes}, {@code fromGroups}, CIDR groups), make the constructor throw {@link Refused}: the oracle
 * decides nothing for them.
 */
public final class CiliumOracle {

    /** What a side or connection lets through, ordered: DENY &lt; L7 &lt; ALLOW. */
    public enum Level {
        DENY, L7, ALLOW;

        public Level min(Level other) {
            return compareTo(other) <= 0 ? this : other;
        }
    }

    /** The input is one the oracle does not decide: a policy Cilium refuses or the gate fails closed on. */
    public static final class Refused extends RuntimeException {
        public Refused(String reason) {
            super(reason);
        }
    }

    /** One rule ({@code spec} or {@code specs[i]}) of a policy; {@code namespace} is null for a CCNP. */
    record CRule(String ref, String namespace, Map<String, Object> body) {
        boolean clusterwide() {
            return namespace == null;
        }
    }

    private static final int L4 = 1;
    private static final int WILD = 2;
    private static final int L7 = 4;

    private final List<CRule> rules = new ArrayList<>();
    private final Map<CRule, List<Req>> subjects = new java.util.IdentityHashMap<>();
    private final List<Map<String, Object>> services;
    private final Oracle nps;
    /** [0]: rules with ports, [1]: rules without; index 2/3: the same with ipBlock peers matching nothing. */
    private final Oracle[] npVariants = new Oracle[4];

    /**
     * @param ciliumPolicies CNPs and CCNPs as YAML loads them (a CNP without {@code metadata.namespace} is in
     *                       {@code default})
     * @param networkPolicies the NetworkPolicies, as the NetworkPolicy oracle takes them
     * @param services       declared {@code v1 Service} objects as YAML loads them, to resolve {@code toServices}
     * @throws Refused when a policy is one Cilium or the gate would refuse
     */
    public CiliumOracle(List<Map<String, Object>> ciliumPolicies, List<Oracle.Policy> networkPolicies,
                        List<Map<String, Object>> services) {
        for (Map<String, Object> p : ciliumPolicies) {
            rules.addAll(CiliumRefusals.check(p));
        }
        rules.forEach(r -> subjects.put(r, subject(r)));
        this.services = List.copyOf(services);
        this.nps = new Oracle(networkPolicies);
        for (int i = 0; i < 4; i++) {
            boolean withPorts = i % 2 == 0;
            boolean keepIpBlocks = i < 2;
            List<Oracle.Policy> copies = new ArrayList<>();
            for (Oracle.Policy p : networkPolicies) {
                copies.add(new Oracle.Policy(p.namespace(), variant(p.np(),
                        r -> r == null ? !withPorts : withPorts == !r.isEmpty(), keepIpBlocks)));
            }
            npVariants[i] = new Oracle(copies);
        }
    }

    /** Only Cilium policies. */
    public CiliumOracle(List<Map<String, Object>> ciliumPolicies) {
        this(ciliumPolicies, List.of(), List.of());
    }

    /** The level of the connection: the lower of the source's egress side and the destination's ingress side. */
    public Level decide(CiliumPeer src, CiliumPeer dst, String protocol, int port, CiliumWorld w) {
        Level out = Level.ALLOW;
        if (src instanceof CiliumPeer.Pod s) {
            out = out.min(side(false, s, dst, protocol, port, w));
        }
        if (dst instanceof CiliumPeer.Pod d) {
            out = out.min(side(true, d, src, protocol, port, w));
        }
        return out;
    }

    /** One side: the ingress of {@code local} from {@code peer}, or its egress to {@code peer}. */
    public Level side(boolean ingress, CiliumPeer.Pod local, CiliumPeer peer, String protocol, int port,
                      CiliumWorld w) {
        return side(ingress, local, peer, protocol, port, w, null);
    }

    /**
     * The L7 filters of the allow items that match the side's connection, each as written (the item's
     * {@code authentication} and the {@code toPorts} entry's L7 fields), whether or not a plain allow voids them:
     * which L7 rules a verdict of {@link Level#L7} depends on, for comparing two versions.
     */
    public java.util.Set<Object> l7Filters(boolean ingress, CiliumPeer.Pod local, CiliumPeer peer, String protocol,
                                           int port, CiliumWorld w) {
        java.util.Set<Object> out = new java.util.HashSet<>();
        side(ingress, local, peer, protocol, port, w, out);
        return out;
    }

    private Level side(boolean ingress, CiliumPeer.Pod local, CiliumPeer peer, String protocol, int port,
                       CiliumWorld w, java.util.Set<Object> l7Filters) {
        if (w.mode() == CiliumWorld.Mode.NEVER) {
            return Level.ALLOW;
        }
        CiliumPeer.Pod destination = ingress ? local : peer instanceof CiliumPeer.Pod p ? p : null;
        String dir = ingress ? "ingress" : "egress";
        boolean isolated = w.mode() == CiliumWorld.Mode.ALWAYS;
        int hits = 0;
        CiliumLabels.LabelSet localLabels = CiliumLabels.of(local);
        for (CRule r : rules) {
            if (!CiliumLabels.matches(subjects.get(r), localLabels)) {
                continue;
            }
            List<Map<String, Object>> allows = maps(r.body().get(dir));
            List<Map<String, Object>> denies = maps(r.body().get(dir + "Deny"));
            if ((!allows.isEmpty() || !denies.isEmpty()) && defaultDeny(r, dir, w)) {
                isolated = true;
            }
            for (Map<String, Object> item : denies) {
                if (match(r, item, ingress, peer, destination, protocol, port, w, null) != 0) {
                    return Level.DENY;
                }
            }
            for (Map<String, Object> item : allows) {
                hits |= match(r, item, ingress, peer, destination, protocol, port, w, l7Filters);
            }
        }
        if (nps.isolated(local.toEndpoint(), ingress ? "Ingress" : "Egress")) {
            isolated = true;
            if (networkPolicies(ingress, local, peer, protocol, port, w, 0)) {
                hits |= L4;
            }
            if (networkPolicies(ingress, local, peer, protocol, port, w, 1)) {
                hits |= WILD;
            }
        }
        if (ingress && w.allowLocalhost() && peer instanceof CiliumPeer.Addr
                && CiliumLabels.isNode(w.addressKind()) && w.sameNode()) {
            hits |= WILD;
        }
        boolean plain = (hits & L4) != 0 || ((hits & WILD) != 0 && ((hits & L7) == 0 || w.l3OverridesL7()));
        if (plain) {
            return Level.ALLOW;
        }
        if ((hits & L7) != 0) {
            return Level.L7;
        }
        return isolated ? Level.DENY : Level.ALLOW;
    }

    /** For a pod NetworkPolicies isolate: probe 0, does a rule with ports allow; 1, one without ports. */
    private boolean networkPolicies(boolean ingress, CiliumPeer.Pod local, CiliumPeer peer, String protocol,
                                    int port, CiliumWorld w, int probe) {
        var pod = local.toEndpoint();
        boolean ipBlocksMatch = !(peer instanceof CiliumPeer.Addr) || cidrMatchable(w);
        Oracle o = npVariants[probe + (ipBlocksMatch ? 0 : 2)];
        var other = peer instanceof CiliumPeer.Pod p ? p.toEndpoint() : ((CiliumPeer.Addr) peer).toEndpoint();
        return ingress ? o.ingressAllows(pod, other, protocol, port) : o.egressAllows(pod, other, protocol, port);
    }

    /** A copy keeping the rules {@code keep} accepts (by their ports list, null for a null rule). */
    private static NetworkPolicy variant(NetworkPolicy np, Predicate<List<?>> keep, boolean keepIpBlocks) {
        NetworkPolicy copy = new NetworkPolicyBuilder(np).build();
        var spec = copy.getSpec();
        List<String> types = spec.getPolicyTypes();
        if (types == null || types.isEmpty()) {
            types = new ArrayList<>(List.of("Ingress"));
            if (spec.getEgress() != null && !spec.getEgress().isEmpty()) {
                types.add("Egress");
            }
        }
        spec.setPolicyTypes(types);
        if (spec.getIngress() != null) {
            spec.setIngress(kept(spec.getIngress(), NetworkPolicyIngressRule::getPorts, keep, keepIpBlocks ? null
                    : r -> r.setFrom(withoutIpBlocks(r.getFrom()))));
        }
        if (spec.getEgress() != null) {
            spec.setEgress(kept(spec.getEgress(), NetworkPolicyEgressRule::getPorts, keep, keepIpBlocks ? null
                    : r -> r.setTo(withoutIpBlocks(r.getTo()))));
        }
        return copy;
    }

    /** The rules {@code keep} accepts by their ports (a null rule by null), each stripped when asked. */
    private static <R> List<R> kept(List<R> rules, java.util.function.Function<R, List<?>> ports,
                                    Predicate<List<?>> keep, java.util.function.Consumer<R> strip) {
        List<R> out = new ArrayList<>();
        for (R r : rules) {
            List<?> p = r == null ? null : ports.apply(r) == null ? List.of() : ports.apply(r);
            if (keep.test(p)) {
                if (r != null && strip != null) {
                    strip.accept(r);
                }
                out.add(r);
            }
        }
        return out;
    }

    /** An ipBlock peer becomes a null peer, which the NetworkPolicy oracle matches with nothing. */
    private static List<NetworkPolicyPeer> withoutIpBlocks(List<NetworkPolicyPeer> peers) {
        if (peers == null) {
            return null;
        }
        List<NetworkPolicyPeer> out = new ArrayList<>();
        for (NetworkPolicyPeer p : peers) {
            out.add(p != null && p.getIpBlock() != null ? null : p);
        }
        return out;
    }

    private static boolean defaultDeny(CRule r, String dir, CiliumWorld w) {
        Map<String, Object> edd = map(r.body().get("enableDefaultDeny"));
        Object v = edd == null ? null : edd.get(dir);
        return !Boolean.FALSE.equals(v) || !w.nonDefaultDenySupported();
    }

    /** The subject requirements: a CNP's namespace is {@code AddMatch}-ed over a user's {@code k8s:} entry. */
    static List<Req> subject(CRule r) {
        Map<String, Object> sel = map(r.body().get("endpointSelector"));
        if (r.clusterwide()) {
            return CiliumLabels.requirements(sel);
        }
        Map<String, Object> copy = new java.util.LinkedHashMap<>(sel == null ? Map.of() : sel);
        Map<String, Object> ml = new java.util.LinkedHashMap<>();
        Map<String, Object> written = map(copy.get("matchLabels"));
        if (written != null) {
            ml.putAll(written);
        }
        ml.remove("k8s:" + CiliumLabels.NS);
        ml.put("k8s:" + CiliumLabels.NS, r.namespace());
        copy.put("matchLabels", ml);
        return CiliumLabels.requirements(copy);
    }

    /** Bit set of what the rule item gives: L4 (a port rule), WILD (L3-only or port 0), L7; 0 = no match. */
    private int match(CRule r, Map<String, Object> item, boolean ingress, CiliumPeer peer,
                      CiliumPeer.Pod destination, String protocol, int port, CiliumWorld w,
                      java.util.Set<Object> l7Filters) {
        boolean hasPorts = !list(item.get("toPorts")).isEmpty(); // Go tests len(ToPorts) > 0
        if (!peerMatches(r, item, ingress, peer, hasPorts, w)) {
            return 0;
        }
        boolean auth = authenticated(item);
        if (!hasPorts) {
            if (!list(item.get("icmps")).isEmpty()) {
                return 0; // ICMP only: no TCP, UDP or SCTP
            }
            if (auth && l7Filters != null) {
                l7Filters.add(Map.of("authentication", item.get("authentication")));
            }
            return auth ? L7 : WILD;
        }
        int out = 0;
        for (Map<String, Object> entry : maps(item.get("toPorts"))) {
            boolean l7 = auth || entry.get("rules") != null || entry.get("serverNames") != null
                    || entry.get("listener") != null || entry.get("terminatingTLS") != null
                    || entry.get("originatingTLS") != null;
            for (Map<String, Object> p : maps(entry.get("ports"))) {
                int kind = CiliumPorts.matches(p, destination, protocol, port, w);
                if (kind != 0) {
                    out |= l7 ? L7 : kind;
                    if (l7 && l7Filters != null) {
                        Map<String, Object> filter = new java.util.TreeMap<>(entry);
                        filter.remove("ports");
                        if (auth) {
                            filter.put("authentication", item.get("authentication"));
                        }
                        l7Filters.add(filter);
                    }
                }
            }
        }
        return out;
    }

    private static boolean authenticated(Map<String, Object> item) {
        Map<String, Object> a = map(item.get("authentication"));
        return a != null && !"disabled".equals(a.get("mode"));
    }

    /** The L3 part of a rule item: exactly one peer field (the refusals made sure), or none. */
    private boolean peerMatches(CRule r, Map<String, Object> item, boolean ingress, CiliumPeer peer,
                                boolean hasPorts, CiliumWorld w) {
        String field = null;
        boolean written = false;
        for (String f : CiliumRefusals.peerFields(ingress)) {
            written |= item.get(f) != null;
            if (!list(item.get(f)).isEmpty()) {
                field = f; // at most one non-empty peer field: the refusals made sure
            }
        }
        if (field == null) {
            // none written: with ports every identity, else the empty rule allows nothing; only empty lists
            // written (non-nil): nothing, or the wildcard on older agents
            return hasPorts && (!written || w.emptyListWildcard());
        }
        List<Object> values = list(item.get(field));
        if (field.endsWith("CIDRSet") && values.stream().allMatch(CiliumOracle::emptiedSet)) {
            return hasPorts && w.emptyListWildcard();
        }
        String kind = field.substring(ingress ? 4 : 2);
        for (Object v : values) {
            if (peerMatches(r, kind, v, peer, w)) {
                return true;
            }
        }
        return false;
    }

    private boolean peerMatches(CRule r, String kind, Object v, CiliumPeer peer, CiliumWorld w) {
        return switch (kind) {
            case "Endpoints" -> CiliumLabels.matches(peerSelector(r, map(v), w), labels(peer, w));
            case "Entities" -> entity((String) v, peer, w);
            case "CIDR" -> peer instanceof CiliumPeer.Addr a && cidrMatchable(w) && inCidr((String) v, a.ip());
            case "CIDRSet" -> peer instanceof CiliumPeer.Addr a && cidrMatchable(w) && inSet(map(v), a.ip());
            case "FQDNs" -> peer instanceof CiliumPeer.Addr && fqdnMatchable(w) && fqdn(map(v), w);
            case "Services" -> service(r, map(v), peer, w);
            default -> throw new Refused("peer field not modelled: " + kind);
        };
    }

    private static CiliumLabels.LabelSet labels(CiliumPeer peer, CiliumWorld w) {
        return peer instanceof CiliumPeer.Pod p ? CiliumLabels.of(p) : CiliumLabels.of(w);
    }

    /** {@code getEndpointSelector}: reserved keys as written; else default the namespace by the policy kind. */
    static List<Req> peerSelector(CRule r, Map<String, Object> selector, CiliumWorld w) {
        List<Req> reqs = new ArrayList<>(CiliumLabels.requirements(selector));
        if (reqs.stream().anyMatch(q -> q.source().equals("reserved")) || reqs.stream().anyMatch(Req::nsName)) {
            return reqs;
        }
        if (r.clusterwide()) {
            reqs.add(new Req("k8s", CiliumLabels.NS, "Exists", List.of()));
        } else if (!reqs.stream().anyMatch(Req::nsLabels) || !w.cnpNamespaceLabelsCrossNamespace()) {
            reqs.add(new Req("k8s", CiliumLabels.NS, "In", List.of(r.namespace())));
        }
        return reqs;
    }

    static boolean entity(String e, CiliumPeer peer, CiliumWorld w) {
        if (e.equals("all")) {
            return true;
        }
        if (peer instanceof CiliumPeer.Pod) {
            return e.equals("cluster");
        }
        AddressKind k = w.addressKind();
        boolean worldLike = k == AddressKind.WORLD || k == AddressKind.APISERVER_EXT && w.worldHasApiserver();
        return switch (e) {
            case "world" -> worldLike;
            case "cluster" -> k != AddressKind.WORLD;
            case "host" -> CiliumLabels.isNode(k) && w.sameNode();
            case "remote-node" -> CiliumLabels.isNode(k) && !w.sameNode();
            case "kube-apiserver" -> k == AddressKind.APISERVER_NODE || k == AddressKind.APISERVER_EXT;
            case "health" -> k == AddressKind.HEALTH;
            case "ingress" -> k == AddressKind.INGRESS;
            case "unmanaged" -> k == AddressKind.UNMANAGED;
            case "init" -> k == AddressKind.INIT;
            default -> false; // none
        };
    }

    /** CIDR rules match only addresses without a Cilium identity of their own. */
    static boolean cidrMatchable(CiliumWorld w) {
        AddressKind k = w.addressKind();
        return k == AddressKind.WORLD || k == AddressKind.UNMANAGED
                || k == AddressKind.APISERVER_EXT && w.worldHasApiserver()
                || CiliumLabels.isNode(k) && w.cidrMatchesNodes();
    }

    /** DNS-learned addresses in the cluster are ignored. */
    static boolean fqdnMatchable(CiliumWorld w) {
        return w.addressKind() == AddressKind.WORLD
                || w.addressKind() == AddressKind.APISERVER_EXT && w.worldHasApiserver();
    }

    private static boolean inSet(Map<String, Object> set, String ip) {
        if (!inCidr((String) set.get("cidr"), ip)) {
            return false;
        }
        for (Object e : list(set.get("except"))) {
            if (inCidr((String) e, ip)) {
                return false;
            }
        }
        return true;
    }

    /** A CIDR set entry whose excepts cover all of its CIDR. */
    static boolean emptiedSet(Object entry) {
        Map<String, Object> set = map(entry);
        List<String> excepts = new ArrayList<>();
        list(set.get("except")).forEach(e -> excepts.add((String) e));
        return CiliumCidrs.covered((String) set.get("cidr"), excepts);
    }

    static boolean inCidr(String cidr, String ip) {
        return CiliumCidrs.contains(cidr, ip);
    }

    private static boolean fqdn(Map<String, Object> selector, CiliumWorld w) {
        String name = (String) selector.get("matchName");
        String pattern = (String) selector.get("matchPattern");
        for (String n : w.dnsNames()) {
            String got = trimDot(n.toLowerCase(Locale.ROOT));
            if (name != null && trimDot(name.toLowerCase(Locale.ROOT)).equals(got)) {
                return true;
            }
            if (pattern != null && fqdnPattern(pattern).matcher(got).matches()) {
                return true;
            }
        }
        return false;
    }

    /** {@code *} alone matches every name, else any run of DNS name characters within one label. */
    static java.util.regex.Pattern fqdnPattern(String pattern) {
        String p = trimDot(pattern.toLowerCase(Locale.ROOT));
        if (p.equals("*")) {
            return java.util.regex.Pattern.compile(".*");
        }
        StringBuilder re = new StringBuilder();
        for (char c : p.toCharArray()) {
            re.append(c == '*' ? "[-a-z0-9_]*" : java.util.regex.Pattern.quote(String.valueOf(c)));
        }
        return java.util.regex.Pattern.compile(re.toString());
    }

    private static String trimDot(String s) {
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    /**
     * {@code toServices}: a declared Service with a selector selects its namespace's pods by that selector; a
     * declared one without a selector, an undeclared one and a {@code k8sServiceSelector} are the world's
     * {@link CiliumWorld#services} (the first only for addresses CIDR rules match); {@code default/kubernetes}
     * undeclared is the {@code kube-apiserver} entity.
     */
    private boolean service(CRule r, Map<String, Object> entry, CiliumPeer peer, CiliumWorld w) {
        Map<String, Object> byName = map(entry.get("k8sService"));
        if (byName == null) {
            Map<String, Object> bySelector = map(entry.get("k8sServiceSelector"));
            String ns = (String) bySelector.get("namespace");
            return w.services().contains(serviceSelectorKey(ns == null ? r.namespace() : ns,
                    map(bySelector.get("selector"))));
        }
        String ns = (String) byName.get("namespace");
        ns = ns == null ? r.namespace() : ns;
        String name = (String) byName.get("serviceName");
        Map<String, Object> svc = declaredService(ns, name);
        if (svc == null) {
            if ("default".equals(ns) && "kubernetes".equals(name)) {
                return entity("kube-apiserver", peer, w);
            }
            return w.services().contains(ns + "/" + name);
        }
        Map<String, Object> spec = map(svc.get("spec"));
        Map<String, Object> selector = spec == null ? null : map(spec.get("selector"));
        if (selector == null || selector.isEmpty()) {
            return peer instanceof CiliumPeer.Addr && cidrMatchable(w) && w.services().contains(ns + "/" + name);
        }
        if (!(peer instanceof CiliumPeer.Pod p) || !p.namespace().equals(ns)) {
            return false;
        }
        Map<String, String> labels = CiliumLabels.identityLabels(p.podLabels());
        for (Map.Entry<String, Object> e : selector.entrySet()) {
            if (!String.valueOf(e.getValue()).equals(labels.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /** The world key of a {@code k8sServiceSelector} (namespace null: every namespace). */
    public static String serviceSelectorKey(String namespace, Map<String, Object> selector) {
        return "selector:" + namespace + ":" + new java.util.TreeMap<>(selector == null ? Map.of() : selector);
    }

    private Map<String, Object> declaredService(String ns, String name) {
        for (Map<String, Object> s : services) {
            Map<String, Object> md = map(s.get("metadata"));
            String sns = md.get("namespace") == null ? "default" : (String) md.get("namespace");
            if (name.equals(md.get("name")) && ns.equals(sns)) {
                return s;
            }
        }
        return null;
    }

    /** The rules, for {@link CiliumWorlds}. */
    List<CRule> rules() {
        return rules;
    }

    List<Map<String, Object>> services() {
        return services;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object o) {
        return o instanceof List<?> l ? (List<Object>) l : List.of();
    }

    static List<Map<String, Object>> maps(Object o) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object x : list(o)) {
            out.add(x == null ? Map.of() : map(x));
        }
        return out;
    }
}
