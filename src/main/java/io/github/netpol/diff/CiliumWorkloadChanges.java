package io.github.netpol.diff;

import io.github.netpol.analysis.AnalyzedVersion;
import io.github.netpol.analysis.IpAddresses;
import io.github.netpol.analysis.Region;
import io.github.netpol.analysis.RegionPoints;
import io.github.netpol.analysis.SideComparison;
import io.github.netpol.analysis.SideRegion;
import io.github.netpol.finding.Direction;
import io.github.netpol.finding.Endpoint;
import io.github.netpol.finding.Witness;
import io.github.netpol.finding.WorldFact;
import io.github.netpol.model.WorkloadManifest;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * With Cilium policies, the connections a declared workload whose labels, ports or namespace labels changed gains,
 * found point by point on the side regions of both versions: for each pair of declared workloads one of which
 * changed (and between a changed one and addresses), every protocol, every port where some region's port ranges
 * begin or end (and the destination's declared ports), every address where some region's ranges begin or end, every
 * address kind and every combination of the yes/no world facts the regions depend on. A connection is gained where
 * the new version possibly allows it and the baseline, with the workload's old labels, did not certainly allow it.
 * Connections a policy change explains are left to the side findings.
 */
final class CiliumWorkloadChanges {

    /** More yes/no facts than this on one pair: the search would be too large, so the caller fails closed. */
    static final int MAX_FACTS = 10;

    /**
     * A connection gained; an end that is an address has no workload.
     *
     * @param witness the connection in the new version, with the facts it needs
     */
    record Gain(WorkloadManifest source, WorkloadManifest destination, Witness witness) {
    }

    private final AnalyzedVersion old;
    private final AnalyzedVersion now;
    private final Map<String, WorkloadManifest> before;
    private final Map<String, SideComparison> sides;

    /**
     * @param before the baseline's workloads by id
     * @param sides  the side comparisons by {@code namespace/direction}
     */
    CiliumWorkloadChanges(AnalyzedVersion old, AnalyzedVersion now, Map<String, WorkloadManifest> before,
                          Map<String, SideComparison> sides) {
        this.old = old;
        this.now = now;
        this.before = before;
        this.sides = sides;
    }

    /** The first connection gained between the two ends, or empty; throws when the search is too large. */
    Optional<Gain> between(WorkloadManifest source, WorkloadManifest destination) {
        Endpoint.Pod srcNow = pod(source, now);
        Endpoint.Pod dstNow = pod(destination, now);
        Endpoint.Pod srcOld = pod(before.get(source.id()), old);
        Endpoint.Pod dstOld = pod(before.get(destination.id()), old);
        SideRegion eNow = now.side(source.namespace(), Direction.EGRESS).allowed();
        SideRegion iNow = now.side(destination.namespace(), Direction.INGRESS).allowed();
        SideRegion eOld = old.side(source.namespace(), Direction.EGRESS).certainlyAllowed();
        SideRegion iOld = old.side(destination.namespace(), Direction.INGRESS).certainlyAllowed();
        List<Region> regions = List.of(eNow.pods(), iNow.pods(), eOld.pods(), iOld.pods());
        List<Integer> ports = declaredFirst(RegionPoints.ports(regions,
                java.util.Arrays.asList(destination, before.get(destination.id()))), destination);
        for (Map<String, String> facts : worlds(regions, false)) {
            for (String protocol : List.of("TCP", "UDP", "SCTP")) {
                for (int port : ports) {
                    if (eNow.allows(srcNow, dstNow, protocol, port, facts) && iNow.allows(dstNow, srcNow, protocol, port, facts)
                            && !(eOld.allows(srcOld, dstOld, protocol, port, facts)
                            && iOld.allows(dstOld, srcOld, protocol, port, facts))
                            && !explained(Direction.EGRESS, srcNow, dstNow, protocol, port, facts)
                            && !explained(Direction.INGRESS, dstNow, srcNow, protocol, port, facts)) {
                        return Optional.of(new Gain(source, destination, new Witness(srcNow, dstNow, protocol, port, facts)));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The first connection gained between a changed workload and an address, in the given direction of its own. */
    Optional<Gain> external(WorkloadManifest workload, Direction direction) {
        Endpoint.Pod local = pod(workload, now);
        Endpoint.Pod localOld = pod(before.get(workload.id()), old);
        SideRegion sNow = now.side(workload.namespace(), direction).allowed();
        SideRegion sOld = old.side(workload.namespace(), direction).certainlyAllowed();
        List<Region> regions = List.of(sNow.ips(), sOld.ips());
        List<Integer> ports = RegionPoints.ports(regions, direction == Direction.INGRESS
                ? java.util.Arrays.asList(workload, before.get(workload.id())) : List.of());
        List<BigInteger> addresses = RegionPoints.addresses(regions);
        for (Map<String, String> world : worlds(regions, true)) {
            for (BigInteger a : addresses) {
                Endpoint.Ip ip = new Endpoint.Ip(IpAddresses.format(a));
                for (String protocol : List.of("TCP", "UDP", "SCTP")) {
                    for (int port : ports) {
                        if (sNow.allows(local, ip, protocol, port, world) && !sOld.allows(localOld, ip, protocol, port, world)
                                && !explained(direction, local, ip, protocol, port, world)) {
                            Map<String, String> stated = WorldFact.stated(world);
                            Witness w = direction == Direction.EGRESS ? new Witness(local, ip, protocol, port, stated)
                                    : new Witness(ip, local, protocol, port, stated);
                            return Optional.of(direction == Direction.EGRESS ? new Gain(workload, null, w)
                                    : new Gain(null, workload, w));
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }

    private boolean explained(Direction d, Endpoint.Pod local, Endpoint peer, String protocol, int port,
                              Map<String, String> facts) {
        SideComparison side = sides.get(local.namespace() + "/" + d.label());
        return side != null && side.newlyAllowed().allows(local, peer, protocol, port, facts);
    }

    private static Endpoint.Pod pod(WorkloadManifest w, AnalyzedVersion version) {
        return new Endpoint.Pod(w.namespace(), version.universe().labelsOf(w.namespace()), w.podLabels(), w.namedPorts(),
                w.id());
    }

    /** The destination's declared ports first: the example a person recognises. */
    private static List<Integer> declaredFirst(List<Integer> ports, WorkloadManifest destination) {
        List<Integer> out = new ArrayList<>();
        destination.ports().stream().map(p -> p.port()).filter(ports::contains).distinct().forEach(out::add);
        ports.stream().filter(p -> !out.contains(p)).forEach(out::add);
        return out;
    }

    /**
     * Every combination of the yes/no facts the regions depend on; with {@code addresses}, for every address kind
     * and whether it is the pod's own node too. Too many facts for the search: the caller fails closed.
     */
    private static List<Map<String, String>> worlds(List<Region> regions, boolean addresses) {
        List<String> facts = RegionPoints.facts(regions, false);
        if (facts.size() > MAX_FACTS) {
            throw new IllegalStateException(facts.size() + " world facts");
        }
        return addresses ? RegionPoints.addressWorlds(regions) : RegionPoints.worlds(facts, false);
    }
}
