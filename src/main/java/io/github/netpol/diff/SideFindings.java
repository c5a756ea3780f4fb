package io.github.netpol.diff;

import io.github.netpol.analysis.Cube;
import io.github.netpol.analysis.Dim;
import io.github.netpol.analysis.ValueSet;
import io.github.netpol.analysis.Region;
import io.github.netpol.analysis.RegionDescriber;
import io.github.netpol.analysis.SideAnalysis;
import io.github.netpol.analysis.SideComparison;
import io.github.netpol.analysis.SideRegion;
import io.github.netpol.analysis.Witnesses;
import io.github.netpol.finding.Direction;
import io.github.netpol.finding.Endpoint;
import io.github.netpol.finding.Finding;
import io.github.netpol.finding.FindingCode;
import io.github.netpol.finding.NamedPort;
import io.github.netpol.finding.SourcePosition;
import io.github.netpol.finding.Witness;
import io.github.netpol.model.PolicyManifest;
import io.github.netpol.model.semantics.PolicyTypes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The findings of one side (namespace, direction) of a comparison. */
final class SideFindings {

    /** How many cubes of a widened region are tried in search of an example the whole path allows. */
    private static final int EFFECTIVE_SEARCH_LIMIT = 64;

    private final SideComparison side;
    private final EffectiveCheck effective;
    private final String acceptedFile;
    private final String idPrefix;
    private final Map<String, PolicyManifest> currentPolicies;
    private final Map<String, PolicyManifest> firstInNamespace;
    private final Set<String> portNames;

    /**
     * @param idPrefix         what every finding id begins with: the environment and a colon, or nothing
     * @param currentPolicies  the new version's policies by {@code namespace/name}
     * @param firstInNamespace the new version's first policy of each namespace (where side-wide findings point)
     * @param portNames        every port name the new version's rules use
     */
    SideFindings(SideComparison side, EffectiveCheck effective, String acceptedFile, String idPrefix,
                 Map<String, PolicyManifest> currentPolicies, Map<String, PolicyManifest> firstInNamespace,
                 Set<String> portNames) {
        this.side = side;
        this.effective = effective;
        this.acceptedFile = acceptedFile;
        this.idPrefix = idPrefix;
        this.currentPolicies = currentPolicies;
        this.firstInNamespace = firstInNamespace;
        this.portNames = portNames;
    }

    List<Finding> findings() {
        List<Finding> out = new ArrayList<>();
        // the old policies that isolated what is open now: both kinds of finding name them
        List<Responsible> responsible = side.isolationDropped().isEmpty() ? List.of() : responsibleForDroppedIsolation();
        if (!side.newlyAllowed().isEmpty()) {
            widenings(out, responsible);
        }
        if (!responsible.isEmpty()) {
            isolationDropped(out, responsible);
        }
        if (!side.newlyDenied().isEmpty()) {
            narrowing(out);
        }
        if (!side.isolationAdded().isEmpty()) {
            isolationAdded(out);
        }
        return out;
    }

    private String ns() {
        return side.namespace();
    }

    private Direction dir() {
        return side.direction();
    }

    private void widenings(List<Finding> out, List<Responsible> responsible) {
        Map<String, List<SideComparison.Contribution>> byPolicy = new LinkedHashMap<>();
        List<SideComparison.Contribution> fromIsolation = new ArrayList<>();
        for (SideComparison.Contribution c : side.newlyAllowedContributions()) {
            if (c.rule() == null) {
                fromIsolation.add(c);
            } else {
                byPolicy.computeIfAbsent(c.rule().policy().name(), k -> new ArrayList<>()).add(c);
            }
        }
        FindingCode code = dir() == Direction.INGRESS ? FindingCode.WIDENED_INGRESS : FindingCode.WIDENED_EGRESS;
        byPolicy.forEach((policy, parts) -> {
            SideComparison.Contribution first = parts.get(0);
            Example ex = example(parts);
            String id = idPrefix + code.findingId(ns(), policy);
            String message = ns() + "/" + policy + " now allows more " + dir().label() + ": " + parts(parts)
                    + ". Newly allowed, for example: " + ex.witness.describe() + effectNote(ex.effective) + ". "
                    + fix(id, "narrow the rule");
            out.add(finding(code, id, message).at(first.rule().location()).withWitness(ex.witness, ex.effective));
        });
        if (!fromIsolation.isEmpty()) {
            Example ex = example(fromIsolation);
            for (Responsible r : responsible) {
                String id = idPrefix + code.findingId(ns(), r.policy.name());
                String message = r.what + ", so they now accept every " + (dir() == Direction.INGRESS ? "source" : "destination")
                        + ": " + fromIsolation.get(0).description() + ". Newly allowed, for example: "
                        + ex.witness.describe() + effectNote(ex.effective) + ". " + fix(id, r.fixHint);
                out.add(finding(code, id, message).at(r.location).withWitness(ex.witness, ex.effective));
            }
        }
    }

    private void isolationDropped(List<Finding> out, List<Responsible> responsible) {
        Endpoint.Pod pod = side.isolationDroppedWitness().orElseThrow();
        Witness connection = droppedIsolationExample(pod);
        for (Responsible r : responsible) {
            String id = idPrefix + FindingCode.ISOLATION_DROPPED.findingId(ns(), r.policy.name(), dir().label());
            String message = r.what + ": pods such as " + Witness.describe(pod) + " are no longer isolated for "
                    + dir().label() + ", so every " + (dir() == Direction.INGRESS ? "source" : "destination")
                    + " may reach them, e.g. " + connection.describe() + ". " + fix(id, r.fixHint);
            out.add(finding(FindingCode.ISOLATION_DROPPED, id, message).at(r.location).withWitness(connection, null));
        }
    }

    /**
     * A connection of a pod that lost its isolation: one the new version newly allows if there is one
     * (the most telling example), else any connection of the example pod, which the side now lets through.
     */
    private Witness droppedIsolationExample(Endpoint.Pod pod) {
        Region dropped = side.isolationDropped();
        SideRegion newly = side.newlyAllowed();
        SideRegion ofDroppedPods = new SideRegion(dir(), newly.pods().intersect(dropped), newly.ips().intersect(dropped));
        return Witnesses.of(ofDroppedPods, ns(), side.newSide().universe()).orElseGet(() -> {
            Endpoint.Ip outside = new Endpoint.Ip("192.0.2.1");
            return dir() == Direction.INGRESS ? new Witness(outside, pod, "TCP", 1) : new Witness(pod, outside, "TCP", 1);
        });
    }

    private void narrowing(List<Finding> out) {
        FindingCode code = dir() == Direction.INGRESS ? FindingCode.NARROWED_INGRESS : FindingCode.NARROWED_EGRESS;
        SideRegion denied = side.newlyDenied();
        Witness w = side.newlyDeniedWitness().orElseThrow();
        String message = dir().label() + " of " + ns() + " narrowed, no longer: " + RegionDescriber.describe(denied, ns())
                + ". For example " + w.describe() + " is not allowed any more.";
        out.add(finding(code, idPrefix + code.findingId(ns()), message).at(anyLocation()).withWitness(w, null));
    }

    private void isolationAdded(List<Finding> out) {
        FindingCode code = FindingCode.ISOLATION_ADDED;
        Endpoint.Pod pod = side.isolationAddedWitness().orElseThrow();
        String message = "pods such as " + Witness.describe(pod) + " are now isolated for " + dir().label()
                + ": only what the policies allow reaches " + (dir() == Direction.INGRESS ? "them." : "out of them.");
        out.add(finding(code, idPrefix + code.findingId(ns(), dir().label()), message).at(anyLocation()));
    }

    /**
     * Each rule peer with what it allows, the first few in full: the rule's own words read better than
     * the difference with the old version (often a patchwork of label exclusions); the example
     * connection shows what is new.
     */
    private static String parts(List<SideComparison.Contribution> parts) {
        List<String> shown = new ArrayList<>();
        for (SideComparison.Contribution p : parts.subList(0, Math.min(3, parts.size()))) {
            String rule = p.rule().describe();
            shown.add(rule.substring(rule.indexOf(' ') + 1) + " (" + p.rule().location().line() + ":"
                    + p.rule().location().column() + "): " + PolicyRuleText.describe(p.rule()));
        }
        String more = parts.size() > 3 ? "; and " + (parts.size() - 3) + " more rule peer(s)" : "";
        return String.join("; ", shown) + more;
    }

    /** The first witness over the region's cubes whose whole connection the new version allows, else the first. */
    private Example example(List<SideComparison.Contribution> parts) {
        Witness first = parts.get(0).witness();
        int tried = 0;
        for (SideComparison.Contribution part : parts) {
            for (boolean ip : new boolean[] {false, true}) {
                Region r = ip ? part.region().ips() : part.region().pods();
                for (Cube c : r.cubes()) {
                    if (tried++ >= EFFECTIVE_SEARCH_LIMIT) {
                        return new Example(first, effective.effective(first, dir()));
                    }
                    Witness w = Witnesses.of(c, dir(), ns(), side.newSide().universe(), ip);
                    for (Witness candidate : withPortNames(w, (ValueSet) c.get(Dim.PORT_NAME))) {
                        if (effective.effective(candidate, dir())) {
                            return new Example(candidate, true);
                        }
                    }
                }
            }
        }
        return new Example(first, effective.effective(first, dir()));
    }

    private record Example(Witness witness, boolean effective) {
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
                            dst.podLabels(), List.of(new NamedPort(name, w.protocol(), w.port()))), w.protocol(), w.port()));
                }
            }
        }
        return out;
    }

    /** An old policy that isolated pods which no policy isolates now, and what happened to it. */
    private record Responsible(PolicyManifest policy, SourcePosition location, String what, String fixHint) {
    }

    private List<Responsible> responsibleForDroppedIsolation() {
        Region dropped = side.isolationDropped();
        List<Responsible> out = new ArrayList<>();
        for (SideAnalysis.Selection s : side.oldSide().isolating()) {
            if (s.pods().intersect(dropped).isEmpty()) {
                continue;
            }
            PolicyManifest old = s.policy();
            String name = ns() + "/" + old.name();
            PolicyManifest now = currentPolicies.get(old.key());
            if (now == null) {
                SourcePosition was = old.origin().at("/metadata/name");
                out.add(new Responsible(old, was, "policy " + name + " was removed (it was at " + was + ")",
                        "restore the policy"));
            } else if (!PolicyTypes.effective(now.policy()).contains(dir())) {
                boolean omitted = PolicyTypes.omitted(now.policy());
                out.add(new Responsible(old, now.origin().at("/spec/policyTypes"),
                        "policy " + name + " no longer has " + dir().policyType() + " in its policyTypes"
                                + (omitted ? " (policyTypes is omitted, and then Egress counts only while the policy"
                                + " has egress rules)" : ""),
                        "list " + dir().policyType() + " in spec.policyTypes explicitly"));
            } else {
                out.add(new Responsible(old, now.origin().at("/spec/podSelector"),
                        "policy " + name + " no longer selects these pods", "restore the podSelector"));
            }
        }
        return out;
    }

    /** Where an informational finding about the whole side points: the namespace's first policy. */
    private SourcePosition anyLocation() {
        PolicyManifest first = firstInNamespace.get(ns());
        return first == null ? null : first.origin().at("/metadata/name");
    }

    /** A finding about this side: its namespace and direction. */
    private Finding finding(FindingCode code, String id, String message) {
        return Finding.of(code, message).withId(id).withNamespace(ns()).withDirection(dir());
    }

    private static String effectNote(boolean effective) {
        return effective ? " (effective: the other side allows it too)"
                : " (latent: the other side still blocks it today)";
    }

    private String fix(String id, String hint) {
        return "If this is not intended, " + hint + "; if it is, accept it in " + acceptedFile
                + " with '- id: " + id + "' and a reason.";
    }
}
