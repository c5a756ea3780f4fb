package io.github.netpol.analysis.oracle.cilium;

import io.github.netpol.analysis.oracle.cilium.CiliumOracle.CRule;
import io.github.netpol.analysis.oracle.cilium.CiliumOracle.Refused;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static io.github.netpol.analysis.oracle.cilium.CiliumOracle.list;
import static io.github.netpol.analysis.oracle.cilium.CiliumOracle.map;
import static io.github.netpol.analysis.oracle.cilium.CiliumOracle.maps;

/**
 * The inputs the oracle refuses to decide, so that nothing it reads is guessed: the API server's rejections it
 * would otherwise misread (unknown fields where it reads, the entity and protocol enums, {@code format: cidr},
 * {@code maxItems: 0} of the requires fields), the agent's ({@code pkg/policy/api} validation: a rule without
 * sections, two peer kinds in one rule, ICMP with ports, unparsable ports, excepts outside their CIDR, L7 rules
 * on the wrong protocol or direction, {@code nodeSelector} in a CNP, from/toNodes without their flag) and what the
 * gate fails closed on (a CCNP {@code nodeSelector}, from/toGroups, CIDR groups). Not a validator: the first
 * reason found is enough.
 */
final class CiliumRefusals {

    private static final Set<String> ROOT = Set.of("apiVersion", "kind", "metadata", "spec", "specs", "status");
    private static final Set<String> METADATA = Set.of("name", "namespace", "labels", "annotations", "uid",
            "resourceVersion", "generation", "creationTimestamp", "generateName", "finalizers", "ownerReferences",
            "managedFields", "deletionTimestamp", "deletionGracePeriodSeconds", "selfLink");
    private static final Set<String> RULE = Set.of("endpointSelector", "nodeSelector", "ingress", "ingressDeny",
            "egress", "egressDeny", "labels", "description", "enableDefaultDeny", "log");
    private static final Set<String> ENTITIES = Set.of("all", "world", "cluster", "host", "init", "ingress",
            "unmanaged", "remote-node", "health", "none", "kube-apiserver");
    private static final Set<String> PROTOCOLS = Set.of("TCP", "UDP", "SCTP", "VRRP", "IGMP", "ANY");
    private static final Pattern CIDR = Pattern.compile("[0-9a-fA-F:.]+/[0-9]{1,3}");
    private static final Pattern V4 = Pattern.compile("(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])"
            + "(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}");

    private CiliumRefusals() {
    }

    /** The fields naming a rule item's peers, in one direction. */
    static List<String> peerFields(boolean ingress) {
        return ingress
                ? List.of("fromEndpoints", "fromCIDR", "fromCIDRSet", "fromEntities", "fromNodes", "fromGroups")
                : List.of("toEndpoints", "toCIDR", "toCIDRSet", "toEntities", "toServices", "toGroups", "toNodes",
                        "toFQDNs");
    }

    /** The policy's rules, or {@link Refused}. */
    static List<CRule> check(Map<String, Object> policy) {
        for (String k : policy.keySet()) {
            require(ROOT.contains(k), "unknown field \"" + k + "\" (strict decoding)");
        }
        String kind = (String) policy.get("kind");
        boolean clusterwide = "CiliumClusterwideNetworkPolicy".equals(kind);
        require(clusterwide || "CiliumNetworkPolicy".equals(kind), "not a Cilium policy: " + kind);
        Map<String, Object> md = map(policy.get("metadata"));
        require(md != null, "metadata is required");
        for (String k : md.keySet()) {
            require(METADATA.contains(k), "unknown field \"metadata." + k + "\" (strict decoding)");
        }
        String ns = clusterwide ? null : md.get("namespace") == null ? "default" : (String) md.get("namespace");
        String name = kind + " " + (ns == null ? "" : ns + "/") + md.get("name");
        List<CRule> out = new ArrayList<>();
        if (policy.get("spec") != null) {
            out.add(rule(name + " spec", ns, map(policy.get("spec"))));
        }
        List<Map<String, Object>> specs = maps(policy.get("specs"));
        for (int i = 0; i < specs.size(); i++) {
            out.add(rule(name + " specs[" + i + "]", ns, specs.get(i)));
        }
        require(!out.isEmpty(), "Invalid " + kind + " spec(s): empty policy");
        return out;
    }

    private static CRule rule(String ref, String ns, Map<String, Object> body) {
        for (String k : body.keySet()) {
            require(RULE.contains(k), ref + ": unknown field \"" + k + "\" (strict decoding)");
        }
        if (body.get("nodeSelector") != null) {
            throw new Refused(ref + (ns == null ? ": host policies (nodeSelector) are not analysed"
                    : ": Invalid CiliumNetworkPolicy spec: rule cannot have NodeSelector"));
        }
        require(body.get("endpointSelector") != null, ref + ": rule must have one of EndpointSelector or NodeSelector");
        selector(ref, map(body.get("endpointSelector")));
        boolean any = false;
        for (String section : List.of("ingress", "ingressDeny", "egress", "egressDeny")) {
            List<Map<String, Object>> items = maps(body.get(section));
            any |= !items.isEmpty();
            for (int i = 0; i < items.size(); i++) {
                item(ref + " " + section + "[" + i + "]", section, items.get(i));
            }
        }
        require(any, ref + ": rule must have at least one of Ingress, IngressDeny, Egress, EgressDeny");
        return new CRule(ref, ns, body);
    }

    private static void item(String ref, String section, Map<String, Object> item) {
        boolean ingress = section.startsWith("ingress");
        boolean deny = section.endsWith("Deny");
        String requires = ingress ? "fromRequires" : "toRequires";
        require(list(item.get(requires)).isEmpty(), ref + ": " + requires + " must have at most 0 items");
        String seen = null;
        for (String f : peerFields(ingress)) {
            if (list(item.get(f)).isEmpty()) {
                continue; // Go counts len > 0
            }
            require(seen == null, ref + ": combining " + seen + " and " + f + " is not supported yet");
            seen = f;
        }
        Set<String> known = new java.util.HashSet<>(peerFields(ingress));
        known.addAll(List.of(requires, "toPorts", "icmps"));
        if (!deny) {
            known.add("authentication");
        }
        if (deny) {
            known.remove("toFQDNs");
        }
        for (String k : item.keySet()) {
            require(known.contains(k), ref + ": unknown field \"" + k + "\" (strict decoding)");
        }
        if (seen != null) {
            require(!seen.endsWith("Nodes"), ref + ": FromNodes/ToNodes rules can only be applied when the "
                    + "\"enable-node-selector-labels\" flag is set");
            require(!seen.endsWith("Groups"), ref + ": " + seen + " depends on cloud state: not analysed");
            for (Object v : list(item.get(seen))) {
                peer(ref, seen, v);
            }
        }
        require(list(item.get("icmps")).isEmpty() || list(item.get("toPorts")).isEmpty(), ref
                + ": the ICMPs block may only be present without ToPorts. Define a separate rule to use ToPorts");
        for (Map<String, Object> entry : maps(item.get("toPorts"))) {
            ports(ref, ingress, deny, entry);
        }
    }

    private static void peer(String ref, String field, Object v) {
        switch (field.substring(field.startsWith("from") ? 4 : 2)) {
            case "Endpoints" -> selector(ref, map(v));
            case "Entities" -> require(ENTITIES.contains(v), ref + ": unsupported entity: " + v);
            case "CIDR" -> cidr(ref, v);
            case "CIDRSet" -> {
                Map<String, Object> set = map(v);
                require(set.get("cidrGroupRef") == null && set.get("cidrGroupSelector") == null,
                        ref + ": CiliumCIDRGroup references are not resolved");
                cidr(ref, set.get("cidr"));
                for (Object e : list(set.get("except"))) {
                    cidr(ref, e);
                    require(CiliumCidrs.bytes(CiliumCidrs.address((String) e)).length
                            == CiliumCidrs.bytes(CiliumCidrs.address((String) set.get("cidr"))).length
                            && CiliumCidrs.contains((String) set.get("cidr"), CiliumCidrs.address((String) e)),
                            ref + ": allow CIDR prefix " + set.get("cidr") + " does not contain exclude CIDR prefix " + e);
                }
            }
            case "FQDNs" -> {
                Map<String, Object> f = map(v);
                require(f != null && (f.get("matchName") == null) != (f.get("matchPattern") == null),
                        ref + ": toFQDNs needs exactly one of matchName, matchPattern");
            }
            case "Services" -> {
                Map<String, Object> s = map(v);
                require(s != null && (s.get("k8sService") == null) != (s.get("k8sServiceSelector") == null),
                        ref + ": toServices needs exactly one of k8sService, k8sServiceSelector");
            }
            default -> throw new Refused(ref + ": " + field);
        }
    }

    private static void cidr(String ref, Object v) {
        require(v instanceof String s && CIDR.matcher(s).matches()
                && (s.contains(":") || V4.matcher(CiliumCidrs.address(s)).matches()),
                ref + ": invalid CIDR (format: cidr): " + v);
        String s = (String) v;
        try {
            int bits = CiliumCidrs.bytes(CiliumCidrs.address(s)).length * 8;
            require(CiliumCidrs.prefix(s) <= bits, ref + ": invalid CIDR prefix: " + s);
        } catch (IllegalArgumentException e) {
            throw new Refused(ref + ": invalid CIDR: " + s);
        }
    }

    private static void selector(String ref, Map<String, Object> s) {
        if (s == null) {
            return;
        }
        // the agent rebuilds matchLabels keyed by the extended key (EndpointSelector.UnmarshalJSON), iterating a Go
        // map: of two keys that extend alike (app, any:app) with different values, a random one is kept
        Map<String, Object> extendedLabels = new java.util.HashMap<>();
        Map<String, Object> ml = map(s.get("matchLabels"));
        for (Map.Entry<String, Object> e : (ml == null ? Map.<String, Object>of() : ml).entrySet()) {
            String key = String.join(":", CiliumLabels.extended(e.getKey()));
            Object before = extendedLabels.put(key, String.valueOf(e.getValue()));
            require(before == null || before.equals(String.valueOf(e.getValue())), ref + ": matchLabels name the label "
                    + key + " twice with different values; the agent keeps one of them at random");
        }
        for (Map<String, Object> x : maps(s.get("matchExpressions"))) {
            String op = (String) x.get("operator");
            require(Set.of("In", "NotIn", "Exists", "DoesNotExist").contains(op), ref + ": operator " + op);
            boolean needsValues = op.equals("In") || op.equals("NotIn");
            require(needsValues != list(x.get("values")).isEmpty(), ref + ": values of " + op);
        }
    }

    private static void ports(String ref, boolean ingress, boolean deny, Map<String, Object> entry) {
        if (deny) {
            for (String k : entry.keySet()) {
                require(k.equals("ports"), ref + ": unknown field \"toPorts." + k + "\" in a deny rule (strict decoding)");
            }
        }
        List<Map<String, Object>> ports = maps(entry.get("ports"));
        require(ports.size() <= 40, ref + ": too many ports, the max is 40");
        Map<String, Object> rules = map(entry.get("rules"));
        boolean dns = rules != null && rules.get("dns") != null;
        boolean http = rules != null && rules.get("http") != null;
        require(rules == null || dns != http, ref + ": rules needs exactly one of http, dns");
        require(!(dns && ingress), ref + ": DNS rules are not allowed on ingress");
        require(!dns || !ports.isEmpty(), ref + ": port 53 must be specified for DNS rules");
        for (Map<String, Object> p : ports) {
            String proto = p.get("protocol") == null ? "ANY" : String.valueOf(p.get("protocol"));
            require(PROTOCOLS.contains(proto), ref + ": unsupported protocol " + proto);
            Object port = p.get("port");
            require(port == null || port instanceof String, ref + ": port must be a string");
            String s = (String) port;
            if (proto.equals("VRRP") || proto.equals("IGMP")) {
                require(s == null || s.isEmpty() || CiliumPorts.parse(s) == 0, ref + ": port must be empty or 0");
                continue;
            }
            require(s != null && !s.isEmpty(), ref + ": port must be specified");
            require(CiliumPorts.isServiceName(s) || CiliumPorts.parse(s) >= 0, ref + ": unable to parse port: " + s);
            Object end = p.get("endPort");
            require(end == null || end instanceof Integer e && e >= 0 && e <= 65535, ref + ": endPort " + end);
            if (rules != null) {
                require(dns || proto.equals("TCP"), ref + ": L7 rules can only apply to TCP (not " + proto
                        + ") except for DNS rules");
                require(CiliumPorts.isServiceName(s) || CiliumPorts.parse(s) != 0,
                        ref + ": L7 rules can not be used when a port is 0");
                require(!dns || end == null || (Integer) end <= CiliumPorts.parse(s),
                        ref + ": DNS rules do not support port ranges");
            }
        }
    }

    private static void require(boolean ok, String reason) {
        if (!ok) {
            throw new Refused(reason);
        }
    }
}
