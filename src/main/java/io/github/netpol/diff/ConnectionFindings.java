package io.github.netpol.diff;

import io.github.netpol.analysis.IntervalSet;
import io.github.netpol.analysis.IpAddresses;
import io.github.netpol.analysis.NamespaceUniverse;
import io.github.netpol.analysis.SideComparison;
import io.github.netpol.analysis.connectivity.Connection;
import io.github.netpol.analysis.connectivity.ConnectivityResult;
import io.github.netpol.analysis.connectivity.Node;
import io.github.netpol.analysis.connectivity.PortSet;
import io.github.netpol.analysis.connectivity.WorkloadConnectivity;
import io.github.netpol.finding.Direction;
import io.github.netpol.finding.Endpoint;
import io.github.netpol.finding.Finding;
import io.github.netpol.finding.FindingCode;
import io.github.netpol.finding.Witness;
import io.github.netpol.model.ManifestSet;
import io.github.netpol.model.WorkloadManifest;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * {@code WIDENED_CONNECTION}: connections of declared workloads (present in both versions) that are
 * allowed now and were not before, where no policy side explains it, i.e. the change comes from changed
 * pod-template labels or ports. A workload whose labels, ports and namespace labels are unchanged can only
 * gain connections through a policy change, which the side findings already report with the rule at
 * fault; so only changed workloads are examined, and the work grows with them, not with all pairs.
 */
final class ConnectionFindings {

    private final ManifestSet old;
    private final ManifestSet current;
    private final NamespaceUniverse oldUniverse;
    private final NamespaceUniverse newUniverse;
    private final Map<String, SideComparison> sides;
    private final String acceptedFile;
    private final String idPrefix;
    /** Workloads of both versions, by id. */
    private final Set<String> inBoth = new HashSet<>();
    /** Workloads of both versions whose labels, ports or namespace labels differ: the only ones examined. */
    private final Set<String> changed = new HashSet<>();

    ConnectionFindings(ManifestSet old, ManifestSet current, NamespaceUniverse oldUniverse, NamespaceUniverse newUniverse,
                       List<SideComparison> sides, String acceptedFile, String idPrefix) {
        this.old = old;
        this.current = current;
        this.oldUniverse = oldUniverse;
        this.newUniverse = newUniverse;
        this.sides = new HashMap<>();
        sides.forEach(s -> this.sides.put(s.namespace() + "/" + s.direction().label(), s));
        this.acceptedFile = acceptedFile;
        this.idPrefix = idPrefix;
        Map<String, WorkloadManifest> before = new HashMap<>();
        old.workloads().forEach(w -> before.putIfAbsent(w.id(), w));
        for (WorkloadManifest w : current.workloads()) {
            WorkloadManifest was = before.get(w.id());
            if (was == null) {
                continue;
            }
            inBoth.add(w.id());
            if (!was.podLabels().equals(w.podLabels()) || !was.ports().equals(w.ports())
                    || !oldUniverse.labelsOf(w.namespace()).equals(newUniverse.labelsOf(w.namespace()))) {
                changed.add(w.id());
            }
        }
    }

    List<Finding> findings() {
        if (changed.isEmpty()) {
            return List.of();
        }
        // the two versions are independent: the old one on another core while this thread does the new one
        CompletableFuture<ConnectivityResult> before = CompletableFuture.supplyAsync(
                () -> WorkloadConnectivity.compute(old, oldUniverse, w -> changed.contains(w.id())));
        ConnectivityResult now = WorkloadConnectivity.compute(current, newUniverse, w -> changed.contains(w.id()));
        ConnectivityResult then = before.join();
        Map<String, PortSet> thenByPair = new HashMap<>();
        Map<String, List<Connection>> thenExternal = new HashMap<>();
        for (Connection c : then.connections()) {
            if (c.source() instanceof Node.External || c.destination() instanceof Node.External) {
                thenExternal.computeIfAbsent(externalKey(c), k -> new ArrayList<>()).add(c);
            } else {
                thenByPair.put(c.source().id() + "->" + c.destination().id(), c.ports());
            }
        }
        List<Finding> out = new ArrayList<>();
        for (Connection c : now.connections()) {
            if (!endpointsInBoth(c)) {
                continue;
            }
            if (c.source() instanceof Node.External || c.destination() instanceof Node.External) {
                externalWidening(c, thenExternal.getOrDefault(externalKey(c), List.of())).ifPresent(out::add);
            } else {
                PortSet gained = c.ports().minus(thenByPair.getOrDefault(c.source().id() + "->" + c.destination().id(),
                        PortSet.none()));
                unexplained(c, gained, null).ifPresent(out::add);
            }
        }
        return out;
    }

    private Optional<Finding> externalWidening(Connection c, List<Connection> before) {
        Node.External range = (Node.External) (c.source() instanceof Node.External ? c.source() : c.destination());
        BigInteger cursor = range.first();
        List<Connection> overlapping = before.stream().sorted((a, b) -> ext(a).first().compareTo(ext(b).first())).toList();
        for (Connection o : overlapping) {
            Node.External r = ext(o);
            if (r.last().compareTo(cursor) < 0 || r.first().compareTo(range.last()) > 0) {
                continue;
            }
            if (r.first().compareTo(cursor) > 0) {
                Optional<Finding> f = unexplained(c, c.ports(), cursor);
                if (f.isPresent()) {
                    return f;
                }
            }
            Optional<Finding> f = unexplained(c, c.ports().minus(o.ports()), r.first().max(cursor));
            if (f.isPresent()) {
                return f;
            }
            cursor = r.last().add(BigInteger.ONE);
        }
        return cursor.compareTo(range.last()) <= 0 ? unexplained(c, c.ports(), cursor) : Optional.empty();
    }

    /** A finding for the first gained port no side comparison accounts for, if any. */
    private Optional<Finding> unexplained(Connection c, PortSet gained, BigInteger address) {
        for (Map.Entry<String, IntervalSet> e : gained.byProtocol().entrySet()) {
            for (IntervalSet.Range r : e.getValue().ranges()) {
                int port = r.lo().intValue();
                Witness w = new Witness(endpoint(c.source(), address), endpoint(c.destination(), address), e.getKey(), port);
                if (!explainedBySides(w)) {
                    return Optional.of(finding(c, gained, w));
                }
            }
        }
        return Optional.empty();
    }

    private boolean explainedBySides(Witness w) {
        if (w.destination() instanceof Endpoint.Pod dst) {
            SideComparison in = sides.get(dst.namespace() + "/ingress");
            if (in != null && in.newlyAllowed().allows(dst, w.source(), w.protocol(), w.port())) {
                return true;
            }
        }
        if (w.source() instanceof Endpoint.Pod src) {
            SideComparison eg = sides.get(src.namespace() + "/egress");
            return eg != null && eg.newlyAllowed().allows(src, w.destination(), w.protocol(), w.port());
        }
        return false;
    }

    private Finding finding(Connection c, PortSet gained, Witness w) {
        String id = idPrefix + FindingCode.WIDENED_CONNECTION.findingId(c.source().id(), c.destination().id());
        WorkloadManifest changedOne = c.destination() instanceof Node.Workload d && changed.contains(d.id())
                ? d.workload() : ((Node.Workload) c.source()).workload();
        String message = c.source().text() + " => " + c.destination().text() + " is newly allowed on " + gained.text()
                + " although no policy rule changed for it: the pod-template labels, ports or namespace labels of "
                + changedOne.id() + " changed. Example: " + w.describe() + ". If this is not intended, restore the labels;"
                + " if it is, accept it in " + acceptedFile + " with '- id: " + id + "' and a reason.";
        return Finding.of(FindingCode.WIDENED_CONNECTION, message).withId(id).withNamespace(changedOne.namespace())
                .withDirection(c.destination() instanceof Node.Workload ? Direction.INGRESS : Direction.EGRESS)
                .at(changedOne.origin().at("/spec/template/metadata/labels")).withWitness(w, true);
    }

    private Endpoint endpoint(Node node, BigInteger address) {
        if (node instanceof Node.External) {
            return new Endpoint.Ip(IpAddresses.format(Objects.requireNonNull(address)));
        }
        WorkloadManifest w = ((Node.Workload) node).workload();
        return new Endpoint.Pod(w.namespace(), newUniverse.labelsOf(w.namespace()), w.podLabels(), w.namedPorts());
    }

    private boolean endpointsInBoth(Connection c) {
        return (c.source() instanceof Node.External || inBoth.contains(c.source().id()))
                && (c.destination() instanceof Node.External || inBoth.contains(c.destination().id()));
    }

    private static String externalKey(Connection c) {
        return c.source() instanceof Node.External ? "from-outside->" + c.destination().id() : c.source().id() + "->outside";
    }

    private static Node.External ext(Connection c) {
        return (Node.External) (c.source() instanceof Node.External ? c.source() : c.destination());
    }
}
