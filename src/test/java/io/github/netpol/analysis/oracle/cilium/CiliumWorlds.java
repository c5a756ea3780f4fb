package io.github.netpol.analysis.oracle.cilium;

import io.github.netpol.analysis.oracle.Oracle;
import io.github.netpol.analysis.oracle.cilium.CiliumWorld.AddressKind;
import io.github.netpol.analysis.oracle.cilium.CiliumWorld.Flag;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The worlds worth deciding a connection under. A fact is enumerated only where the inputs could make it matter;
 * every other fact keeps its {@link CiliumWorld#defaults()} value, which cannot change the outcome:
 * <ul>
 *   <li>address kind (all eight) and same-node (for node kinds) when one end is an address; with it the
 *       settings only that kind reads: {@code WORLD_HAS_APISERVER} for an external API server,
 *       {@code CIDR_MATCHES_NODES} for node kinds (when CIDRs, ipBlocks or services occur),
 *       {@code ALLOW_LOCALHOST} for the local node as source;</li>
 *   <li>DNS names: every subset of the names the {@code toFQDNs} selectors mention (a pattern contributes a name
 *       it matches) when the destination is a world-like address;</li>
 *   <li>service membership: every subset of the {@code toServices} keys the manifests do not resolve;</li>
 *   <li>each other boolean when a construct that reads it occurs (see {@link Flag}); {@code SCTP_UNDER_ANY}
 *       only for SCTP connections when some port has protocol {@code ANY} or none.</li>
 * </ul>
 * The enforcement mode is a setting, not a fact: it is passed in. The count is exponential in the hidden facts
 * the inputs mention (DNS names and services up to four each enumerate every subset): a property test over many
 * cases may sample the list.
 */
public final class CiliumWorlds {

    private CiliumWorlds() {
    }

    public static List<CiliumWorld> relevant(CiliumOracle oracle, List<Oracle.Policy> networkPolicies,
                                             CiliumPeer src, CiliumPeer dst, String protocol, CiliumWorld.Mode mode) {
        Scan scan = new Scan();
        oracle.rules().forEach(r -> scan.walk(r, r.body(), null));
        boolean address = src instanceof CiliumPeer.Addr || dst instanceof CiliumPeer.Addr;
        boolean npIpBlocks = ipBlocks(networkPolicies);
        Set<Flag> common = new LinkedHashSet<>();
        if (scan.defaultAllow) {
            common.add(Flag.NON_DEFAULT_DENY_SUPPORTED);
        }
        if (scan.l7) {
            common.add(Flag.L3_OVERRIDES_L7);
        }
        if (scan.namespaceLabelPeer) {
            common.add(Flag.CNP_NAMESPACE_LABELS_CROSS_NAMESPACE);
        }
        if (scan.emptyList) {
            common.add(Flag.EMPTY_LIST_WILDCARD);
        }
        if (protocol.equals("SCTP") && scan.anyProtocol) {
            common.add(Flag.SCTP_UNDER_ANY);
        }
        List<CiliumWorld> out = new ArrayList<>();
        CiliumWorld base = CiliumWorld.defaults().withMode(mode);
        for (AddressKind kind : address ? List.of(AddressKind.values()) : List.of(AddressKind.WORLD)) {
            for (boolean same : address && CiliumLabels.isNode(kind) ? List.of(false, true) : List.of(false)) {
                Set<Flag> flags = new LinkedHashSet<>(common);
                if (address && kind == AddressKind.APISERVER_EXT) {
                    flags.add(Flag.WORLD_HAS_APISERVER);
                }
                if (address && CiliumLabels.isNode(kind) && (scan.cidr || npIpBlocks || scan.services)) {
                    flags.add(Flag.CIDR_MATCHES_NODES);
                }
                if (src instanceof CiliumPeer.Addr && CiliumLabels.isNode(kind) && same) {
                    flags.add(Flag.ALLOW_LOCALHOST);
                }
                CiliumWorld w = base.withAddress(kind, same);
                boolean dnsMatters = dst instanceof CiliumPeer.Addr && (kind == AddressKind.WORLD
                        || kind == AddressKind.APISERVER_EXT);
                for (Set<String> names : subsets(dnsMatters ? scan.dnsNames : Set.of())) {
                    for (Set<String> svcs : subsets(unresolved(oracle, scan.serviceKeys))) {
                        out.addAll(flagged(w.withDnsNames(names).withServices(svcs), new ArrayList<>(flags)));
                    }
                }
            }
        }
        return out;
    }

    /** Keys of services a declared Service with a selector resolves are no world fact. */
    private static Set<String> unresolved(CiliumOracle oracle, Set<String> keys) {
        Set<String> out = new LinkedHashSet<>(keys);
        for (Map<String, Object> s : oracle.services()) {
            Map<String, Object> md = CiliumOracle.map(s.get("metadata"));
            Map<String, Object> spec = CiliumOracle.map(s.get("spec"));
            Map<String, Object> selector = spec == null ? null : CiliumOracle.map(spec.get("selector"));
            if (selector != null && !selector.isEmpty()) {
                out.remove((md.get("namespace") == null ? "default" : md.get("namespace")) + "/" + md.get("name"));
            }
        }
        return out;
    }

    private static boolean ipBlocks(List<Oracle.Policy> nps) {
        for (Oracle.Policy p : nps) {
            var spec = p.np().getSpec();
            for (var r : spec.getIngress() == null ? List.<io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule>of() : spec.getIngress()) {
                if (r != null && r.getFrom() != null && r.getFrom().stream().anyMatch(x -> x != null && x.getIpBlock() != null)) {
                    return true;
                }
            }
            for (var r : spec.getEgress() == null ? List.<io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule>of() : spec.getEgress()) {
                if (r != null && r.getTo() != null && r.getTo().stream().anyMatch(x -> x != null && x.getIpBlock() != null)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<CiliumWorld> flagged(CiliumWorld w, List<Flag> flags) {
        if (flags.isEmpty()) {
            return List.of(w);
        }
        Flag f = flags.get(0);
        List<Flag> rest = flags.subList(1, flags.size());
        List<CiliumWorld> out = new ArrayList<>(flagged(w.with(f, false), rest));
        out.addAll(flagged(w.with(f, true), rest));
        return out;
    }

    /** Every subset; past four elements only the empty set, each singleton and the whole set. */
    static List<Set<String>> subsets(Set<String> all) {
        List<String> items = new ArrayList<>(all);
        List<Set<String>> out = new ArrayList<>();
        if (items.size() > 4) {
            out.add(Set.of());
            items.forEach(i -> out.add(Set.of(i)));
            out.add(Set.copyOf(items));
            return out;
        }
        for (int mask = 0; mask < 1 << items.size(); mask++) {
            Set<String> s = new LinkedHashSet<>();
            for (int i = 0; i < items.size(); i++) {
                if ((mask & 1 << i) != 0) {
                    s.add(items.get(i));
                }
            }
            out.add(s);
        }
        return out;
    }

    /** What the rules mention. */
    private static final class Scan {
        boolean defaultAllow;
        boolean cidr;
        boolean l7;
        boolean namespaceLabelPeer;
        boolean emptyList;
        boolean services;
        boolean anyProtocol;
        final Set<String> dnsNames = new LinkedHashSet<>();
        final Set<String> serviceKeys = new LinkedHashSet<>();

        void walk(CiliumOracle.CRule r, Object node, String key) {
            if (node instanceof Map<?, ?> m) {
                if ("enableDefaultDeny".equals(key) && m.containsValue(Boolean.FALSE)) {
                    defaultAllow = true;
                }
                if ("rules".equals(key) || "serverNames".equals(key) || "listener".equals(key)
                        || "terminatingTLS".equals(key) || "originatingTLS".equals(key)
                        || "authentication".equals(key)) {
                    l7 = true;
                }
                if (m.get("matchName") instanceof String n && !"rules".equals(key)) {
                    dnsNames.add(n.toLowerCase(java.util.Locale.ROOT));
                }
                if (m.get("matchPattern") instanceof String p) {
                    dnsNames.add(p.equals("*") ? "any.example" : p.toLowerCase(java.util.Locale.ROOT).replace("*", "x"));
                }
                if ("ports".equals(key) && (m.get("protocol") == null || "ANY".equals(m.get("protocol")))) {
                    anyProtocol = true;
                }
                if (m.get("k8sService") instanceof Map<?, ?> s) {
                    String ns = s.get("namespace") == null ? r.namespace() : (String) s.get("namespace");
                    serviceKeys.add(ns + "/" + s.get("serviceName"));
                }
                if (m.get("k8sServiceSelector") instanceof Map<?, ?> s) {
                    String ns = s.get("namespace") == null ? r.namespace() : (String) s.get("namespace");
                    serviceKeys.add(CiliumOracle.serviceSelectorKey(ns, CiliumOracle.map(s.get("selector"))));
                }
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    String k = String.valueOf(e.getKey());
                    if (k.endsWith("CIDR") || k.endsWith("CIDRSet")) {
                        cidr = true;
                        if (k.endsWith("CIDRSet") && CiliumOracle.list(e.getValue()).stream()
                                .anyMatch(CiliumOracle::emptiedSet)) {
                            emptyList = true;
                        }
                    }
                    if (k.endsWith("Services")) {
                        services = true;
                    }
                    if (e.getValue() instanceof List<?> l && l.isEmpty() && isPeerField(k)) {
                        emptyList = true;
                    }
                    if (k.equals("fromEndpoints") || k.equals("toEndpoints")) {
                        for (Map<String, Object> sel : CiliumOracle.maps(e.getValue())) {
                            if (!r.clusterwide() && CiliumLabels.requirements(sel).stream()
                                    .anyMatch(CiliumLabels.Req::nsLabels)) {
                                namespaceLabelPeer = true;
                            }
                        }
                    }
                    walk(r, e.getValue(), k);
                }
            } else if (node instanceof List<?> l) {
                l.forEach(x -> walk(r, x, key));
            }
        }

        private static boolean isPeerField(String k) {
            return CiliumRefusals.peerFields(true).contains(k) || CiliumRefusals.peerFields(false).contains(k);
        }
    }
}
