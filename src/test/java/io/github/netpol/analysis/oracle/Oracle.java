package io.github.netpol.analysis.oracle;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.networking.v1.IPBlock;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.github.netpol.finding.Endpoint;
import io.github.netpol.finding.NamedPort;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

/**
 * Reference implementation for tests: decides ONE concrete connection on one side by reading the
 * policies literally, rule by rule, as SEMANTICS.md section 1 states them. Shares no code with the
 * engine. A policy is given with its namespace.
 */
public final class Oracle {

    /** A policy and the namespace it lives in. */
    public record Policy(String namespace, NetworkPolicy np) {
    }

    private final List<Policy> policies;

    public Oracle(List<Policy> policies) {
        this.policies = policies;
    }

    /** Does the ingress side of {@code dst} let {@code src} in on protocol/port? */
    public boolean ingressAllows(Endpoint.Pod dst, Endpoint src, String protocol, int port) {
        boolean isolated = false;
        for (Policy p : policies) {
            if (!p.namespace().equals(dst.namespace()) || !hasType(p.np(), "Ingress")
                    || !selectorMatches(p.np().getSpec().getPodSelector(), dst.podLabels())) {
                continue;
            }
            isolated = true;
            List<NetworkPolicyIngressRule> rules = p.np().getSpec().getIngress();
            for (NetworkPolicyIngressRule r : rules == null ? List.<NetworkPolicyIngressRule>of() : rules) {
                if (r == null) {
                    return true; // a null rule decodes as the empty rule: every peer, every port
                }
                if (peersMatch(r.getFrom(), p.namespace(), src) && portsMatch(r.getPorts(), dst, protocol, port)) {
                    return true;
                }
            }
        }
        return !isolated;
    }

    /** Does the egress side of {@code src} let it reach {@code dst} on protocol/port? */
    public boolean egressAllows(Endpoint.Pod src, Endpoint dst, String protocol, int port) {
        boolean isolated = false;
        for (Policy p : policies) {
            if (!p.namespace().equals(src.namespace()) || !hasType(p.np(), "Egress")
                    || !selectorMatches(p.np().getSpec().getPodSelector(), src.podLabels())) {
                continue;
            }
            isolated = true;
            List<NetworkPolicyEgressRule> rules = p.np().getSpec().getEgress();
            for (NetworkPolicyEgressRule r : rules == null ? List.<NetworkPolicyEgressRule>of() : rules) {
                if (r == null) {
                    return true;
                }
                Endpoint.Pod dstPod = dst instanceof Endpoint.Pod pod ? pod : null;
                if (peersMatch(r.getTo(), p.namespace(), dst) && portsMatch(r.getPorts(), dstPod, protocol, port)) {
                    return true;
                }
            }
        }
        return !isolated;
    }

    /** Is the pod selected by some policy of its namespace of this type ("Ingress" or "Egress")? */
    public boolean isolated(Endpoint.Pod pod, String type) {
        for (Policy p : policies) {
            if (p.namespace().equals(pod.namespace()) && hasType(p.np(), type)
                    && selectorMatches(p.np().getSpec().getPodSelector(), pod.podLabels())) {
                return true;
            }
        }
        return false;
    }

    /** policyTypes as written, or the API server's default when empty. */
    private static boolean hasType(NetworkPolicy np, String type) {
        List<String> types = np.getSpec().getPolicyTypes();
        if (types == null || types.isEmpty()) {
            if (type.equals("Ingress")) {
                return true;
            }
            return np.getSpec().getEgress() != null && !np.getSpec().getEgress().isEmpty();
        }
        return types.contains(type);
    }

    private static boolean peersMatch(List<NetworkPolicyPeer> peers, String policyNamespace, Endpoint other) {
        if (peers == null || peers.isEmpty()) {
            return true;
        }
        for (NetworkPolicyPeer peer : peers) {
            if (peer == null) {
                continue; // an empty peer, rejected by the API server: matches nothing
            }
            if (peer.getIpBlock() != null) {
                if (other instanceof Endpoint.Ip ip && inBlock(peer.getIpBlock(), ip.ip())) {
                    return true;
                }
                continue;
            }
            if (!(other instanceof Endpoint.Pod pod)) {
                continue;
            }
            if (peer.getPodSelector() == null && peer.getNamespaceSelector() == null) {
                continue;
            }
            boolean nsOk = peer.getNamespaceSelector() == null
                    ? pod.namespace().equals(policyNamespace)
                    : selectorMatches(peer.getNamespaceSelector(), pod.namespaceLabels());
            boolean podOk = peer.getPodSelector() == null || selectorMatches(peer.getPodSelector(), pod.podLabels());
            if (nsOk && podOk) {
                return true;
            }
        }
        return false;
    }

    /** {@code destination} is null when it is an address: named ports never match then. */
    private static boolean portsMatch(List<NetworkPolicyPort> ports, Endpoint.Pod destination, String protocol, int port) {
        if (ports == null || ports.isEmpty()) {
            return true;
        }
        for (NetworkPolicyPort written : ports) {
            NetworkPolicyPort p = written == null ? new NetworkPolicyPort() : written; // null decodes as {}: every TCP port
            String proto = p.getProtocol() == null ? "TCP" : p.getProtocol();
            if (!proto.equals(protocol)) {
                continue;
            }
            IntOrString value = p.getPort();
            if (value == null) {
                return true;
            }
            if (value.getStrVal() != null) {
                if (destination != null) {
                    for (NamedPort np : destination.namedPorts()) {
                        if (np.name().equals(value.getStrVal()) && np.protocol().equals(protocol) && np.port() == port) {
                            return true;
                        }
                    }
                }
                continue;
            }
            int lo = value.getIntVal();
            int hi = p.getEndPort() == null ? lo : p.getEndPort();
            if (lo <= port && port <= hi) {
                return true;
            }
        }
        return false;
    }

    static boolean selectorMatches(LabelSelector s, Map<String, String> labels) {
        if (s == null) {
            return true;
        }
        if (s.getMatchLabels() != null) {
            for (Map.Entry<String, String> e : s.getMatchLabels().entrySet()) {
                if (!e.getValue().equals(labels.get(e.getKey()))) {
                    return false;
                }
            }
        }
        if (s.getMatchExpressions() != null) {
            for (LabelSelectorRequirement r : s.getMatchExpressions()) {
                String v = labels.get(r.getKey());
                boolean ok = switch (r.getOperator()) {
                    case "In" -> v != null && r.getValues().contains(v);
                    case "NotIn" -> v == null || !r.getValues().contains(v);
                    case "Exists" -> v != null;
                    case "DoesNotExist" -> v == null;
                    default -> false;
                };
                if (!ok) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean inBlock(IPBlock block, String ip) {
        if (!inCidr(block.getCidr(), ip)) {
            return false;
        }
        if (block.getExcept() != null) {
            for (String e : block.getExcept()) {
                if (inCidr(e, ip)) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Compares the first prefix-length bits, so host bits in the CIDR are ignored. As Go's {@code IPNet.Contains}:
     * a network whose masked address is IPv4-mapped is that IPv4 network, and a mapped address is its IPv4 address.
     */
    static boolean inCidr(String cidr, String ip) {
        String[] parts = cidr.split("/");
        byte[] net = bytes(parts[0]);
        int prefix = Integer.parseInt(parts[1]);
        if (net.length == 16 && prefix >= 96 && isMapped(net)) {
            net = java.util.Arrays.copyOfRange(net, 12, 16);
            prefix -= 96;
        }
        byte[] addr = bytes(ip);
        if (addr.length == 16 && isMapped(addr)) {
            addr = java.util.Arrays.copyOfRange(addr, 12, 16);
        }
        if (net.length != addr.length) {
            return false;
        }
        for (int bit = 0; bit < prefix; bit++) {
            int mask = 0x80 >> (bit % 8);
            if ((net[bit / 8] & mask) != (addr[bit / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isMapped(byte[] v6) {
        for (int i = 0; i < 10; i++) {
            if (v6[i] != 0) {
                return false;
            }
        }
        return v6[10] == (byte) 0xff && v6[11] == (byte) 0xff;
    }

    public static byte[] bytes(String literal) {
        try {
            byte[] b = InetAddress.getByName(literal).getAddress();
            if (literal.contains(":") && b.length == 4) {
                byte[] v6 = new byte[16];
                v6[10] = (byte) 0xff;
                v6[11] = (byte) 0xff;
                System.arraycopy(b, 0, v6, 12, 4);
                return v6;
            }
            return b;
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }
}
