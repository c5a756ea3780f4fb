package io.github.netpol.model.semantics;

import io.github.netpol.finding.Direction;
import io.github.netpol.model.CiliumPolicyManifest;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A CiliumNetworkPolicy or CiliumClusterwideNetworkPolicy at L3/L4, read from the object as written (which
 * validation has checked against the CRD and the agent's checks; malformed parts are read leniently). Each of
 * {@code spec} and {@code specs[i]} is an independent {@link Rule}. Selector keys are read Cilium's way
 * ({@link CiliumLabels}); ports with Cilium's port syntax ({@link CiliumPort}) into {@link PolicyPort}s of TCP,
 * UDP and SCTP.
 *
 * @param namespace the namespace of a CiliumNetworkPolicy, {@code null} for the clusterwide kind
 */
public record CiliumPolicy(String kind, String namespace, String name, List<Rule> rules) {

    public CiliumPolicy {
        rules = List.copyOf(rules);
    }

    /** The four rule lists of a Cilium rule. */
    public enum Section {
        INGRESS("ingress", Direction.INGRESS, false),
        INGRESS_DENY("ingressDeny", Direction.INGRESS, true),
        EGRESS("egress", Direction.EGRESS, false),
        EGRESS_DENY("egressDeny", Direction.EGRESS, true);

        private final String field;
        private final Direction direction;
        private final boolean deny;

        Section(String field, Direction direction, boolean deny) {
            this.field = field;
            this.direction = direction;
            this.deny = deny;
        }

        public String field() {
            return field;
        }

        public Direction direction() {
            return direction;
        }

        public boolean deny() {
            return deny;
        }

        /** The L3 peer fields of the section, in the order the agent's check lists them. */
        public List<String> peerFields() {
            return direction == Direction.INGRESS
                    ? List.of("fromEndpoints", "fromCIDR", "fromCIDRSet", "fromEntities", "fromNodes", "fromGroups",
                    "fromRequires")
                    : List.of("toEndpoints", "toCIDR", "toCIDRSet", "toEntities", "toServices", "toGroups", "toNodes",
                    "toFQDNs", "toRequires");
        }
    }

    /**
     * One Cilium rule ({@code spec} or a {@code specs} item).
     *
     * @param pointer      {@code /spec} or {@code /specs/i}
     * @param subject      the {@code endpointSelector}, keys extended, with the namespace match the agent adds to a
     *                     CiliumNetworkPolicy's; {@code null} for a {@code nodeSelector} rule
     * @param nodeSelector whether the rule selects nodes (a host policy)
     * @param sections     the sections written, each with its rules (possibly none)
     * @param defaultDenyIngress {@code enableDefaultDeny.ingress}, true when unset
     * @param defaultDenyEgress  {@code enableDefaultDeny.egress}, true when unset
     */
    public record Rule(String pointer, Selector subject, boolean nodeSelector, Map<Section, List<PeerRule>> sections,
                       boolean defaultDenyIngress, boolean defaultDenyEgress) {

        public Rule {
            sections = Map.copyOf(sections);
        }

        public List<PeerRule> section(Section section) {
            return sections.getOrDefault(section, List.of());
        }

        /**
         * Whether the rule governs a direction: it has an allow or deny rule for it (an empty list does not count,
         * a deny-only rule does).
         */
        public boolean governs(Direction d) {
            return sections.entrySet().stream().anyMatch(e -> e.getKey().direction() == d && !e.getValue().isEmpty());
        }

        /** Whether the rule puts the endpoints it selects into default deny for a direction. */
        public boolean defaultDeny(Direction d) {
            return governs(d) && (d == Direction.INGRESS ? defaultDenyIngress : defaultDenyEgress);
        }
    }

    /**
     * One item of a section.
     *
     * @param pointer        e.g. {@code /spec/ingressDeny/0}
     * @param peer           the L3 peers (one kind per rule)
     * @param ports          the TCP, UDP and SCTP ports of {@code toPorts}; empty with {@code anyPort} when it has none;
     *                       those of protocol {@code ANY} (or none) are not {@code protocolWritten}, a named one has
     *                       no protocol
     * @param anyPort        no {@code toPorts} and no {@code icmps}: every port of every protocol
     * @param icmpOnly       {@code icmps} without {@code toPorts}: no TCP, UDP or SCTP traffic
     * @param l7             some of the ports carry L7 rules, SNI, a listener, TLS, or the rule requires
     *                       authentication: the proxy or the authentication may still drop traffic there
     * @param l7Ports        the ports whose traffic is L7-filtered (a subset of {@code ports})
     * @param plainPorts     the ports of the {@code toPorts} entries without L7 filtering
     * @param l7Filters      the L7-filtered entries, each with what filters it
     */
    public record PeerRule(Section section, int index, String pointer, Peer peer, List<PolicyPort> ports,
                           boolean anyPort, boolean icmpOnly, boolean l7, List<PolicyPort> l7Ports,
                           List<PolicyPort> plainPorts, List<L7Filter> l7Filters) {

        public PeerRule {
            ports = List.copyOf(ports);
            l7Ports = List.copyOf(l7Ports);
            plainPorts = List.copyOf(plainPorts);
            l7Filters = List.copyOf(l7Filters);
        }

        /** {@code ingressDeny[0]}: how findings name the rule. */
        public String label() {
            return section.field() + "[" + index + "]";
        }
    }

    /**
     * The ports of one {@code toPorts} entry whose traffic a proxy or authentication decides.
     *
     * @param ports     the entry's ports; with {@code everyPort}, none
     * @param everyPort an item without {@code toPorts} that requires authentication: every port
     * @param key       what decides, in a canonical form: the entry's L7 rules, SNI, listener and TLS contexts,
     *                  and the item's authentication; the same content gives the same key
     */
    public record L7Filter(List<PolicyPort> ports, boolean everyPort, String key) {
        public L7Filter {
            ports = List.copyOf(ports);
        }
    }

    /** The L3 part of a rule: which peers it matches. */
    public sealed interface Peer {
    }

    /** No L3 field: every peer, pods of every namespace and every address. */
    public record Wildcard() implements Peer {
    }

    /**
     * {@code fromEndpoints}/{@code toEndpoints}: selectors over endpoint labels, keys extended.
     *
     * @param emptyList the list was written empty ({@code []}), which versions of Cilium read differently
     */
    public record Endpoints(List<Selector> selectors, boolean emptyList) implements Peer {
        public Endpoints {
            selectors = List.copyOf(selectors);
        }
    }

    /** {@code fromEntities}/{@code toEntities}. */
    public record Entities(List<String> entities) implements Peer {
        public Entities {
            entities = List.copyOf(entities);
        }
    }

    /** {@code fromCIDR}/{@code fromCIDRSet} (or egress): addresses without a Cilium identity. */
    public record Cidrs(List<CidrRule> rules) implements Peer {
        public Cidrs {
            rules = List.copyOf(rules);
        }
    }

    /**
     * One CIDR item; a group reference or selector has no {@code cidr}.
     *
     * @param cidr          the prefix, empty for a group or when unreadable (validation reports it)
     * @param except        the prefixes taken out of it
     * @param groupRef      a {@code cidrGroupRef}, else {@code null}
     * @param groupSelector whether it is a {@code cidrGroupSelector}
     */
    public record CidrRule(String pointer, Optional<Cidr> cidr, List<Cidr> except, String groupRef,
                           boolean groupSelector) {
        public CidrRule {
            except = List.copyOf(except);
        }
    }

    /** {@code toFQDNs}: the {@code matchName}s and the {@code matchPattern}s of its items. */
    public record Fqdns(List<String> names, List<String> patterns) implements Peer {
        public Fqdns {
            names = List.copyOf(names);
            patterns = List.copyOf(patterns);
        }
    }

    /**
     * A peer the plugin does not analyse ({@code toServices}, nodes, groups, requires) or a rule with two L3 kinds,
     * which the agent refuses.
     */
    public record Unanalysed(String field) implements Peer {
    }

    public static CiliumPolicy of(CiliumPolicyManifest manifest) {
        Map<String, Object> raw = manifest.raw();
        List<Rule> rules = new ArrayList<>();
        if (raw.get("spec") instanceof Map<?, ?> spec) {
            rules.add(rule(spec, "/spec", manifest));
        }
        if (raw.get("specs") instanceof List<?> specs) {
            for (int i = 0; i < specs.size(); i++) {
                if (specs.get(i) instanceof Map<?, ?> spec) {
                    rules.add(rule(spec, "/specs/" + i, manifest));
                }
            }
        }
        return new CiliumPolicy(manifest.kind(), manifest.namespace(), manifest.name(), rules);
    }

    private static Rule rule(Map<?, ?> spec, String pointer, CiliumPolicyManifest manifest) {
        boolean nodeSelector = spec.get("nodeSelector") != null;
        // the agent confines a CiliumNetworkPolicy to its namespace by adding this match to its subject
        Map<String, String> addMatch = manifest.clusterwide() ? Map.of()
                : Map.of(CiliumLabels.K8S + ":" + CiliumLabels.POD_NAMESPACE, manifest.namespace());
        Selector subject = nodeSelector ? null : CiliumLabels.selector(spec.get("endpointSelector"), addMatch);
        Map<Section, List<PeerRule>> sections = new EnumMap<>(Section.class);
        for (Section section : Section.values()) {
            if (spec.get(section.field()) instanceof List<?> items) {
                List<PeerRule> out = new ArrayList<>();
                for (int i = 0; i < items.size(); i++) {
                    if (items.get(i) instanceof Map<?, ?> item) {
                        out.add(peerRule(section, i, pointer + "/" + section.field() + "/" + i, item));
                    } else if (items.get(i) == null) {
                        out.add(peerRule(section, i, pointer + "/" + section.field() + "/" + i, Map.of()));
                    }
                }
                sections.put(section, out);
            }
        }
        Map<?, ?> edd = spec.get("enableDefaultDeny") instanceof Map<?, ?> m ? m : Map.of();
        return new Rule(pointer, subject, nodeSelector, sections, !Boolean.FALSE.equals(edd.get("ingress")),
                !Boolean.FALSE.equals(edd.get("egress")));
    }

    private static PeerRule peerRule(Section section, int index, String pointer, Map<?, ?> item) {
        // the agent counts a peer kind only when its list is not empty (two kinds: it refuses the policy)
        List<String> kinds = section.peerFields().stream()
                .filter(f -> item.get(f) instanceof List<?> l && !l.isEmpty() || item.get(f) instanceof Map<?, ?>)
                .toList();
        List<String> written = section.peerFields().stream().filter(f -> item.get(f) != null).toList();
        Peer peer = kinds.size() > 1 ? new Unanalysed(String.join(" and ", kinds))
                : kinds.size() == 1 ? peer(kinds.get(0), item, pointer)
                : written.isEmpty() ? new Wildcard() : peer(written.get(0), item, pointer);
        List<PolicyPort> ports = new ArrayList<>();
        List<PolicyPort> l7Ports = new ArrayList<>();
        List<PolicyPort> plainPorts = new ArrayList<>();
        List<L7Filter> filters = new ArrayList<>();
        // Go tests len(ToPorts) > 0: an empty list is no list
        boolean hasToPorts = item.get("toPorts") instanceof List<?> tp && !tp.isEmpty();
        boolean hasIcmps = item.get("icmps") instanceof List<?> icmps && !icmps.isEmpty();
        String auth = item.get("authentication") instanceof Map<?, ?> a && a.get("mode") != null
                && !"disabled".equals(a.get("mode")) ? "authentication=" + a.get("mode") : null;
        if (hasToPorts) {
            for (Object pr : (List<?>) item.get("toPorts")) {
                Map<?, ?> portRule = pr instanceof Map<?, ?> m ? m : Map.of();
                Map<String, Object> proxied = new java.util.TreeMap<>();
                for (String f : List.of("rules", "serverNames", "listener", "originatingTLS", "terminatingTLS")) {
                    if (portRule.get(f) != null) {
                        proxied.put(f, canonical(portRule.get(f)));
                    }
                }
                List<PolicyPort> these = ports(portRule.get("ports"));
                ports.addAll(these);
                if (!proxied.isEmpty() || auth != null) {
                    l7Ports.addAll(these);
                    String key = (auth == null ? "" : auth + (proxied.isEmpty() ? "" : " ")) + (proxied.isEmpty() ? "" : proxied);
                    filters.add(new L7Filter(these, false, key));
                } else {
                    plainPorts.addAll(these);
                }
            }
        }
        boolean anyPort = !hasToPorts && !hasIcmps;
        if (auth != null && anyPort) {
            filters.add(new L7Filter(List.of(), true, auth));
        }
        return new PeerRule(section, index, pointer, peer, ports, anyPort, hasIcmps && !hasToPorts,
                !filters.isEmpty(), l7Ports, plainPorts, filters);
    }

    /** Maps sorted by key, recursively: equal content, equal text. */
    private static Object canonical(Object o) {
        if (o instanceof Map<?, ?> m) {
            Map<String, Object> out = new java.util.TreeMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), canonical(v)));
            return out;
        }
        if (o instanceof List<?> l) {
            return l.stream().map(CiliumPolicy::canonical).toList();
        }
        return o;
    }

    private static Peer peer(String field, Map<?, ?> item, String pointer) {
        Object value = item.get(field);
        List<?> list = value instanceof List<?> l ? l : List.of();
        String at = pointer + "/" + field;
        switch (field) {
            case "fromEndpoints", "toEndpoints" -> {
                return new Endpoints(list.stream().map(CiliumLabels::selector).toList(), list.isEmpty());
            }
            case "fromEntities", "toEntities" -> {
                return new Entities(list.stream().map(String::valueOf).toList());
            }
            case "fromCIDR", "toCIDR" -> {
                List<CidrRule> rules = new ArrayList<>();
                for (int i = 0; i < list.size(); i++) {
                    rules.add(new CidrRule(at + "/" + i, cidr(list.get(i)), List.of(), null, false));
                }
                return new Cidrs(rules);
            }
            case "fromCIDRSet", "toCIDRSet" -> {
                List<CidrRule> rules = new ArrayList<>();
                for (int i = 0; i < list.size(); i++) {
                    Map<?, ?> set = list.get(i) instanceof Map<?, ?> m ? m : Map.of();
                    List<Cidr> except = new ArrayList<>();
                    if (set.get("except") instanceof List<?> excepts) {
                        excepts.forEach(e -> cidr(e).ifPresent(except::add));
                    }
                    rules.add(new CidrRule(at + "/" + i, cidr(set.get("cidr")), except,
                            set.get("cidrGroupRef") instanceof String ref ? ref : null, set.get("cidrGroupSelector") != null));
                }
                return new Cidrs(rules);
            }
            case "toFQDNs" -> {
                List<String> names = new ArrayList<>();
                List<String> patterns = new ArrayList<>();
                for (Object f : list) {
                    if (f instanceof Map<?, ?> m) {
                        if (m.get("matchName") != null) {
                            names.add(String.valueOf(m.get("matchName")));
                        }
                        if (m.get("matchPattern") != null) {
                            patterns.add(String.valueOf(m.get("matchPattern")));
                        }
                    }
                }
                return new Fqdns(names, patterns);
            }
            default -> {
                return new Unanalysed(field);
            }
        }
    }

    private static Optional<Cidr> cidr(Object text) {
        return text instanceof String s ? Cidr.parse(s) : Optional.empty();
    }

    /** The TCP, UDP and SCTP ports of one {@code ports} list; VRRP and IGMP add none. */
    private static List<PolicyPort> ports(Object raw) {
        List<PolicyPort> out = new ArrayList<>();
        if (!(raw instanceof List<?> items)) {
            return out;
        }
        for (Object p : items) {
            if (!(p instanceof Map<?, ?> item)) {
                continue;
            }
            String protocol = item.get("protocol") instanceof String s ? s : null;
            CiliumPort.Parsed port = CiliumPort.parse(item.get("port") instanceof String s ? s
                    : item.get("port") == null ? "" : String.valueOf(item.get("port")));
            int endPort = item.get("endPort") instanceof Number n ? n.intValue() : 0;
            List<String> protocols = CiliumPort.protocols(protocol);
            if (port.problem() != null || protocols.isEmpty()) {
                continue;
            }
            if (port.isName()) {
                if (protocols.size() > 1) {
                    out.add(PolicyPort.namedAnyProtocol(port.name()));
                } else {
                    out.add(new PolicyPort(protocols.get(0), true, PolicyPort.Kind.NAME, 0, 0, port.name()));
                }
                continue;
            }
            // protocol ANY (or none) expands to all three, each marked as not written: SCTP under ANY depends
            // on an agent setting the analysis reads as a world fact
            boolean written = protocols.size() == 1;
            for (String proto : protocols) {
                out.add(port.number() == 0 ? new PolicyPort(proto, written, PolicyPort.Kind.ANY, 0, 0, null)
                        : new PolicyPort(proto, written, PolicyPort.Kind.NUMBER, port.number(),
                        Math.max(port.number(), endPort), null));
            }
        }
        return out;
    }
}
