package io.github.netpol.assertions;

import io.github.netpol.analysis.AnalyzedVersion;
import io.github.netpol.analysis.Cube;
import io.github.netpol.analysis.Dim;
import io.github.netpol.analysis.IntervalSet;
import io.github.netpol.analysis.NamespaceUniverse;
import io.github.netpol.analysis.Region;
import io.github.netpol.analysis.SideBuilder;
import io.github.netpol.analysis.SideRegion;
import io.github.netpol.analysis.ValueSet;
import io.github.netpol.analysis.Witnesses;
import io.github.netpol.finding.Direction;
import io.github.netpol.finding.NamedPort;
import io.github.netpol.finding.Witness;
import io.github.netpol.finding.WorldFact;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Searches the described connections of one analysed version, symbolically, for a connection that
 * a side possibly blocks ({@link #blocked}) or that both sides possibly allow ({@link #allowed}).
 *
 * <p>A side region speaks from one namespace: the egress side of the source's namespace, or the
 * ingress side of the destination's. Without tier policies, namespaces without NetworkPolicies allow
 * everything on both sides, so only the finitely many namespaces with policies ({@code P}) need a frame
 * of their own; the others stay symbolic as peer names, or (when neither end has policies) one
 * representative each. With tier policies every namespace may be restricted: each listed name has its
 * frame, and fresh names stand for the unlisted ones (two, for two different unlisted namespaces).
 * "Both sides allow" joins two frames: a cube of the source's egress frame is re-tagged into the
 * destination's ingress frame (its local labels become peer labels, its peer labels local ones) and
 * intersected there.
 */
final class ConnectionSearch {

    private final AnalyzedVersion version;
    private final NamespaceUniverse universe;
    private final boolean everyNamespaceRestricted;
    private final Set<String> policyNamespaces;
    private final ValueSet withoutPolicies;

    ConnectionSearch(AnalyzedVersion version) {
        this.version = version;
        this.universe = version.universe();
        this.everyNamespaceRestricted = version.restrictsEveryNamespace();
        this.policyNamespaces = new TreeSet<>(version.namespaces());
        this.withoutPolicies = everyNamespaceRestricted ? ValueSet.of(Set.of()) : new ValueSet(true, policyNamespaces, false);
    }

    /** A described connection that the egress side of its source or the ingress side of its destination possibly blocks. */
    Optional<Witness> blocked(Described src, Described dst, PortSpec ports) {
        return blockedBy(Direction.EGRESS, src, src, dst, ports).or(() -> blockedBy(Direction.INGRESS, dst, src, dst, ports));
    }

    /** A described connection that one side ({@code local} is its end) possibly blocks, namespace by namespace. */
    private Optional<Witness> blockedBy(Direction side, Described local, Described src, Described dst, PortSpec ports) {
        if (local.isAddresses()) {
            return Optional.empty();
        }
        for (String ns : frames(local, 1)) {
            SideRegion r = universe.possible(described(ns, side, src, dst, ports, ValueSet.anyPresent())
                    .minus(version.side(ns, side).certainlyAllowed()));
            Optional<Witness> w = Witnesses.of(r, ns, universe);
            if (w.isPresent()) {
                return w;
            }
        }
        return Optional.empty();
    }

    /** A described connection that both sides possibly allow. */
    Optional<Witness> allowed(Described src, Described dst, PortSpec ports) {
        if (!src.isAddresses() && !dst.isAddresses()) {
            for (String s : frames(src, 1)) {
                for (String d : frames(dst, 2)) {
                    Optional<Witness> w = joint(s, d, src, dst, ports);
                    if (w.isPresent()) {
                        return w;
                    }
                }
            }
        }
        if (!src.isAddresses()) {
            // the destination has no policies (or is an address): only the source's egress side decides
            ValueSet peers = dst.isAddresses() ? ValueSet.anyPresent() : withoutPolicies;
            for (String s : candidates(src, 1)) {
                Optional<Witness> w = oneSide(s, Direction.EGRESS, src, dst, ports, peers);
                if (w.isPresent()) {
                    return w;
                }
            }
        }
        if (!dst.isAddresses()) {
            ValueSet peers = src.isAddresses() ? ValueSet.anyPresent() : withoutPolicies;
            for (String d : src.isAddresses() ? candidates(dst, 1) : frames(dst, 1)) {
                Optional<Witness> w = oneSide(d, Direction.INGRESS, src, dst, ports, peers);
                if (w.isPresent()) {
                    return w;
                }
            }
        }
        return Optional.empty();
    }

    private Optional<Witness> oneSide(String ns, Direction d, Described src, Described dst, PortSpec ports,
                                      ValueSet peers) {
        if (peers.isEmpty()) {
            return Optional.empty();
        }
        SideRegion r = universe.possible(described(ns, d, src, dst, ports, peers).intersect(version.side(ns, d).allowed()));
        return Witnesses.of(r, ns, universe);
    }

    /** Source namespace s and destination namespace d both have frames: join the two. */
    private Optional<Witness> joint(String s, String d, Described src, Described dst, PortSpec ports) {
        Region egress = universe.possible(described(s, Direction.EGRESS, src, dst, ports, ValueSet.of(d))
                .intersect(version.side(s, Direction.EGRESS).allowed())).pods();
        if (egress.isEmpty()) {
            return Optional.empty();
        }
        Region ingress = described(d, Direction.INGRESS, src, dst, ports, ValueSet.of(s)).pods()
                .intersect(version.side(d, Direction.INGRESS).allowed().pods());
        boolean same = s.equals(d);
        for (Cube a : egress.cubes()) {
            Cube moved = toIngressFrame(a, s, same);
            for (Cube b : ingress.cubes()) {
                Cube both = moved.intersect(b);
                if (!both.isEmpty()) {
                    Witness w = Witnesses.of(both, Direction.INGRESS, d, universe, false);
                    // facts only the egress side depends on (the destination's IP, names): read off its cube
                    Witness e = Witnesses.of(a.intersect(toEgressFrame(both, d, same)), Direction.EGRESS, s, universe, false);
                    return Optional.of(new Witness(w.source(), e.destination(), w.protocol(), w.port()));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * A cube of the egress frame of {@code source} (local = source pod, peer = destination pod) as a
     * cube of the destination's ingress frame (local = destination pod, peer = source pod). Facts only
     * the egress side depends on are left out.
     */
    static Cube toIngressFrame(Cube egress, String source, boolean sameNamespace) {
        Cube out = Cube.all().with(Dim.NAMESPACE_NAME, ValueSet.of(source));
        for (int i = 0; i < egress.size(); i++) {
            Dim target = swap(egress.dimAt(i), sameNamespace);
            if (target != null) {
                out = out.with(target, egress.setAt(i));
            }
        }
        return out;
    }

    /** The reverse: a cube of the destination's ingress frame in the source's egress frame. */
    private static Cube toEgressFrame(Cube ingress, String destination, boolean sameNamespace) {
        Cube out = Cube.all().with(Dim.NAMESPACE_NAME, ValueSet.of(destination));
        for (int i = 0; i < ingress.size(); i++) {
            Dim target = swap(ingress.dimAt(i), sameNamespace);
            if (target != null) {
                out = out.with(target, ingress.setAt(i));
            }
        }
        return out;
    }

    /** A dimension seen from the other end: local and peer labels trade places. */
    private static Dim swap(Dim dim, boolean sameNamespace) {
        return switch (dim.kind()) {
            case LOCAL_LABEL -> Dim.peerLabel(dim.key());
            case PEER_LABEL -> Dim.localLabel(dim.key());
            // one end's namespace labels are the other end's peer namespace labels, unless they share it
            case LOCAL_NAMESPACE_LABEL -> sameNamespace ? dim : Dim.namespaceLabel(dim.key());
            case NAMESPACE_LABEL -> sameNamespace ? dim : Dim.localNamespaceLabel(dim.key());
            case PROTOCOL, PORT, PORT_NAME -> dim;
            // the peer's name is set apart; facts only the egress side depends on are left out
            case NAMESPACE_NAME, IP, PEER_POD_IP, PEER_NODE, NODE_LABEL, DOMAIN, FACT -> null;
        };
    }

    /**
     * The described connections as seen from namespace {@code ns} for direction {@code d} (the local
     * pod is the source for egress, the destination for ingress), with the peer's namespace among
     * {@code peerNames}. Constraints on {@code ns}'s labels, from the local end and from a peer in it, meet
     * in its local namespace labels.
     */
    SideRegion described(String ns, Direction d, Described src, Described dst, PortSpec ports, ValueSet peerNames) {
        Described local = d == Direction.EGRESS ? src : dst;
        Described peer = d == Direction.EGRESS ? dst : src;
        Region base = Region.of(SideBuilder.labelCube(Dim.Kind.LOCAL_LABEL, local.podLabels()).intersect(ports.cube()))
                .intersect(portNames(dst)).intersect(universe.asLocalNamespace(local.where(), ns));
        if (peer.isAddresses()) {
            // an assertion's ipBlock is addresses outside the cluster: not a node, the API server or a Cilium
            // endpoint, which Cilium policies tell apart (other kinds never constrain what the address is)
            return new SideRegion(d, Region.empty(), base.intersect(Cube.all().with(Dim.IP, peer.addresses())
                    .with(Dim.fact(WorldFact.ADDRESS_KIND), ValueSet.of(WorldFact.WORLD))));
        }
        Region elsewhere = peer.where().intersect(names(peerNames.minus(ValueSet.of(ns))));
        Region here = peerNames.containsValue(ns)
                ? universe.asLocalNamespace(peer.where(), ns).intersect(names(ValueSet.of(ns))) : Region.empty();
        Region pods = base.intersect(elsewhere.union(here))
                .intersect(SideBuilder.labelCube(Dim.Kind.PEER_LABEL, peer.podLabels()));
        return new SideRegion(d, pods, Region.empty());
    }

    /** The name the destination gives the port: none for an address, free for described pods, fixed for a workload. */
    private static Region portNames(Described dst) {
        Cube unnamed = Cube.all().with(Dim.PORT_NAME, ValueSet.onlyAbsent());
        if (dst.isAddresses()) {
            return Region.of(unnamed);
        }
        if (dst.namedPorts() == null) {
            return Region.all();
        }
        List<Cube> named = new ArrayList<>();
        List<Cube> covered = new ArrayList<>();
        for (NamedPort p : dst.namedPorts()) {
            Cube port = Cube.all().with(Dim.PROTOCOL, ValueSet.of(p.protocol()))
                    .with(Dim.PORT, IntervalSet.of(p.port(), p.port()));
            covered.add(port);
            named.add(port.with(Dim.PORT_NAME, ValueSet.of(p.name())));
        }
        return new Region(named).union(Region.of(unnamed).minus(new Region(covered)));
    }

    /**
     * The namespaces whose frames an end needs: with tier policies every candidate (each may be restricted),
     * else the namespaces with policies that the end admits.
     */
    private List<String> frames(Described end, int fresh) {
        return everyNamespaceRestricted ? candidates(end, fresh)
                : policyNamespaces.stream().filter(ns -> admits(end, ns)).toList();
    }

    /**
     * Namespaces for an end's own frame: those with policies it admits, then representatives of the
     * rest (every listed name, and up to {@code fresh} fresh names standing for all unlisted ones, whose
     * labels are free).
     */
    private List<String> candidates(Described end, int fresh) {
        List<String> out = new ArrayList<>(policyNamespaces.stream().filter(ns -> admits(end, ns)).toList());
        Set<String> taken = new TreeSet<>(policyNamespaces);
        taken.addAll(universe.fixedNames());
        boolean unlisted = false;
        ValueSet others = everyNamespaceRestricted ? new ValueSet(true, policyNamespaces, false) : withoutPolicies;
        for (Cube c : end.where().intersect(names(others)).cubes()) {
            ValueSet n = (ValueSet) c.get(Dim.NAMESPACE_NAME);
            if (n.cofinite()) {
                taken.addAll(n.values());
                unlisted = true;
            } else {
                new TreeSet<>(n.values()).stream().filter(v -> !out.contains(v)).forEach(out::add);
            }
        }
        if (unlisted) {
            taken.addAll(out);
            for (int i = 0; i < fresh; i++) {
                String name = ValueSet.fresh(taken);
                out.add(name);
                taken.add(name);
            }
        }
        return out;
    }

    private static boolean admits(Described end, String ns) {
        return !end.where().intersect(names(ValueSet.of(ns))).isEmpty();
    }

    private static Cube names(ValueSet names) {
        return Cube.all().with(Dim.NAMESPACE_NAME, names);
    }
}
