package io.github.netpol.validate.lint.repository;

import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.github.netpol.model.semantics.Cidr;
import io.github.netpol.model.semantics.Peer;
import io.github.netpol.validate.lint.PolicyRuleView;
import io.github.netpol.validate.lint.PortView;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The rules of one namespace and direction that may cover a given rule ({@link PolicyRuleCoverage#covers}), found
 * without comparing it with every rule: a wide rule covers a narrow one only if it covers the narrow rule's first
 * peer (it has an equal peer, a peer for every pod, a CIDR that contains the narrow one, or no peer list at all) and
 * its first port (it has no ports, or a port of the same protocol that is any port, the same name or a range around
 * it). The candidates are a superset of the covering rules, so testing them in order finds the same first one as
 * testing every rule.
 */
final class PolicyRuleCoverageIndex {

    private final List<PolicyRuleView> rules;
    private final int[] allPeers;
    private final Map<NetworkPolicyPeer, int[]> byPeer;
    private final int[] ownNamespaceAllPods;
    private final int[] everyPod;
    private final Map<List<Object>, int[]> byNetwork;
    private final int[] noPorts;
    private final Map<String, int[]> anyPortOf;
    private final Map<List<String>, int[]> byPortName;
    private final Map<String, PortRanges> rangesOf;

    PolicyRuleCoverageIndex(List<PolicyRuleView> rules) {
        this.rules = rules;
        IntStream.Builder allPeers = IntStream.builder();
        Map<NetworkPolicyPeer, IntStream.Builder> byPeer = new HashMap<>();
        IntStream.Builder ownNamespaceAllPods = IntStream.builder();
        IntStream.Builder everyPod = IntStream.builder();
        Map<List<Object>, IntStream.Builder> byNetwork = new HashMap<>();
        IntStream.Builder noPorts = IntStream.builder();
        Map<String, IntStream.Builder> anyPortOf = new HashMap<>();
        Map<List<String>, IntStream.Builder> byPortName = new HashMap<>();
        Map<String, List<int[]>> ranges = new HashMap<>();
        for (int i = 0; i < rules.size(); i++) {
            PolicyRuleView rule = rules.get(i);
            if (rule.allPeers()) {
                allPeers.add(i);
            } else {
                for (int p = 0; p < rule.written().size(); p++) {
                    byPeer.computeIfAbsent(rule.written().get(p), k -> IntStream.builder()).add(i);
                    Peer means = rule.rule().peers().get(p);
                    if (means instanceof Peer.Pods pods && pods.pods().selectsAll()) {
                        if (pods.namespaces() == null) {
                            ownNamespaceAllPods.add(i);
                        } else if (pods.namespaces().selectsAll()) {
                            everyPod.add(i);
                        }
                    } else if (means instanceof Peer.Addresses block && block.cidr().isPresent()) {
                        Cidr cidr = block.cidr().get();
                        byNetwork.computeIfAbsent(network(cidr, cidr.prefix()), k -> IntStream.builder()).add(i);
                    }
                }
            }
            if (rule.ports().isEmpty()) {
                noPorts.add(i);
            }
            for (PortView port : rule.ports()) {
                if (port.anyPort()) {
                    anyPortOf.computeIfAbsent(port.protocol(), k -> IntStream.builder()).add(i);
                } else if (port.isNamed()) {
                    byPortName.computeIfAbsent(List.of(port.protocol(), port.name()), k -> IntStream.builder()).add(i);
                } else {
                    ranges.computeIfAbsent(port.protocol(), k -> new ArrayList<>()).add(new int[] {port.from(), port.to(), i});
                }
            }
        }
        this.allPeers = allPeers.build().toArray();
        this.byPeer = frozen(byPeer);
        this.ownNamespaceAllPods = ownNamespaceAllPods.build().toArray();
        this.everyPod = everyPod.build().toArray();
        this.byNetwork = frozen(byNetwork);
        this.noPorts = noPorts.build().toArray();
        this.anyPortOf = frozen(anyPortOf);
        this.byPortName = frozen(byPortName);
        this.rangesOf = new HashMap<>();
        ranges.forEach((protocol, list) -> rangesOf.put(protocol, new PortRanges(list)));
    }

    /** The positions of the rules that may cover the rule at {@code narrow}, ascending, each once. */
    int[] candidates(int narrow) {
        int[] byPeers = peerCandidates(rules.get(narrow));
        int[] byPorts = portCandidates(rules.get(narrow));
        int[] fewer = byPeers.length <= byPorts.length ? byPeers : byPorts;
        int[] out = fewer.clone();
        Arrays.sort(out);
        int n = 0;
        for (int i = 0; i < out.length; i++) {
            if (i == 0 || out[i] != out[i - 1]) {
                out[n++] = out[i];
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** The rules that cover the narrow rule's first peer; for a rule of every peer, only the rules of every peer. */
    private int[] peerCandidates(PolicyRuleView narrow) {
        if (narrow.allPeers() || narrow.written().isEmpty()) {
            return allPeers;
        }
        IntStream.Builder out = IntStream.builder();
        add(out, allPeers);
        add(out, byPeer.getOrDefault(narrow.written().get(0), new int[0]));
        Peer first = narrow.rule().peers().get(0);
        if (first instanceof Peer.Pods pods) {
            add(out, everyPod);
            if (pods.namespaces() == null) {
                add(out, ownNamespaceAllPods);
            }
        } else if (first instanceof Peer.Addresses block && block.cidr().isPresent()) {
            Cidr cidr = block.cidr().get();
            for (int prefix = 0; prefix <= cidr.prefix(); prefix++) {
                add(out, byNetwork.getOrDefault(network(cidr, prefix), new int[0]));
            }
        }
        return out.build().toArray();
    }

    /** The rules that cover the narrow rule's first port; for a rule of every port, only the rules of every port. */
    private int[] portCandidates(PolicyRuleView narrow) {
        if (narrow.ports().isEmpty()) {
            return noPorts;
        }
        PortView first = narrow.ports().get(0);
        IntStream.Builder out = IntStream.builder();
        add(out, noPorts);
        add(out, anyPortOf.getOrDefault(first.protocol(), new int[0]));
        if (first.isNamed()) {
            add(out, byPortName.getOrDefault(List.of(first.protocol(), first.name()), new int[0]));
        } else if (!first.anyPort()) {
            PortRanges ranges = rangesOf.get(first.protocol());
            if (ranges != null) {
                ranges.containing(first.from(), first.to(), out);
            }
        }
        return out.build().toArray();
    }

    private static void add(IntStream.Builder out, int[] ids) {
        for (int id : ids) {
            out.add(id);
        }
    }

    /** A network of one family and prefix length: the key of every CIDR of that prefix that holds the address. */
    private static List<Object> network(Cidr cidr, int prefix) {
        return List.of(cidr.isIpv4(), prefix, cidr.first().shiftRight(cidr.bits() - prefix));
    }

    private static <K> Map<K, int[]> frozen(Map<K, IntStream.Builder> lists) {
        Map<K, int[]> out = new HashMap<>();
        lists.forEach((k, v) -> out.put(k, v.build().toArray()));
        return out;
    }

    /** Numeric port ranges of one protocol, sorted by their first port, to find those around a range. */
    private static final class PortRanges {
        private final int[] from;
        private final int[] to;
        private final int[] rule;
        /** Per node of the implicit search tree over the sorted ranges (its middle), the largest end below it. */
        private final int[] maxTo;

        PortRanges(List<int[]> ranges) {
            ranges.sort((a, b) -> Integer.compare(a[0], b[0]));
            int n = ranges.size();
            from = new int[n];
            to = new int[n];
            rule = new int[n];
            for (int i = 0; i < n; i++) {
                from[i] = ranges.get(i)[0];
                to[i] = ranges.get(i)[1];
                rule[i] = ranges.get(i)[2];
            }
            maxTo = new int[n];
            fill(0, n - 1);
        }

        private int fill(int l, int r) {
            if (l > r) {
                return Integer.MIN_VALUE;
            }
            int mid = (l + r) >>> 1;
            maxTo[mid] = Math.max(to[mid], Math.max(fill(l, mid - 1), fill(mid + 1, r)));
            return maxTo[mid];
        }

        /** Adds the rules of the ranges that hold all of {@code [lo, hi]}. */
        void containing(int lo, int hi, IntStream.Builder out) {
            containing(0, from.length - 1, lo, hi, out);
        }

        private void containing(int l, int r, int lo, int hi, IntStream.Builder out) {
            if (l > r || maxTo[(l + r) >>> 1] < hi) {
                return; // every range below ends before hi
            }
            int mid = (l + r) >>> 1;
            containing(l, mid - 1, lo, hi, out);
            if (from[mid] <= lo) {
                if (to[mid] >= hi) {
                    out.add(rule[mid]);
                }
                containing(mid + 1, r, lo, hi, out); // later ranges start later: only while they may still start by lo
            }
        }
    }
}
