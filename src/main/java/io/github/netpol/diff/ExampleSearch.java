package io.github.netpol.diff;

import io.github.netpol.analysis.Cube;
import io.github.netpol.analysis.Dim;
import io.github.netpol.analysis.IntervalSet;
import io.github.netpol.analysis.IpAddresses;
import io.github.netpol.analysis.NamespaceUniverse;
import io.github.netpol.analysis.Region;
import io.github.netpol.analysis.RegionPoints;
import io.github.netpol.analysis.SideComparison;
import io.github.netpol.analysis.SideRegion;
import io.github.netpol.analysis.ValueSet;
import io.github.netpol.analysis.Witnesses;
import io.github.netpol.finding.Direction;
import io.github.netpol.finding.Endpoint;
import io.github.netpol.finding.NamedPort;
import io.github.netpol.finding.Witness;
import io.github.netpol.finding.WorldFact;
import io.github.netpol.model.ContainerPort;
import io.github.netpol.model.WorkloadManifest;
import io.github.netpol.model.semantics.EffectivePolicy;
import io.github.netpol.model.semantics.PolicyPort;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Picks the example connection of a finding: one a person recognises, and always a member of the region the
 * finding is about (so it proves the finding). First a connection between declared workloads (or a workload and
 * an ordinary external address) on a port the destination declares or the rule names; else a connection built
 * from the region's pieces on the rule's own port or a declared one. Among each kind, one the whole path allows
 * (effective) is preferred.
 */
final class ExampleSearch {

    /** How many candidate connections of declared workloads are tried for one finding. */
    private static final int DECLARED_BUDGET = 4096;
    /** How many pieces of a widened region are tried in search of an example the whole path allows. */
    private static final int EFFECTIVE_SEARCH_LIMIT = 64;
    /** Ports people recognise, tried when neither the rule nor a workload names one the region holds. */
    private static final List<Integer> FAMILIAR_PORTS = List.of(443, 80, 8080);

    private final SideComparison side;
    private final EffectiveCheck effective;
    private final List<WorkloadManifest> workloads;
    /** Made on first use: a side is searched only when it has a finding, and a repository has a side per namespace. */
    private Map<String, WorkloadManifest> workloadsById;
    private final List<Integer> workloadPorts;
    private final Set<String> portNames;

    ExampleSearch(SideComparison side, EffectiveCheck effective, List<WorkloadManifest> workloads,
                  List<Integer> workloadPorts, Set<String> portNames) {
        this.side = side;
        this.effective = effective;
        this.workloads = workloads;
        this.workloadPorts = workloadPorts;
        this.portNames = portNames;
    }

    private Map<String, WorkloadManifest> workloadsById() {
        if (workloadsById == null) {
            workloadsById = new HashMap<>();
            workloads.forEach(w -> workloadsById.putIfAbsent(w.id(), w));
        }
        return workloadsById;
    }

    record Example(Witness witness, boolean effective) {
    }

    /** A part of a widened region and the rule it comes from ({@code null}: pods no policy isolates now). */
    record Part(io.github.netpol.analysis.PolicyRuleRef rule, SideRegion region, Witness witness) {
        static Part of(SideComparison.Contribution c) {
            return new Part(c.rule(), c.region(), c.witness());
        }
    }

    /** Whether the whole connection is allowed now: the other side lets it through too. */
    boolean effective(Witness w) {
        return effective.effective(w, dir());
    }

    /** The example of a widening made of these parts. */
    Example widening(List<Part> parts) {
        Optional<Example> declared = declared(parts);
        if (declared.isPresent() && declared.get().effective()) {
            return declared.get();
        }
        Example symbolic = symbolic(parts);
        return symbolic.effective() || declared.isEmpty() ? symbolic : declared.get();
    }

    /**
     * A connection of a pod that lost its isolation: a declared workload among those pods if there is one, on a
     * connection the new version newly allows if possible (the most telling), else on any connection (which the
     * side now lets through, the pod being isolated no more).
     */
    Witness droppedIsolation(Endpoint.Pod fallbackPod) {
        Region dropped = side.isolationDropped();
        SideRegion newly = side.newlyAllowed();
        SideRegion ofDroppedPods = new SideRegion(dir(), newly.pods().intersect(dropped), newly.ips().intersect(dropped));
        Witness any = null;
        int budget = DECLARED_BUDGET;
        for (WorkloadManifest w : workloads) {
            if (!w.namespace().equals(ns()) || !dropped.contains(dim -> dim.kind() == Dim.Kind.LOCAL_LABEL
                    ? w.podLabels().get(dim.key()) : null)) {
                continue;
            }
            Endpoint.Pod local = pod(w);
            // any connection of the pod will do: it is no longer isolated, so the side lets every one through
            List<Endpoint> peers = new ArrayList<>();
            workloads.forEach(p -> peers.add(pod(p)));
            peers.add(new Endpoint.Ip("203.0.113.10"));
            for (Endpoint peer : peers) {
                for (ContainerPort port : ports(dir() == Direction.INGRESS ? local : peer, List.of())) {
                    if (budget-- <= 0) {
                        return any != null ? any : witness(local, peer, port);
                    }
                    if (ofDroppedPods.allows(local, peer, port.protocol(), port.port())) {
                        return witness(local, peer, port);
                    }
                    if (any == null) {
                        any = witness(local, peer, port);
                    }
                }
            }
        }
        if (any != null) {
            return any;
        }
        List<Integer> preferred = preferredPorts(null);
        for (boolean ip : new boolean[] {false, true}) {
            for (Cube c : (ip ? ofDroppedPods.ips() : ofDroppedPods.pods()).cubes()) {
                return Witnesses.of(c, dir(), ns(), universe(), ip, preferred);
            }
        }
        Endpoint.Ip outside = new Endpoint.Ip("203.0.113.10");
        return dir() == Direction.INGRESS ? new Witness(outside, fallbackPod, "TCP", 443)
                : new Witness(fallbackPod, outside, "TCP", 443);
    }

    /** A connection the baseline allowed on this side and the new version does not, on a port a person knows. */
    Witness narrowing() {
        return Witnesses.of(side.newlyDenied(), ns(), side.oldSide().universe(), preferredPorts(null)).orElseThrow();
    }

    /** A declared workload of the namespace among the local pods of a region (over local labels), if there is one. */
    Optional<Endpoint.Pod> declaredPod(Region localPods) {
        for (WorkloadManifest w : workloads) {
            if (w.namespace().equals(ns()) && localPods.contains(dim -> dim.kind() == Dim.Kind.LOCAL_LABEL
                    ? w.podLabels().get(dim.key()) : null)) {
                return Optional.of(pod(w));
            }
        }
        return Optional.empty();
    }

    private Optional<Example> declared(List<Part> parts) {
        Example first = null;
        int budget = DECLARED_BUDGET;
        for (Part part : parts) {
            List<ContainerPort> rulePorts = rulePorts(part);
            // the worlds the region depends on (Cilium's facts), the default world first
            List<String> facts = RegionPoints.facts(List.of(part.region().pods(), part.region().ips()), true);
            for (WorkloadManifest w : workloads) {
                if (!w.namespace().equals(ns())) {
                    continue;
                }
                Endpoint.Pod local = pod(w);
                for (Endpoint peer : peers(part.region())) {
                    for (ContainerPort port : ports(dir() == Direction.INGRESS ? local : peer, rulePorts)) {
                        Map<String, String> world = null;
                        for (Map<String, String> candidate : RegionPoints.worlds(facts, peer instanceof Endpoint.Ip)) {
                            if (budget-- <= 0) {
                                return Optional.ofNullable(first);
                            }
                            if (part.region().allows(local, peer, port.protocol(), port.port(), candidate)) {
                                world = candidate;
                                break;
                            }
                        }
                        if (world == null) {
                            continue;
                        }
                        Witness w2 = witness(local, peer, port, world);
                        if (effective.effective(w2, dir())) {
                            return Optional.of(new Example(w2, true));
                        }
                        if (first == null) {
                            first = new Example(w2, false);
                        }
                    }
                }
            }
        }
        return Optional.ofNullable(first);
    }

    /** The peers tried: every declared workload, then an ordinary address of the region's external part. */
    private List<Endpoint> peers(SideRegion region) {
        List<Endpoint> out = new ArrayList<>();
        if (!region.pods().isEmpty()) {
            workloads.forEach(w -> out.add(pod(w)));
        }
        for (Cube c : region.ips().cubes()) {
            IpAddresses.example((IntervalSet) c.get(Dim.IP))
                    .ifPresent(ip -> out.add(new Endpoint.Ip(IpAddresses.format(ip))));
            break;
        }
        return out;
    }

    /** The ports the destination declares, then the rule's own, then familiar ones. */
    private List<ContainerPort> ports(Endpoint destination, List<ContainerPort> rulePorts) {
        Set<ContainerPort> out = new LinkedHashSet<>();
        if (destination instanceof Endpoint.Pod pod && pod.workload() != null && workloadsById().containsKey(pod.workload())) {
            // without the name: the destination pod's own named ports say it, so the same port is not tried twice
            workloadsById().get(pod.workload()).ports().forEach(p -> out.add(new ContainerPort(null, p.protocol(), p.port())));
        }
        out.addAll(rulePorts);
        FAMILIAR_PORTS.forEach(p -> out.add(new ContainerPort(null, "TCP", p)));
        return List.copyOf(out);
    }

    /** The numeric ports a rule names (its first port of each range), for its examples. */
    private List<ContainerPort> rulePorts(Part part) {
        if (part.rule() == null) {
            return List.of();
        }
        EffectivePolicy policy = EffectivePolicy.of(part.rule().policy());
        List<ContainerPort> out = new ArrayList<>();
        for (PolicyPort p : policy.rules(dir()).get(part.rule().ruleIndex()).ports()) {
            if (p.isNumeric()) {
                out.add(new ContainerPort(null, p.protocol(), p.from()));
            }
        }
        return out;
    }

    private List<Integer> preferredPorts(Part part) {
        List<Integer> out = new ArrayList<>();
        if (part != null) {
            rulePorts(part).forEach(p -> out.add(p.port()));
        }
        out.addAll(workloadPorts);
        out.addAll(FAMILIAR_PORTS);
        return out;
    }

    /** The first witness over the region's pieces whose whole connection the new version allows, else the first. */
    private Example symbolic(List<Part> parts) {
        Witness first = null;
        int tried = 0;
        for (Part part : parts) {
            List<Integer> preferred = preferredPorts(part);
            for (boolean ip : new boolean[] {false, true}) {
                Region r = ip ? part.region().ips() : part.region().pods();
                for (Cube c : r.cubes()) {
                    Witness w = Witnesses.of(c, dir(), ns(), universe(), ip, preferred);
                    if (first == null) {
                        first = w;
                    }
                    if (tried++ >= EFFECTIVE_SEARCH_LIMIT) {
                        return new Example(first, effective.effective(first, dir()));
                    }
                    for (Witness candidate : withPortNames(w, (ValueSet) c.get(Dim.PORT_NAME))) {
                        if (effective.effective(candidate, dir())) {
                            return new Example(candidate, true);
                        }
                    }
                }
            }
        }
        if (first == null) {
            first = parts.get(0).witness();
        }
        return new Example(first, effective.effective(first, dir()));
    }

    /**
     * The witness, then the same connection to a destination pod that names the port with each port name
     * the policies use and the region admits: the other side may allow the port only by its name.
     */
    private List<Witness> withPortNames(Witness w, ValueSet admitted) {
        List<Witness> out = new ArrayList<>();
        out.add(w);
        if (w.destination() instanceof Endpoint.Pod dst && dst.namedPorts().isEmpty()) {
            for (String name : portNames) {
                if (admitted.containsValue(name)) {
                    out.add(new Witness(w.source(), new Endpoint.Pod(dst.namespace(), dst.namespaceLabels(),
                            dst.podLabels(), List.of(new NamedPort(name, w.protocol(), w.port()))), w.protocol(), w.port(),
                            w.facts()));
                }
            }
        }
        return out;
    }

    private Witness witness(Endpoint.Pod local, Endpoint peer, ContainerPort port) {
        return witness(local, peer, port, Map.of());
    }

    /** The same in a world: the facts stated, an address outside the cluster (the default) not. */
    private Witness witness(Endpoint.Pod local, Endpoint peer, ContainerPort port, Map<String, String> world) {
        Map<String, String> facts = WorldFact.stated(world);
        return dir() == Direction.INGRESS ? new Witness(peer, local, port.protocol(), port.port(), facts)
                : new Witness(local, peer, port.protocol(), port.port(), facts);
    }

    /** A declared workload's pod, with the labels its namespace has in the new version. */
    Endpoint.Pod pod(WorkloadManifest w) {
        return new Endpoint.Pod(w.namespace(), universe().labelsOf(w.namespace()), w.podLabels(), w.namedPorts(), w.id());
    }

    private NamespaceUniverse universe() {
        return side.newSide().universe();
    }

    private String ns() {
        return side.namespace();
    }

    private Direction dir() {
        return side.direction();
    }
}
