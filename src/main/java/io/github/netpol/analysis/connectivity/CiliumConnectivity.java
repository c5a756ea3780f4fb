package io.github.netpol.analysis.connectivity;

import io.github.netpol.analysis.AnalyzedVersion;
import io.github.netpol.analysis.IntervalSet;
import io.github.netpol.analysis.IpAddresses;
import io.github.netpol.analysis.Region;
import io.github.netpol.analysis.RegionPoints;
import io.github.netpol.analysis.SideAnalysis;
import io.github.netpol.analysis.TierDecision;
import io.github.netpol.finding.Direction;
import io.github.netpol.finding.Endpoint;
import io.github.netpol.model.WorkloadManifest;
import io.github.netpol.model.semantics.TierPolicy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Connectivity of the declared workloads of a version with Cilium policies, read off the analysis' side regions
 * point by point: per pair of workloads (and per workload and address range), every protocol, every port where a
 * region's port ranges begin or end or a declared port lies, every address where a region's address ranges begin
 * or end, and every combination of the world facts the regions depend on. Ports every world allows are certain;
 * ports some world allows (an agent setting, an L7 verdict, what an address is) are possible. Each verdict names
 * what decided each side in the first world that allows it.
 */
final class CiliumConnectivity {

    private static final List<String> PROTOCOLS = List.of("TCP", "UDP", "SCTP");

    private final AnalyzedVersion version;
    private final List<WorkloadManifest> workloads;

    CiliumConnectivity(AnalyzedVersion version, List<WorkloadManifest> workloads) {
        this.version = version;
        this.workloads = workloads;
    }

    ConnectivityResult run(Predicate<WorkloadManifest> focus) {
        List<Connection> out = new ArrayList<>();
        for (WorkloadManifest s : workloads) {
            for (WorkloadManifest d : workloads) {
                if (s != d && (focus.test(s) || focus.test(d))) {
                    pair(s, d, out);
                }
            }
        }
        for (WorkloadManifest w : workloads) {
            if (focus.test(w)) {
                for (Direction dir : Direction.values()) {
                    external(w, dir, out);
                }
            }
        }
        return new ConnectivityResult(workloads, out, true);
    }

    private void pair(WorkloadManifest s, WorkloadManifest d, List<Connection> out) {
        Endpoint.Pod src = pod(s);
        Endpoint.Pod dst = pod(d);
        SideAnalysis egress = version.side(s.namespace(), Direction.EGRESS);
        SideAnalysis ingress = version.side(d.namespace(), Direction.INGRESS);
        List<Region> regions = List.of(egress.allowed().pods(), ingress.allowed().pods());
        List<Map<String, String>> worlds = RegionPoints.worlds(RegionPoints.facts(regions, false), false);
        Map<String, PortSet> verdicts = new LinkedHashMap<>();
        Map<String, Verdict> shapes = new LinkedHashMap<>();
        List<Integer> cuts = RegionPoints.ports(regions, List.of(d));
        for (String protocol : PROTOCOLS) {
            for (int i = 0; i < cuts.size(); i++) {
                int lo = cuts.get(i);
                int hi = RegionPoints.lastPort(cuts, i);
                int allowedIn = 0;
                String e = null;
                String in = null;
                for (Map<String, String> w : worlds) {
                    if (egress.allowed().allows(src, dst, protocol, lo, w) && ingress.allowed().allows(dst, src, protocol, lo, w)) {
                        allowedIn++;
                        if (e == null) {
                            e = decider(egress, src, dst, protocol, lo, w);
                            in = decider(ingress, dst, src, protocol, lo, w);
                        }
                    }
                }
                if (allowedIn > 0) {
                    add(verdicts, shapes, new Verdict(PortSet.none(), allowedIn == worlds.size(), e, in),
                            PortSet.of(protocol, IntervalSet.of(BigInteger.valueOf(lo), BigInteger.valueOf(hi))));
                }
            }
        }
        emit(new Node.Workload(s), new Node.Workload(d), verdicts, shapes, out);
    }

    private void external(WorkloadManifest w, Direction dir, List<Connection> out) {
        Endpoint.Pod local = pod(w);
        SideAnalysis side = version.side(w.namespace(), dir);
        List<Region> regions = List.of(side.allowed().ips());
        List<Map<String, String>> worlds = RegionPoints.addressWorlds(regions);
        List<BigInteger> cuts = RegionPoints.addresses(regions);
        List<Integer> ports = RegionPoints.ports(regions, dir == Direction.INGRESS ? List.of(w) : List.of());
        Node self = new Node.Workload(w);
        for (int i = 0; i < cuts.size(); i++) {
            BigInteger first = cuts.get(i);
            BigInteger last = RegionPoints.lastAddress(cuts, i);
            Endpoint.Ip ip = new Endpoint.Ip(IpAddresses.format(first));
            Map<String, PortSet> verdicts = new LinkedHashMap<>();
            Map<String, Verdict> shapes = new LinkedHashMap<>();
            for (String protocol : PROTOCOLS) {
                for (int p = 0; p < ports.size(); p++) {
                    int lo = ports.get(p);
                    int hi = RegionPoints.lastPort(ports, p);
                    int allowedIn = 0;
                    String decided = null;
                    for (Map<String, String> world : worlds) {
                        if (side.allowed().allows(local, ip, protocol, lo, world)) {
                            allowedIn++;
                            if (decided == null) {
                                decided = decider(side, local, ip, protocol, lo, world);
                            }
                        }
                    }
                    if (allowedIn > 0) {
                        add(verdicts, shapes, new Verdict(PortSet.none(), allowedIn == worlds.size(),
                                        dir == Direction.EGRESS ? decided : null, dir == Direction.INGRESS ? decided : null),
                                PortSet.of(protocol, IntervalSet.of(BigInteger.valueOf(lo), BigInteger.valueOf(hi))));
                    }
                }
            }
            Node range = new Node.External(first, last);
            emit(dir == Direction.EGRESS ? self : range, dir == Direction.EGRESS ? range : self, verdicts, shapes, out);
        }
    }

    private static void add(Map<String, PortSet> verdicts, Map<String, Verdict> shapes, Verdict shape, PortSet ports) {
        String key = shape.certain() + "|" + shape.egress() + "|" + shape.ingress();
        verdicts.merge(key, ports, PortSet::union);
        shapes.putIfAbsent(key, shape);
    }

    private static void emit(Node source, Node destination, Map<String, PortSet> verdicts, Map<String, Verdict> shapes,
                             List<Connection> out) {
        if (verdicts.isEmpty()) {
            return;
        }
        List<Verdict> list = new ArrayList<>();
        PortSet all = PortSet.none();
        for (var e : verdicts.entrySet()) {
            Verdict shape = shapes.get(e.getKey());
            list.add(new Verdict(e.getValue(), shape.certain(), shape.egress(), shape.ingress()));
            all = all.union(e.getValue());
        }
        list.sort(java.util.Comparator.comparing((Verdict v) -> !v.certain()).thenComparing(Verdict::text));
        out.add(new Connection(source, destination, all, list));
    }

    /** What lets the connection through on one side, in words. */
    private static String decider(SideAnalysis side, Endpoint.Pod local, Endpoint peer, String protocol, int port,
                                  Map<String, String> world) {
        for (TierDecision t : side.tiers().admin().decisions()) {
            if (t.rule().action() == TierPolicy.Action.ACCEPT && t.region().allows(local, peer, protocol, port, world)) {
                return t.rule().describe();
            }
        }
        for (SideAnalysis.PolicyRuleRegion r : side.rules()) {
            if (r.region().allows(local, peer, protocol, port, world)) {
                return "NetworkPolicy " + r.rule().describe();
            }
        }
        return "not isolated";
    }

    private Endpoint.Pod pod(WorkloadManifest w) {
        return new Endpoint.Pod(w.namespace(), version.universe().labelsOf(w.namespace()), w.podLabels(), w.namedPorts(),
                w.id());
    }
}
