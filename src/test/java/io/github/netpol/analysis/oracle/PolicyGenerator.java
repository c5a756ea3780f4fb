package io.github.netpol.analysis.oracle;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.networking.v1.IPBlock;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicySpec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Small but nasty random policy sets over a tiny vocabulary, so that a handful of sample values per
 * dimension reaches every distinction: NotIn/DoesNotExist, empty selectors, {@code from: []},
 * {@code ports: [{}]}, endPort, named ports, ipBlocks with excepts (IPv4 and IPv6, host bits set),
 * defaulted policyTypes with and without egress rules, AND vs OR peers, declared namespace labels.
 */
public final class PolicyGenerator {

    public static final List<String> NAMESPACES = List.of("ns1", "ns2", "ns3");
    public static final List<String> POLICY_NAMESPACES = List.of("ns1", "ns2");
    public static final List<String> POD_KEYS = List.of("app", "role");
    public static final List<String> POD_VALUES = List.of("a", "b");
    public static final String NS_KEY = "env";
    public static final List<String> NS_VALUES = List.of("dev", "prod");
    public static final List<String> PORT_NAMES = List.of("http", "dns");
    public static final List<String> PROTOCOLS = List.of("TCP", "UDP", "SCTP");
    private static final int[] PORTS = {53, 80, 443, 8080};
    private static final String[][] BLOCKS = {
        {"0.0.0.0/0"}, {"10.0.0.0/8", "10.1.0.0/16"}, {"10.1.2.3/16", "10.1.2.0/24"}, {"192.168.1.7/24"},
        {"10.0.0.0/8"}, {"::/0"}, {"2001:db8::/32", "2001:db8:1::/48"}, {"0.0.0.0/1", "64.0.0.0/2"},
    };

    /** A generated version: policies and the namespaces it declares (name → labels without the name label). */
    public record Version(List<Oracle.Policy> policies, Map<String, Map<String, String>> declared) {
    }

    private final Random rnd;

    public PolicyGenerator(long seed) {
        this.rnd = new Random(seed);
    }

    public Version version() {
        List<Oracle.Policy> policies = new ArrayList<>();
        int n = 1 + rnd.nextInt(3);
        for (int i = 0; i < n; i++) {
            String ns = pick(POLICY_NAMESPACES);
            policies.add(new Oracle.Policy(ns, policy(ns, "p" + i)));
        }
        return new Version(policies, declared());
    }

    /** A variant of {@code v}: one small edit of the kind that widens or narrows in practice. */
    public Version mutate(Version v) {
        List<Oracle.Policy> policies = new ArrayList<>(v.policies());
        Map<String, Map<String, String>> declared = new LinkedHashMap<>(v.declared());
        switch (rnd.nextInt(6)) {
            case 0 -> {
                if (!policies.isEmpty()) {
                    policies.remove(rnd.nextInt(policies.size()));
                }
            }
            case 1 -> {
                String ns = pick(POLICY_NAMESPACES);
                policies.add(new Oracle.Policy(ns, policy(ns, "added")));
            }
            case 2 -> declared = declared();
            default -> {
                if (!policies.isEmpty()) {
                    int i = rnd.nextInt(policies.size());
                    Oracle.Policy p = policies.get(i);
                    policies.set(i, new Oracle.Policy(p.namespace(), edit(p.np())));
                }
            }
        }
        return new Version(policies, declared);
    }

    private NetworkPolicy edit(NetworkPolicy original) {
        NetworkPolicy np = new io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder(original).build();
        NetworkPolicySpec spec = np.getSpec();
        switch (rnd.nextInt(6)) {
            case 0 -> spec.setPolicyTypes(rnd.nextBoolean() ? new ArrayList<>() : types());
            case 1 -> spec.setPodSelector(selector(POD_KEYS, POD_VALUES, false));
            case 2 -> spec.setEgress(rnd.nextBoolean() ? new ArrayList<>() : egress());
            case 3 -> spec.setIngress(ingress());
            case 4 -> {
                for (NetworkPolicyIngressRule r : spec.getIngress() == null ? List.<NetworkPolicyIngressRule>of() : spec.getIngress()) {
                    if (!r.getFrom().isEmpty()) {
                        r.getFrom().remove(0);
                    }
                    r.setPorts(ports());
                }
            }
            default -> {
                for (NetworkPolicyEgressRule r : spec.getEgress() == null ? List.<NetworkPolicyEgressRule>of() : spec.getEgress()) {
                    if (!r.getTo().isEmpty()) {
                        r.getTo().set(0, peer());
                    }
                }
            }
        }
        return np;
    }

    private Map<String, Map<String, String>> declared() {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        for (String ns : NAMESPACES) {
            if (rnd.nextInt(3) == 0) {
                Map<String, String> labels = new HashMap<>();
                if (rnd.nextBoolean()) {
                    labels.put(NS_KEY, pick(NS_VALUES));
                }
                out.put(ns, labels);
            }
        }
        return out;
    }

    private NetworkPolicy policy(String ns, String name) {
        NetworkPolicySpec spec = new NetworkPolicySpec();
        spec.setPodSelector(selector(POD_KEYS, POD_VALUES, false));
        spec.setPolicyTypes(rnd.nextInt(3) == 0 ? new ArrayList<>() : types());
        spec.setIngress(rnd.nextInt(4) == 0 ? null : ingress());
        spec.setEgress(rnd.nextInt(3) == 0 ? new ArrayList<>() : egress());
        NetworkPolicy np = new NetworkPolicy();
        np.setMetadata(new ObjectMeta());
        np.getMetadata().setName(name);
        np.getMetadata().setNamespace(ns);
        np.setSpec(spec);
        return np;
    }

    private List<String> types() {
        return switch (rnd.nextInt(3)) {
            case 0 -> new ArrayList<>(List.of("Ingress"));
            case 1 -> new ArrayList<>(List.of("Egress"));
            default -> new ArrayList<>(List.of("Ingress", "Egress"));
        };
    }

    private List<NetworkPolicyIngressRule> ingress() {
        List<NetworkPolicyIngressRule> out = new ArrayList<>();
        for (int i = rnd.nextInt(3); i > 0; i--) {
            NetworkPolicyIngressRule r = new NetworkPolicyIngressRule();
            r.setFrom(peers());
            r.setPorts(ports());
            out.add(r);
        }
        return out;
    }

    private List<NetworkPolicyEgressRule> egress() {
        List<NetworkPolicyEgressRule> out = new ArrayList<>();
        for (int i = 1 + rnd.nextInt(2); i > 0; i--) {
            NetworkPolicyEgressRule r = new NetworkPolicyEgressRule();
            r.setTo(peers());
            r.setPorts(ports());
            out.add(r);
        }
        return out;
    }

    private List<NetworkPolicyPeer> peers() {
        List<NetworkPolicyPeer> out = new ArrayList<>();
        for (int i = rnd.nextInt(3); i > 0; i--) {
            out.add(peer());
        }
        return out;
    }

    private NetworkPolicyPeer peer() {
        NetworkPolicyPeer p = new NetworkPolicyPeer();
        switch (rnd.nextInt(4)) {
            case 0 -> p.setPodSelector(selector(POD_KEYS, POD_VALUES, false));
            case 1 -> p.setNamespaceSelector(selector(List.of(NS_KEY), NS_VALUES, true));
            case 2 -> {
                p.setPodSelector(selector(POD_KEYS, POD_VALUES, false));
                p.setNamespaceSelector(selector(List.of(NS_KEY), NS_VALUES, true));
            }
            default -> {
                String[] b = BLOCKS[rnd.nextInt(BLOCKS.length)];
                IPBlock block = new IPBlock();
                block.setCidr(b[0]);
                block.setExcept(new ArrayList<>(List.of(b).subList(1, rnd.nextBoolean() ? b.length : 1)));
                p.setIpBlock(block);
            }
        }
        return p;
    }

    private List<NetworkPolicyPort> ports() {
        List<NetworkPolicyPort> out = new ArrayList<>();
        for (int i = rnd.nextInt(3); i > 0; i--) {
            NetworkPolicyPort p = new NetworkPolicyPort();
            if (rnd.nextInt(3) > 0) {
                p.setProtocol(pick(PROTOCOLS));
            }
            switch (rnd.nextInt(4)) {
                case 0 -> { } // {} or protocol only: every port of that protocol
                case 1 -> p.setPort(new IntOrString(pick(PORT_NAMES)));
                default -> {
                    int port = PORTS[rnd.nextInt(PORTS.length)];
                    p.setPort(new IntOrString(port));
                    if (rnd.nextBoolean()) {
                        p.setEndPort(rnd.nextInt(4) == 0 ? 65535 : port + rnd.nextInt(5));
                    }
                }
            }
            out.add(p);
        }
        return out;
    }

    /** null, {}, or up to two requirements; namespace selectors sometimes use the name label. */
    private LabelSelector selector(List<String> keys, List<String> values, boolean namespaces) {
        int shape = rnd.nextInt(6);
        if (shape == 0) {
            return namespaces ? new LabelSelector() : null;
        }
        LabelSelector s = new LabelSelector();
        if (shape == 1) {
            return s;
        }
        Map<String, String> matchLabels = new HashMap<>();
        List<LabelSelectorRequirement> exprs = new ArrayList<>();
        for (int i = 1 + rnd.nextInt(2); i > 0; i--) {
            boolean byName = namespaces && rnd.nextInt(3) == 0;
            String key = byName ? "kubernetes.io/metadata.name" : pick(keys);
            List<String> vocabulary = byName ? NAMESPACES : values;
            if (rnd.nextInt(3) == 0) {
                matchLabels.put(key, pick(vocabulary));
                continue;
            }
            String op = pick(List.of("In", "NotIn", "Exists", "DoesNotExist"));
            List<String> vals = new ArrayList<>();
            if (op.equals("In") || op.equals("NotIn")) {
                vals.add(pick(vocabulary));
                if (rnd.nextBoolean()) {
                    vals.add(pick(vocabulary));
                }
            }
            exprs.add(new LabelSelectorRequirement(key, op, vals));
        }
        s.setMatchLabels(matchLabels);
        s.setMatchExpressions(exprs);
        return s;
    }

    private <T> T pick(List<T> list) {
        return list.get(rnd.nextInt(list.size()));
    }
}
