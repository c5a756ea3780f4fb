package io.github.netpol.analysis.oracle;

import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.github.netpol.finding.Endpoint;
import io.github.netpol.finding.NamedPort;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

/**
 * The finite universe of one random case and random draws from it: every mentioned namespace plus
 * a fresh one, every mentioned label value plus a fresh one plus absent, every port boundary and its
 * neighbours, every CIDR boundary and its neighbours, and for the destination port each mentioned
 * name or none. Pods are abstract until {@link #materialize}d against one version's namespace labels.
 */
public final class Samples {

    public static final String FRESH_NAMESPACE = "nsx";
    private static final List<String> NAMESPACE_NAMES = List.of("ns1", "ns2", "ns3", FRESH_NAMESPACE);
    private static final List<String> POD_VALUES = List.of("a", "b", "zz", "");
    private static final List<String> NS_VALUES = List.of("dev", "prod", "zz", "");

    /** A pod before its namespace labels are known; {@code freeNamespaceLabels} apply to free namespaces only. */
    public record AbstractPod(String namespace, Map<String, String> freeNamespaceLabels, Map<String, String> podLabels) {
    }

    /** A concrete connection seen from a local pod. {@code peer} is an AbstractPod or an Endpoint.Ip. */
    public record Connection(AbstractPod local, Object peer, String protocol, int port, String portName) {
    }

    private final Random rnd;
    private final List<Integer> ports;
    private final List<String> ips;

    public Samples(long seed, List<Oracle.Policy> policies) {
        this(seed, policies, List.of(), List.of());
    }

    /** Also the boundaries of further CIDRs and ports (of tier policies). */
    public Samples(long seed, List<Oracle.Policy> policies, List<String> moreCidrs, List<Integer> morePorts) {
        this.rnd = new Random(seed);
        TreeSet<Integer> p = new TreeSet<>(portBoundaries(policies));
        p.addAll(morePorts);
        this.ports = new ArrayList<>(p);
        TreeSet<String> i = new TreeSet<>(ipBoundaries(policies));
        moreCidrs.forEach(c -> addCidrBoundaries(c, i));
        this.ips = new ArrayList<>(i);
    }

    /** A random element, for tests that decorate connections further. */
    public <T> T any(List<T> list) {
        return pick(list);
    }

    /** A random number below {@code bound}. */
    public int nextInt(int bound) {
        return rnd.nextInt(bound);
    }

    /** Every port boundary of the case and its neighbours. */
    public List<Integer> ports() {
        return ports;
    }

    /** Every CIDR boundary of the case and its neighbours, plus a few fixed addresses. */
    public List<String> ips() {
        return ips;
    }

    public AbstractPod pod(String namespace) {
        Map<String, String> ns = new HashMap<>();
        String env = pick(NS_VALUES);
        if (!env.isEmpty()) {
            ns.put(PolicyGenerator.NS_KEY, env);
        }
        Map<String, String> labels = new HashMap<>();
        for (String k : PolicyGenerator.POD_KEYS) {
            String v = pick(POD_VALUES);
            if (!v.isEmpty()) {
                labels.put(k, v);
            }
        }
        return new AbstractPod(namespace, ns, labels);
    }

    public Connection connection(String localNamespace) {
        Object peer = rnd.nextInt(4) == 0 ? new Endpoint.Ip(pick(ips)) : pod(pick(NAMESPACE_NAMES));
        int nameChoice = rnd.nextInt(PolicyGenerator.PORT_NAMES.size() + 1);
        String name = nameChoice == 0 ? null : PolicyGenerator.PORT_NAMES.get(nameChoice - 1);
        AbstractPod local = pod(localNamespace);
        if (peer instanceof AbstractPod p && p.namespace().equals(localNamespace)) {
            // one namespace has one set of labels: a peer in the local pod's namespace shares them
            peer = new AbstractPod(localNamespace, local.freeNamespaceLabels(), p.podLabels());
        }
        return new Connection(local, peer, pick(PolicyGenerator.PROTOCOLS), pick(ports), name);
    }

    /**
     * A concrete pod: a namespace that the version fixes has exactly its labels, any other has the
     * sampled labels and its name label. {@code destination} pods name the connection's port.
     */
    public static Endpoint.Pod materialize(AbstractPod p, Map<String, Map<String, String>> fixed,
                                           Connection c, boolean destination) {
        Map<String, String> ns = new HashMap<>(fixed.getOrDefault(p.namespace(), p.freeNamespaceLabels()));
        ns.put("kubernetes.io/metadata.name", p.namespace());
        List<NamedPort> named = destination && c.portName() != null
                ? List.of(new NamedPort(c.portName(), c.protocol(), c.port())) : List.of();
        return new Endpoint.Pod(p.namespace(), ns, p.podLabels(), named);
    }

    private <T> T pick(List<T> list) {
        return list.get(rnd.nextInt(list.size()));
    }

    private static List<Integer> portBoundaries(List<Oracle.Policy> policies) {
        TreeSet<Integer> out = new TreeSet<>(List.of(1, 2, 65534, 65535));
        for (Oracle.Policy p : policies) {
            List<NetworkPolicyPort> all = new ArrayList<>();
            for (NetworkPolicyIngressRule r : nonNull(p.np().getSpec().getIngress())) {
                all.addAll(nonNull(r.getPorts()));
            }
            for (NetworkPolicyEgressRule r : nonNull(p.np().getSpec().getEgress())) {
                all.addAll(nonNull(r.getPorts()));
            }
            for (NetworkPolicyPort port : all) {
                if (port.getPort() != null && port.getPort().getIntVal() != null) {
                    int lo = port.getPort().getIntVal();
                    int hi = port.getEndPort() == null ? lo : port.getEndPort();
                    for (int v : new int[] {lo - 1, lo, lo + 1, hi - 1, hi, hi + 1}) {
                        if (v >= 1 && v <= 65535) {
                            out.add(v);
                        }
                    }
                }
            }
        }
        return new ArrayList<>(out);
    }

    private static List<String> ipBoundaries(List<Oracle.Policy> policies) {
        TreeSet<String> out = new TreeSet<>(List.of("0.0.0.0", "255.255.255.255", "8.8.8.8", "::", "2001:db8::1"));
        for (Oracle.Policy p : policies) {
            List<NetworkPolicyPeer> peers = new ArrayList<>();
            for (NetworkPolicyIngressRule r : nonNull(p.np().getSpec().getIngress())) {
                peers.addAll(nonNull(r.getFrom()));
            }
            for (NetworkPolicyEgressRule r : nonNull(p.np().getSpec().getEgress())) {
                peers.addAll(nonNull(r.getTo()));
            }
            for (NetworkPolicyPeer peer : peers) {
                if (peer.getIpBlock() != null) {
                    addCidrBoundaries(peer.getIpBlock().getCidr(), out);
                    nonNull(peer.getIpBlock().getExcept()).forEach(e -> addCidrBoundaries(e, out));
                }
            }
        }
        return new ArrayList<>(out);
    }

    private static void addCidrBoundaries(String cidr, TreeSet<String> out) {
        String[] parts = cidr.split("/");
        byte[] bytes = Oracle.bytes(parts[0]);
        int bits = bytes.length * 8;
        BigInteger hostMask = BigInteger.ONE.shiftLeft(bits - Integer.parseInt(parts[1])).subtract(BigInteger.ONE);
        BigInteger lo = new BigInteger(1, bytes).andNot(hostMask);
        BigInteger hi = lo.or(hostMask);
        BigInteger max = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
        for (BigInteger v : List.of(lo.subtract(BigInteger.ONE), lo, hi, hi.add(BigInteger.ONE))) {
            if (v.signum() >= 0 && v.compareTo(max) <= 0) {
                out.add(text(v, bytes.length));
            }
        }
    }

    private static String text(BigInteger v, int length) {
        byte[] raw = v.toByteArray();
        byte[] fixed = new byte[length];
        for (int i = 0; i < Math.min(length, raw.length); i++) {
            fixed[length - 1 - i] = raw[raw.length - 1 - i];
        }
        try {
            return InetAddress.getByAddress(fixed).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }
}
