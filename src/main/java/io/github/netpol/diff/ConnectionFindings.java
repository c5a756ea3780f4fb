package io.github.netpol.diff;

import io.github.netpol.analysis.AnalysisOptions;
import io.github.netpol.analysis.IntervalSet;
import io.github.netpol.analysis.IpAddresses;
import io.github.netpol.analysis.NamespaceUniverse;
import io.github.netpol.analysis.SideAnalysis;
import io.github.netpol.analysis.SideComparison;
import io.github.netpol.model.semantics.TierPolicy;
import io.github.netpol.analysis.TierDecision;
import io.github.netpol.analysis.AnalyzedVersion;
import io.github.netpol.analysis.connectivity.Connection;
import io.github.netpol.analysis.connectivity.ConnectivityResult;
import io.github.netpol.analysis.connectivity.Node;
import io.github.netpol.analysis.connectivity.PortSet;
import io.github.netpol.analysis.connectivity.Verdict;
import io.github.netpol.analysis.connectivity.WorkloadConnectivity;
import io.github.netpol.finding.Direction;
import io.github.netpol.finding.Endpoint;
import io.github.netpol.finding.Finding;
import io.github.netpol.finding.FindingCode;
import io.github.netpol.finding.SourcePosition;
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
    private final ChangeContext context;
    /** The baseline's verdict on whole connections: an example it allowed already proves nothing. */
    private final EffectiveCheck before;
    /** Workloads of both versions, by id. */
    private final Set<String> inBoth = new HashSet<>();
    /** The baseline's workloads of both versions, by id. */
    private final Map<String, WorkloadManifest> beforeById = new HashMap<>();
    /** Workloads of both versions whose labels, ports or namespace labels differ: the only ones examined. */
    private final Set<String> changed = new HashSet<>();
    private final AnalysisOptions options;
    /** Whether either version has tier policies: connections then carry what is certain and what is possible. */
    private final boolean tiers;
    private final AnalyzedVersion analyzedOld;
    private final AnalyzedVersion analyzedCurrent;

    ConnectionFindings(ManifestSet old, ManifestSet current, NamespaceUniverse oldUniverse, NamespaceUniverse newUniverse,
                       AnalysisOptions options, List<SideComparison> sides, ChangeContext context,
                       EffectiveCheck baseline, AnalyzedVersion analyzedOld, AnalyzedVersion analyzedCurrent) {
        this.analyzedOld = analyzedOld;
        this.analyzedCurrent = analyzedCurrent;
        this.old = old;
        this.options = options;
        this.tiers = old.hasTierPolicies() || current.hasTierPolicies();
        this.current = current;
        this.oldUniverse = oldUniverse;
        this.newUniverse = newUniverse;
        this.sides = new HashMap<>();
        sides.forEach(s -> this.sides.put(s.namespace() + "/" + s.direction().label(), s));
        this.context = context;
        this.before = baseline;
        // each id made once and each namespace's labels compared once: this runs over every workload of both versions
        Map<String, WorkloadManifest> before = new HashMap<>(2 * old.workloads().size());
        old.workloads().forEach(w -> before.putIfAbsent(w.id(), w));
        Map<String, Boolean> relabelled = new HashMap<>();
        for (WorkloadManifest w : current.workloads()) {
            String id = w.id();
            WorkloadManifest was = before.get(id);
            if (was == null) {
                continue;
            }
            inBoth.add(id);
            beforeById.put(id, was);
            if (!was.podLabels().equals(w.podLabels()) || !was.ports().equals(w.ports())
                    || relabelled.computeIfAbsent(w.namespace(),
                            ns -> !oldUniverse.labelsOf(ns).equals(newUniverse.labelsOf(ns)))) {
                changed.add(id);
            }
        }
    }

    List<Finding> findings() {
        if (changed.isEmpty()) {
            return List.of();
        }
        if (!old.ciliumPolicies().isEmpty() || !current.ciliumPolicies().isEmpty()) {
            // the analyses at hand list what they refuse: no need to read the Cilium policies again
            return !tiers && analyzedOld.cilium().refused().isEmpty() && analyzedCurrent.cilium().refused().isEmpty()
                    ? cilium() : notCovered();
        }
        // the two versions are independent: the old one on another core while this thread does the new one
        CompletableFuture<ConnectivityResult> before = CompletableFuture.supplyAsync(
                () -> WorkloadConnectivity.compute(old, oldUniverse, options, w -> changed.contains(w.id())));
        ConnectivityResult now = WorkloadConnectivity.compute(current, newUniverse, options, w -> changed.contains(w.id()));
        ConnectivityResult then = before.join();
        Map<String, PortSet> thenByPair = new HashMap<>();
        Map<String, List<Connection>> thenExternal = new HashMap<>();
        for (Connection c : then.connections()) {
            if (c.source() instanceof Node.External || c.destination() instanceof Node.External) {
                thenExternal.computeIfAbsent(externalKey(c), k -> new ArrayList<>()).add(c);
            } else {
                thenByPair.put(c.source().id() + "->" + c.destination().id(), c.certainPorts());
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

    /**
     * With Cilium policies the analysis does not read (or beside tier policies) in either version, a changed
     * workload's connections cannot be compared, so each changed workload fails closed.
     */
    private List<Finding> notCovered() {
        List<Finding> out = new ArrayList<>();
        for (WorkloadManifest w : current.workloads()) {
            if (!changed.contains(w.id())) {
                continue;
            }
            String id = context.idPrefix() + FindingCode.WIDENED_CONNECTION.findingId(w.id(), "*");
            Finding.Parts parts = new Finding.Parts(
                    "The pod-template labels, ports or namespace labels of " + w.id() + " changed.",
                    "The per-workload comparison that finds the connections such a change opens cannot evaluate "
                            + "the Cilium policies (CiliumNetworkPolicy, CiliumClusterwideNetworkPolicy) of these"
                            + " versions (some are not analysed, or they stand beside Admin- or Baseline-tier"
                            + " policies), so it cannot tell whether this change widens access; the check fails"
                            + " closed.",
                    null, context.advice("restore the labels"));
            out.add(Finding.explained(FindingCode.WIDENED_CONNECTION, parts).withId(id).withNamespace(w.namespace())
                    .withFix(ChangeContext.acceptanceEntry(id))
                    .at(w.origin().at("/spec/template/metadata/labels")));
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
                Optional<Finding> f = unexplained(c, c.ports(), IntervalSet.of(cursor, r.first().subtract(BigInteger.ONE)));
                if (f.isPresent()) {
                    return f;
                }
            }
            Optional<Finding> f = unexplained(c, c.ports().minus(o.certainPorts()),
                    IntervalSet.of(r.first().max(cursor), r.last().min(range.last())));
            if (f.isPresent()) {
                return f;
            }
            cursor = r.last().add(BigInteger.ONE);
        }
        return cursor.compareTo(range.last()) <= 0 ? unexplained(c, c.ports(), IntervalSet.of(cursor, range.last()))
                : Optional.empty();
    }

    /**
     * A finding for the first gained port no side comparison accounts for, if any; a port the destination declares
     * first. {@code addresses} are the external addresses (all alike for this connection) an example is taken from.
     */
    private Optional<Finding> unexplained(Connection c, PortSet gained, IntervalSet addresses) {
        BigInteger address = addresses == null ? null : IpAddresses.example(addresses).orElseThrow();
        for (Map.Entry<String, IntervalSet> e : gained.byProtocol().entrySet()) {
            for (int port : candidatePorts(c, e.getKey(), e.getValue())) {
                Witness w = new Witness(endpoint(c.source(), address), endpoint(c.destination(), address), e.getKey(), port);
                // with tier policies the listed baseline is already what it certainly allowed in every world the
                // manifests leave open; one example world allowing it proves nothing then
                if (!explainedBySides(w) && (tiers || !before.allowsWhole(asBefore(w)))) {
                    return Optional.of(finding(c, gained, w));
                }
            }
        }
        return Optional.empty();
    }

    /** The ports of one protocol tried for an example: those the destination declares, then the first of each range. */
    private static List<Integer> candidatePorts(Connection c, String protocol, IntervalSet ports) {
        List<Integer> out = new ArrayList<>();
        if (c.destination() instanceof Node.Workload d) {
            d.workload().ports().stream().filter(p -> p.protocol().equals(protocol))
                    .filter(p -> ports.containsValue(BigInteger.valueOf(p.port()))).forEach(p -> out.add(p.port()));
        }
        ports.ranges().forEach(r -> {
            if (!out.contains(r.lo().intValue())) {
                out.add(r.lo().intValue());
            }
        });
        return out;
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

    /**
     * The workload (or Namespace) whose labels or ports changed is the cause and where the finding points; the rules
     * that now let the connection through, on each side, are the effect.
     */
    private Finding finding(Connection c, PortSet gained, Witness w) {
        WorkloadManifest changedOne = c.destination() instanceof Node.Workload d && changed.contains(d.id())
                ? d.workload() : ((Node.Workload) c.source()).workload();
        String ports = gained.text().equals("All Connections") ? "every port of every protocol" : gained.text();
        return finding(c.source().id(), c.destination().id(), changedOne, words(c.source()), words(c.destination()),
                ports, c.verdicts().isEmpty() ? deciders(w) : tierDeciders(c, w), w, c.destination() instanceof Node.Workload);
    }

    /**
     * @param ports         the ports gained, in words
     * @param deciders      what lets it through now on each side, in words
     * @param toWorkload    whether the destination is a workload (else an address)
     */
    private Finding finding(String sourceId, String destinationId, WorkloadManifest changedOne, String sourceWords,
                            String destinationWords, String ports, String deciders, Witness w, boolean toWorkload) {
        String id = context.idPrefix() + FindingCode.WIDENED_CONNECTION.findingId(sourceId, destinationId);
        ChangeContext.Relabelled relabelled = context.relabelled().get(changedOne.namespace());
        WorkloadManifest before = beforeById.get(changedOne.id());
        boolean templateChanged = before != null && (!before.podLabels().equals(changedOne.podLabels())
                || !before.ports().equals(changedOne.ports()));
        String cause;
        SourcePosition where;
        if (templateChanged || relabelled == null) {
            cause = "The pod template of " + changedOne.kind() + " " + changedOne.namespace() + "/" + changedOne.name()
                    + " changed: " + templateChange(before, changedOne) + ".";
            where = changedOne.origin().at("/spec/template/metadata/labels");
            if (changedOne.kind().equals("Pod")) {
                cause = cause.replace("The pod template of Pod", "Pod");
                where = changedOne.origin().at("/metadata/labels");
            }
        } else {
            cause = relabelled.describe();
            where = relabelled.now().origin().at("/metadata/labels");
        }
        String effect = sourceWords + " can now connect to " + destinationWords + " on " + ports
                + ", although no policy changed for it: " + deciders + ".";
        String undo = templateChanged || relabelled == null ? "restore the labels or ports" : "restore the Namespace's labels";
        return Finding.explained(FindingCode.WIDENED_CONNECTION, new Finding.Parts(cause, effect, w.describe(),
                        context.advice(undo)))
                .withId(id).withNamespace(changedOne.namespace())
                .withDirection(toWorkload ? Direction.INGRESS : Direction.EGRESS)
                .at(where).withWitness(w, true).withFix(ChangeContext.acceptanceEntry(id));
    }

    /**
     * With Cilium policies: each changed workload against every declared workload of both versions and against
     * addresses, point by point ({@link CiliumWorkloadChanges}); a search too large for that fails closed.
     */
    private List<Finding> cilium() {
        CiliumWorkloadChanges search = new CiliumWorkloadChanges(analyzedOld, analyzedCurrent, beforeById, sides);
        List<Finding> out = new ArrayList<>();
        Set<String> pairs = new HashSet<>();
        for (WorkloadManifest w : current.workloads()) {
            if (!changed.contains(w.id())) {
                continue;
            }
            try {
                for (WorkloadManifest p : current.workloads()) {
                    if (p.id().equals(w.id()) || !inBoth.contains(p.id())) {
                        continue;
                    }
                    for (WorkloadManifest[] pair : List.of(new WorkloadManifest[] {w, p}, new WorkloadManifest[] {p, w})) {
                        if (pairs.add(pair[0].id() + "->" + pair[1].id())) {
                            search.between(pair[0], pair[1]).ifPresent(g -> out.add(ciliumFinding(g)));
                        }
                    }
                }
                for (Direction d : Direction.values()) {
                    search.external(w, d).ifPresent(g -> out.add(ciliumFinding(g)));
                }
            } catch (IllegalStateException tooMany) {
                out.addAll(notCovered().stream().filter(f -> f.id().contains(w.id())).toList());
            }
        }
        return out;
    }

    private Finding ciliumFinding(CiliumWorkloadChanges.Gain g) {
        Witness w = g.witness();
        WorkloadManifest changedOne = g.destination() != null && changed.contains(g.destination().id())
                ? g.destination() : g.source();
        String sourceId = g.source() == null ? "outside" : g.source().id();
        String destinationId = g.destination() == null ? "outside" : g.destination().id();
        String sourceWords = g.source() == null ? Witness.describe(w.source()) : workloadWords(g.source());
        String destinationWords = g.destination() == null ? Witness.describe(w.destination())
                : workloadWords(g.destination());
        List<String> deciders = new ArrayList<>();
        if (w.destination() instanceof Endpoint.Pod dst) {
            deciders.add(ciliumDecider(dst, w.source(), w, Direction.INGRESS));
        }
        if (w.source() instanceof Endpoint.Pod src) {
            deciders.add(ciliumDecider(src, w.destination(), w, Direction.EGRESS));
        }
        return finding(sourceId, destinationId, changedOne, sourceWords, destinationWords,
                w.protocol() + " " + w.port() + " (for example)", String.join("; ", deciders), w, g.destination() != null);
    }

    private static String workloadWords(WorkloadManifest w) {
        return w.kind() + " " + w.namespace() + "/" + w.name();
    }

    /** The Cilium rule, NetworkPolicy rule or default that lets the example through on one side. */
    private String ciliumDecider(Endpoint.Pod local, Endpoint peer, Witness w, Direction d) {
        SideComparison side = sides.get(local.namespace() + "/" + d.label());
        SideAnalysis s = side != null ? side.newSide() : analyzedCurrent.side(local.namespace(), d);
        for (TierDecision decision : s.tiers().decisions()) {
            if (decision.rule().action() == TierPolicy.Action.ACCEPT
                    && decision.region().allows(local, peer, w.protocol(), w.port(), w.facts())) {
                return "rule " + decision.rule().label() + " of " + decision.rule().policyDescription() + " ("
                        + decision.rule().location() + ") " + (d == Direction.INGRESS ? "admits it into "
                        + Witness.describe(local) : "lets " + Witness.describe(local) + " send it");
            }
        }
        return decider(s, local, peer, w, d);
    }

    /** {@code Deployment shop/web}, {@code addresses 10.0.0.0/8}. */
    private static String words(Node node) {
        if (node instanceof Node.Workload w) {
            return w.workload().kind() + " " + w.workload().namespace() + "/" + w.workload().name();
        }
        Node.External e = (Node.External) node;
        return "addresses " + IpAddresses.describe(IntervalSet.of(e.first(), e.last()));
    }

    /** What changed in a workload's pod template: its labels, its ports. */
    private static String templateChange(WorkloadManifest before, WorkloadManifest now) {
        List<String> out = new ArrayList<>();
        if (before == null || !before.podLabels().equals(now.podLabels())) {
            out.add("its labels are now " + SideFindings.labels(now.podLabels())
                    + (before == null ? "" : " (before: " + SideFindings.labels(before.podLabels()) + ")"));
        }
        if (before != null && !before.ports().equals(now.ports())) {
            out.add("its container ports are now " + ports(now) + " (before: " + ports(before) + ")");
        }
        return String.join("; ", out);
    }

    private static String ports(WorkloadManifest w) {
        return w.ports().isEmpty() ? "none" : w.ports().stream()
                .map(p -> (p.name() == null ? "" : p.name() + ": ") + p.protocol() + " " + p.port())
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /**
     * With tier policies, what decided each side for the example's port, and whether that rests on something the
     * manifests leave open.
     */
    private static String tierDeciders(Connection c, Witness w) {
        for (Verdict v : c.verdicts()) {
            IntervalSet ports = v.ports().byProtocol().get(w.protocol());
            if (ports != null && ports.containsValue(BigInteger.valueOf(w.port()))) {
                return (v.certain() ? "" : "possibly (the manifests leave open equal priorities, a pod's IP in a"
                        + " networks CIDR, node addresses or DNS names, and some choice allows it), ") + v.decidedBy();
            }
        }
        return "no side decided it";
    }

    /** The rule of each side that lets the example through now, or that the pod is not isolated there. */
    private String deciders(Witness w) {
        List<String> out = new ArrayList<>();
        if (w.destination() instanceof Endpoint.Pod dst) {
            out.add(decider(sides.get(dst.namespace() + "/ingress"), dst, w.source(), w, Direction.INGRESS));
        }
        if (w.source() instanceof Endpoint.Pod src) {
            out.add(decider(sides.get(src.namespace() + "/egress"), src, w.destination(), w, Direction.EGRESS));
        }
        return String.join("; ", out);
    }

    private static String decider(SideComparison side, Endpoint.Pod local, Endpoint peer, Witness w, Direction d) {
        return decider(side == null ? null : side.newSide(), local, peer, w, d);
    }

    /** The NetworkPolicy rule that lets the example through on one side, or that the pod is not isolated there. */
    private static String decider(SideAnalysis side, Endpoint.Pod local, Endpoint peer, Witness w, Direction d) {
        if (side != null) {
            for (SideAnalysis.PolicyRuleRegion r : side.rules()) {
                if (r.region().allows(local, peer, w.protocol(), w.port(), w.facts())) {
                    String rule = r.rule().describe();
                    return "rule " + rule.substring(rule.indexOf(' ') + 1) + " of NetworkPolicy " + r.rule().policy().key()
                            + " (" + r.rule().location() + ") " + (d == Direction.INGRESS ? "admits it into "
                            + Witness.describe(local) : "lets " + Witness.describe(local) + " send it");
                }
            }
        }
        return Witness.describe(local) + " is not isolated for " + d.label();
    }

    private Endpoint endpoint(Node node, BigInteger address) {
        if (node instanceof Node.External) {
            return new Endpoint.Ip(IpAddresses.format(Objects.requireNonNull(address)));
        }
        WorkloadManifest w = ((Node.Workload) node).workload();
        return new Endpoint.Pod(w.namespace(), newUniverse.labelsOf(w.namespace()), w.podLabels(), w.namedPorts(), w.id());
    }

    /**
     * The example as the baseline saw it: the workloads with their labels and ports and their namespaces with their
     * labels in the baseline. (The listed connectivity of the baseline can leave out an address family it has no
     * ipBlock for, so each example is also asked of the baseline's own sides.)
     */
    private Witness asBefore(Witness w) {
        return new Witness(before(w.source()), before(w.destination()), w.protocol(), w.port());
    }

    private Endpoint before(Endpoint e) {
        if (!(e instanceof Endpoint.Pod pod) || pod.workload() == null || !beforeById.containsKey(pod.workload())) {
            return e;
        }
        WorkloadManifest was = beforeById.get(pod.workload());
        return new Endpoint.Pod(was.namespace(), oldUniverse.labelsOf(was.namespace()), was.podLabels(), was.namedPorts(),
                was.id());
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
