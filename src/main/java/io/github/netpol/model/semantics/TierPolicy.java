package io.github.netpol.model.semantics;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.github.netpol.finding.Direction;
import io.github.netpol.model.TierPolicyManifest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A policy of the Admin or Baseline tier, as the API server holds it after defaulting: a ClusterNetworkPolicy
 * ({@code policy.networking.k8s.io/v1alpha2}), or its predecessors AdminNetworkPolicy and
 * BaselineAdminNetworkPolicy ({@code v1alpha1}). Its rules are read in order; the first rule that matches a
 * connection decides it with its action. Read from the object as written, which validation has checked against
 * the CRD schema and its rules: parts that are malformed anyway are read leniently (an unreadable peer is
 * {@link TierPeer.Unknown}, which fails closed).
 *
 * @param priority the priority (0 is first), or {@code -1} for a BaselineAdminNetworkPolicy, which has none
 */
public record TierPolicy(Kind kind, String name, Tier tier, int priority, Subject subject, List<TierRule> ingress,
                         List<TierRule> egress) {

    public TierPolicy {
        ingress = List.copyOf(ingress);
        egress = List.copyOf(egress);
    }

    /** The three kinds and the apiVersion each is analysed at. */
    public enum Kind {
        CLUSTER_NETWORK_POLICY("ClusterNetworkPolicy", "policy.networking.k8s.io/v1alpha2"),
        ADMIN_NETWORK_POLICY("AdminNetworkPolicy", "policy.networking.k8s.io/v1alpha1"),
        BASELINE_ADMIN_NETWORK_POLICY("BaselineAdminNetworkPolicy", "policy.networking.k8s.io/v1alpha1");

        private final String kindName;
        private final String apiVersion;

        Kind(String kindName, String apiVersion) {
            this.kindName = kindName;
            this.apiVersion = apiVersion;
        }

        /** As manifests write it. */
        public String kindName() {
            return kindName;
        }

        public String apiVersion() {
            return apiVersion;
        }

        /** v1alpha1: {@code Allow}, {@code ports}; v1alpha2: {@code Accept}, {@code protocols}. */
        public boolean v1alpha1() {
            return this != CLUSTER_NETWORK_POLICY;
        }

        /** The kind a manifest's kind and apiVersion name, if it is one of these at its analysed version. */
        public static Optional<Kind> of(String apiVersion, String kind) {
            for (Kind k : values()) {
                if (k.kindName.equals(kind) && k.apiVersion.equals(apiVersion)) {
                    return Optional.of(k);
                }
            }
            return Optional.empty();
        }
    }

    /** Where a policy is evaluated: before NetworkPolicies, or for the pods no NetworkPolicy isolates. */
    public enum Tier {
        ADMIN("Admin"), BASELINE("Baseline");

        private final String word;

        Tier(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    /** What a matching rule does; a v1alpha1 {@code Allow} is {@code ACCEPT}. */
    public enum Action {
        ACCEPT, DENY, PASS;

        /** As the policy's kind spells it. */
        public String word(Kind kind) {
            return switch (this) {
                case ACCEPT -> kind.v1alpha1() ? "Allow" : "Accept";
                case DENY -> "Deny";
                case PASS -> "Pass";
            };
        }

        static Action of(Object written) {
            return switch (String.valueOf(written)) {
                case "Accept", "Allow" -> ACCEPT;
                case "Pass" -> PASS;
                default -> DENY; // the CRD admits no other word; an unreadable action fails closed
            };
        }
    }

    /**
     * The pods a policy applies to: those matching {@code pods} in the namespaces matching {@code namespaces}.
     * Host-network pods are never selected.
     */
    public record Subject(Selector namespaces, Selector pods) {
    }

    public boolean hasPriority() {
        return kind != Kind.BASELINE_ADMIN_NETWORK_POLICY;
    }

    public List<TierRule> rules(Direction direction) {
        return direction == Direction.INGRESS ? ingress : egress;
    }

    /** {@code ClusterNetworkPolicy tenants (Admin, priority 10)}, for messages. */
    public String describe() {
        return kind.kindName() + " " + name + " (" + tier.word() + (hasPriority() ? ", priority " + priority : "") + ")";
    }

    /** Reads a policy as written (after YAML loading: maps, lists, strings, numbers). */
    public static TierPolicy of(TierPolicyManifest manifest) {
        return of(Kind.of(manifest.apiVersion(), manifest.kind()).orElseThrow(() -> new IllegalArgumentException(
                manifest.kind() + " at " + manifest.apiVersion() + " is not a tier policy")), manifest.raw());
    }

    /** Reads a policy of a kind from the object as written. */
    public static TierPolicy of(Kind kind, Map<String, Object> raw) {
        Map<?, ?> metadata = map(raw.get("metadata"));
        String name = metadata.get("name") instanceof String s ? s : null;
        Map<?, ?> spec = map(raw.get("spec"));
        Tier tier = switch (kind) {
            case ADMIN_NETWORK_POLICY -> Tier.ADMIN;
            case BASELINE_ADMIN_NETWORK_POLICY -> Tier.BASELINE;
            case CLUSTER_NETWORK_POLICY -> "Baseline".equals(spec.get("tier")) ? Tier.BASELINE : Tier.ADMIN;
        };
        int priority = kind == Kind.BASELINE_ADMIN_NETWORK_POLICY ? -1 : integer(spec.get("priority"), 0);
        Map<?, ?> subject = map(spec.get("subject"));
        Subject s;
        if (subject.get("pods") instanceof Map<?, ?> pods) {
            s = new Subject(selector(pods.get("namespaceSelector")), selector(pods.get("podSelector")));
        } else if (subject.containsKey("namespaces")) {
            s = new Subject(selector(subject.get("namespaces")), Selector.all());
        } else {
            // no subject (rejected by the CRD): selects nothing
            s = new Subject(new Selector(List.of(new Selector.Requirement("", Selector.Operator.INVALID, java.util.Set.of()))),
                    Selector.all());
        }
        return new TierPolicy(kind, name, tier, priority, s, rules(kind, Direction.INGRESS, spec.get("ingress")),
                rules(kind, Direction.EGRESS, spec.get("egress")));
    }

    private static List<TierRule> rules(Kind kind, Direction direction, Object written) {
        List<TierRule> out = new ArrayList<>();
        List<?> list = written instanceof List<?> l ? l : List.of();
        for (int i = 0; i < list.size(); i++) {
            Map<?, ?> rule = map(list.get(i));
            String name = rule.get("name") instanceof String s ? s : "";
            Action action = Action.of(rule.get("action"));
            List<TierPeer> peers = new ArrayList<>();
            Object peerList = rule.get(direction.peerField());
            for (Object p : peerList instanceof List<?> l ? l : List.of()) {
                peers.add(peer(map(p)));
            }
            List<PolicyPort> ports = kind.v1alpha1() ? v1alpha1Ports(rule.get("ports")) : protocols(rule.get("protocols"));
            out.add(new TierRule(direction, i, name, action, peers, ports));
        }
        return out;
    }

    private static TierPeer peer(Map<?, ?> peer) {
        if (peer.size() != 1) {
            return new TierPeer.Unknown(); // none or several fields: rejected by the CRD
        }
        Map.Entry<?, ?> field = peer.entrySet().iterator().next();
        Object value = field.getValue();
        return switch (String.valueOf(field.getKey())) {
            case "namespaces" -> new TierPeer.Pods(selector(value), Selector.all());
            case "pods" -> new TierPeer.Pods(selector(map(value).get("namespaceSelector")),
                    selector(map(value).get("podSelector")));
            case "networks" -> {
                List<Cidr> cidrs = new ArrayList<>();
                for (Object c : value instanceof List<?> l ? l : List.of()) {
                    Cidr.parse(c instanceof String s ? s : null).ifPresent(cidrs::add);
                }
                yield new TierPeer.Networks(cidrs);
            }
            case "nodes" -> new TierPeer.Nodes(selector(value));
            case "domainNames" -> new TierPeer.DomainNames(value instanceof List<?> l
                    ? l.stream().map(String::valueOf).toList() : List.of());
            default -> new TierPeer.Unknown();
        };
    }

    /** v1alpha2 {@code protocols}: one of tcp, udp, sctp (a number, a range or, as written invalidly, every port) or a named port. */
    private static List<PolicyPort> protocols(Object written) {
        List<PolicyPort> out = new ArrayList<>();
        for (Object item : written instanceof List<?> l ? l : List.of()) {
            Map<?, ?> p = map(item);
            if (p.get("destinationNamedPort") instanceof String name) {
                out.add(PolicyPort.namedAnyProtocol(name));
                continue;
            }
            for (String protocol : PolicyPort.PROTOCOLS) {
                if (p.containsKey(protocol.toLowerCase(Locale.ROOT))) {
                    Map<?, ?> port = map(map(p.get(protocol.toLowerCase(Locale.ROOT))).get("destinationPort"));
                    if (port.containsKey("number")) {
                        int n = integer(port.get("number"), 0);
                        out.add(PolicyPort.range(protocol, n, n));
                    } else if (port.get("range") instanceof Map<?, ?> range) {
                        out.add(PolicyPort.range(protocol, integer(range.get("start"), 0), integer(range.get("end"), 0)));
                    } else {
                        out.add(PolicyPort.anyPortOf(protocol));
                    }
                }
            }
        }
        return out;
    }

    /** v1alpha1 {@code ports}: a portNumber, a portRange (protocol TCP when omitted) or a named port. */
    private static List<PolicyPort> v1alpha1Ports(Object written) {
        List<PolicyPort> out = new ArrayList<>();
        for (Object item : written instanceof List<?> l ? l : List.of()) {
            Map<?, ?> p = map(item);
            if (p.get("namedPort") instanceof String name) {
                out.add(PolicyPort.namedAnyProtocol(name));
            } else if (p.get("portNumber") instanceof Map<?, ?> number) {
                int n = integer(number.get("port"), 0);
                out.add(PolicyPort.range(protocol(number), n, n));
            } else if (p.get("portRange") instanceof Map<?, ?> range) {
                out.add(PolicyPort.range(protocol(range), integer(range.get("start"), 0), integer(range.get("end"), 0)));
            }
        }
        return out;
    }

    private static String protocol(Map<?, ?> port) {
        return port.get("protocol") instanceof String s ? s : PolicyPort.DEFAULT_PROTOCOL;
    }

    /** A label selector written as a map; absent or not a map selects everything, as an empty one does. */
    @SuppressWarnings("unchecked")
    private static Selector selector(Object written) {
        Map<?, ?> m = map(written);
        Map<String, String> labels = new LinkedHashMap<>();
        map(m.get("matchLabels")).forEach((k, v) -> labels.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
        List<LabelSelectorRequirement> expressions = new ArrayList<>();
        for (Object e : m.get("matchExpressions") instanceof List<?> l ? l : List.of()) {
            Map<?, ?> r = map(e);
            List<String> values = r.get("values") instanceof List<?> vs ? vs.stream().map(String::valueOf).toList() : null;
            expressions.add(new LabelSelectorRequirement(r.get("key") instanceof String k ? k : null,
                    r.get("operator") instanceof String o ? o : null, values));
        }
        return Selector.of(new LabelSelector(expressions, labels));
    }

    private static Map<?, ?> map(Object o) {
        return o instanceof Map<?, ?> m ? m : Map.of();
    }

    private static int integer(Object o, int otherwise) {
        if (o instanceof Integer || o instanceof Long) {
            long v = ((Number) o).longValue();
            return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v));
        }
        return otherwise;
    }
}
