package io.github.netpol.assertions;

import io.github.netpol.analysis.AnalyzedVersion;
import io.github.netpol.analysis.Cube;
import io.github.netpol.analysis.Dim;
import io.github.netpol.analysis.DimSet;
import io.github.netpol.analysis.IntervalSet;
import io.github.netpol.analysis.NamespaceUniverse;
import io.github.netpol.analysis.Region;
import io.github.netpol.analysis.SideBuilder;
import io.github.netpol.analysis.SideRegion;
import io.github.netpol.analysis.ValueSet;
import io.github.netpol.analysis.Witnesses;
import io.github.netpol.finding.Direction;
import io.github.netpol.finding.Endpoint;
import io.github.netpol.finding.NamedPort;
import io.github.netpol.finding.Witness;
import io.github.netpol.model.NamespaceManifest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Searches the described connections of one analysed version, symbolically, for a connection that
 * a side blocks ({@link #blocked}) or that both sides allow ({@link #allowed}).
 *
 * <p>A side region speaks from one namespace: the egress side of the source's namespace, or the
 * ingress side of the destination's. Namespaces without policies allow everything on both sides,
 * so only the finitely many namespaces with policies ({@code P}) need a frame of their own; the
 * others stay symbolic as peer names, or (when neither end has policies) one representative each.
 * "Both sides allow" joins two frames: a cube of the source's egress frame is re-tagged into the
 * destination's ingress frame (its local labels become peer labels, its peer labels local ones)
 * and intersected there.
 */
final class ConnectionSearch {

    private final AnalyzedVersion version;
    private final NamespaceUniverse universe;
    private final Set<String> policyNamespaces;
    private final ValueSet withoutPolicies;

    ConnectionSearch(AnalyzedVersion version) {
        this.version = version;
        this.universe = version.universe();
        this.policyNamespaces = new TreeSet<>(version.namespaces());
        this.withoutPolicies = new ValueSet(true, policyNamespaces, false);
    }

    /** A described connection that the egress side of its source or the ingress side of its destination blocks. */
    Optional<Witness> blocked(Described src, Described dst, PortSpec ports) {
        return blockedBy(Direction.EGRESS, src, src, dst, ports).or(() -> blockedBy(Direction.INGRESS, dst, src, dst, ports));
    }

    /** A described connection that one side ({@code local} is its end) blocks, namespace by namespace. */
    private Optional<Witness> blockedBy(Direction side, Described local, Described src, Described dst, PortSpec ports) {
        if (local.isAddresses()) {
            return Optional.empty();
        }
        for (String ns : policyNamespaces(local)) {
            SideRegion r = described(ns, side, src, dst, ports, ValueSet.anyPresent())
                    .minus(version.side(ns, side).allowed());
            Optional<Witness> w = witness(r, ns, local);
            if (w.isPresent()) {
                return w;
            }
        }
        return Optional.empty();
    }

    /** A described connection that both sides allow. */
    Optional<Witness> allowed(Described src, Described dst, PortSpec ports) {
        if (!src.isAddresses() && !dst.isAddresses()) {
            for (String s : policyNamespaces(src)) {
                for (String d : policyNamespaces(dst)) {
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
            for (String s : candidates(src)) {
                Optional<Witness> w = oneSide(s, Direction.EGRESS, src, dst, ports, peers);
                if (w.isPresent()) {
                    return w;
                }
            }
        }
        if (!dst.isAddresses()) {
            ValueSet peers = src.isAddresses() ? ValueSet.anyPresent() : withoutPolicies;
            List<String> namespaces = src.isAddresses() ? candidates(dst) : policyNamespaces(dst);
            for (String d : namespaces) {
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
        SideRegion r = described(ns, d, src, dst, ports, peers).intersect(version.side(ns, d).allowed());
        return witness(r, ns, d == Direction.EGRESS ? src : dst);
    }

    /** Source namespace s and destination namespace d both have policies: join the two frames. */
    private Optional<Witness> joint(String s, String d, Described src, Described dst, PortSpec ports) {
        Region egress = described(s, Direction.EGRESS, src, dst, ports, ValueSet.of(d)).pods()
                .intersect(version.side(s, Direction.EGRESS).allowed().pods());
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
                    // the destination's namespace labels live only in the egress frame
                    return Optional.of(same || universe.isFixed(d) ? w
                            : withLocalNamespaceLabels(w, Direction.INGRESS, d, Witnesses.labels(a, Dim.Kind.NAMESPACE_LABEL)));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * A cube of the egress frame of {@code source} (local = source pod, peer = destination pod) as a
     * cube of the destination's ingress frame (local = destination pod, peer = source pod). The
     * destination's namespace labels have no place there and are dropped unless both ends share the
     * namespace, in which case they are the source's namespace labels too.
     */
    static Cube toIngressFrame(Cube egress, String source, boolean sameNamespace) {
        Cube out = Cube.all().with(Dim.NAMESPACE_NAME, ValueSet.of(source));
        for (Map.Entry<Dim, DimSet> e : egress.sets().entrySet()) {
            Dim dim = e.getKey();
            Dim target = switch (dim.kind()) {
                case LOCAL_LABEL -> Dim.peerLabel(dim.key());
                case PEER_LABEL -> Dim.localLabel(dim.key());
                case NAMESPACE_LABEL -> sameNamespace ? dim : null;
                case PROTOCOL, PORT, PORT_NAME -> dim;
                case NAMESPACE_NAME, IP -> null;
            };
            if (target != null) {
                out = out.with(target, e.getValue());
            }
        }
        return out;
    }

    /**
     * The described connections as seen from namespace {@code ns} for direction {@code d} (the local
     * pod is the source for egress, the destination for ingress), with the peer's namespace among
     * {@code peerNames}. When the peer shares the local namespace, both ends' constraints on that
     * namespace's labels apply.
     */
    SideRegion described(String ns, Direction d, Described src, Described dst, PortSpec ports, ValueSet peerNames) {
        Described local = d == Direction.EGRESS ? src : dst;
        Described peer = d == Direction.EGRESS ? dst : src;
        Region base = Region.of(SideBuilder.labelCube(Dim.Kind.LOCAL_LABEL, local.podLabels()).intersect(ports.cube()))
                .intersect(portNames(dst));
        if (peer.isAddresses()) {
            return new SideRegion(d, Region.empty(), base.intersect(Cube.all().with(Dim.IP, peer.addresses())));
        }
        Region elsewhere = Region.of(names(new ValueSet(true, Set.of(ns), false)));
        Region here = local.where().intersect(names(ValueSet.of(ns)));
        Region where = peer.where().intersect(names(peerNames)).intersect(elsewhere.union(here));
        Region pods = base.intersect(where).intersect(SideBuilder.labelCube(Dim.Kind.PEER_LABEL, peer.podLabels()));
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

    /** Namespaces with policies that the end admits. */
    private List<String> policyNamespaces(Described end) {
        return policyNamespaces.stream().filter(ns -> admits(end, ns)).toList();
    }

    /**
     * Namespaces for an end's own frame: those with policies it admits, then representatives of the
     * rest (every listed name, and one fresh name standing for all unlisted ones, whose sides allow
     * everything and whose labels are free).
     */
    private List<String> candidates(Described end) {
        List<String> out = new ArrayList<>(policyNamespaces(end));
        Set<String> taken = new TreeSet<>(policyNamespaces);
        taken.addAll(universe.fixedNames());
        boolean fresh = false;
        for (Cube c : end.where().intersect(names(withoutPolicies)).cubes()) {
            ValueSet n = (ValueSet) c.get(Dim.NAMESPACE_NAME);
            if (n.cofinite()) {
                taken.addAll(n.values());
                fresh = true;
            } else {
                new TreeSet<>(n.values()).stream().filter(v -> !out.contains(v)).forEach(out::add);
            }
        }
        if (fresh) {
            taken.addAll(out);
            out.add(ValueSet.fresh(taken));
        }
        return out;
    }

    private static boolean admits(Described end, String ns) {
        return !end.where().intersect(names(ValueSet.of(ns))).isEmpty();
    }

    private static Cube names(ValueSet names) {
        return Cube.all().with(Dim.NAMESPACE_NAME, names);
    }

    /** A member of the region, the local pod's namespace given labels the end allows when they are free. */
    private Optional<Witness> witness(SideRegion r, String ns, Described local) {
        Optional<Witness> w = Witnesses.of(r, ns, universe);
        if (w.isEmpty() || universe.isFixed(ns)) {
            return w;
        }
        Endpoint peer = r.direction() == Direction.EGRESS ? w.get().destination() : w.get().source();
        if (peer instanceof Endpoint.Pod p && p.namespace().equals(ns)) {
            return w; // the peer's namespace labels are this namespace's, already consistent
        }
        Region here = local.where().intersect(names(ValueSet.of(ns)));
        Map<String, String> labels = here.isEmpty() ? Map.of() : Witnesses.labels(here.cubes().get(0), Dim.Kind.NAMESPACE_LABEL);
        return Optional.of(withLocalNamespaceLabels(w.get(), r.direction(), ns, labels));
    }

    private static Witness withLocalNamespaceLabels(Witness w, Direction d, String ns, Map<String, String> labels) {
        Map<String, String> all = new TreeMap<>(labels);
        all.put(NamespaceManifest.NAME_LABEL, ns);
        Endpoint.Pod local = (Endpoint.Pod) (d == Direction.EGRESS ? w.source() : w.destination());
        Endpoint.Pod fixed = new Endpoint.Pod(ns, all, local.podLabels(), local.namedPorts());
        return d == Direction.EGRESS
                ? new Witness(fixed, w.destination(), w.protocol(), w.port())
                : new Witness(w.source(), fixed, w.protocol(), w.port());
    }
}
