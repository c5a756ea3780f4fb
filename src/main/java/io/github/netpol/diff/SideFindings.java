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
import io.github.netpol.analysis.TierDecision;
import io.github.netpol.analysis.TierEvaluation;
import io.github.netpol.analysis.TierRuleRef;
import io.github.netpol.model.PolicyManifest;
import io.github.netpol.model.TierPolicyManifest;
import io.github.netpol.model.semantics.TierPolicy;
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
    private final Map<String, PolicyManifest> currentPolicies;
    private final Map<String, PolicyManifest> firstInNamespace;
    private final Set<String> portNames;
    /** The new version's tier policies by {@code kind/name}. */
    private final Map<String, TierPolicyManifest> currentTier;

    /**
     * @param currentPolicies  the new version's policies by {@code namespace/name}
     * @param firstInNamespace the new version's first policy of each namespace (where side-wide findings point)
     * @param portNames        every port name the new version's rules use
     */
    SideFindings(SideComparison side, EffectiveCheck effective, String acceptedFile,
                 Map<String, PolicyManifest> currentPolicies, Map<String, PolicyManifest> firstInNamespace,
                 Set<String> portNames, Map<String, TierPolicyManifest> currentTier) {
        this.currentTier = currentTier;
        this.side = side;
        this.effective = effective;
        this.acceptedFile = acceptedFile;
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
        Map<String, List<SideComparison.Contribution>> byTierRule = new LinkedHashMap<>();
        List<SideComparison.Contribution> fromIsolation = new ArrayList<>();
        for (SideComparison.Contribution c : side.newlyAllowedContributions()) {
            if (c.tierRule() != null) {
                byTierRule.computeIfAbsent(tierKey(c), k -> new ArrayList<>()).add(c);
            } else if (c.rule() == null) {
                fromIsolation.add(c);
            } else {
                byPolicy.computeIfAbsent(c.rule().policy().name(), k -> new ArrayList<>()).add(c);
            }
        }
        FindingCode code = dir() == Direction.INGRESS ? FindingCode.WIDENED_INGRESS : FindingCode.WIDENED_EGRESS;
        // what the findings below account for: whatever is left is still reported (fail closed)
        SideRegion reported = SideRegion.empty(dir());
        for (List<SideComparison.Contribution> parts : byTierRule.values()) {
            out.add(tierWidening(code, parts));
            for (SideComparison.Contribution c : parts) {
                reported = reported.union(c.region());
            }
        }
        for (List<SideComparison.Contribution> parts : byPolicy.values()) {
            for (SideComparison.Contribution c : parts) {
                reported = reported.union(c.region());
            }
        }
        // pods no NetworkPolicy isolates any more: credited to the NetworkPolicies that did (tier rules have their own)
        List<Responsible> networkPolicies = responsible.stream().filter(r -> !r.tier).toList();
        if (!networkPolicies.isEmpty()) {
            for (SideComparison.Contribution c : fromIsolation) {
                reported = reported.union(c.region());
            }
        }
        SideRegion unexplained = side.newlyAllowed().minus(reported);
        if (!unexplained.isEmpty()) {
            Witness w = Witnesses.of(unexplained, ns(), side.newSide().universe()).orElseThrow();
            String id = code.findingId(idNamespace(), "*");
            String message = dir().label() + " of " + where() + " widened: " + RegionDescriber.describe(unexplained, ns())
                    + ". Newly allowed, for example: " + w.describe() + effectNote(effective.effective(w, dir()))
                    + assumptions() + ". " + fix(id, "look for the policy change that lets it through");
            out.add(finding(code, id, message).at(anyLocation()).withWitness(w, effective.effective(w, dir())));
        }
        byPolicy.forEach((policy, parts) -> {
            SideComparison.Contribution first = parts.get(0);
            Example ex = example(parts);
            String id = code.findingId(ns(), policy);
            String message = ns() + "/" + policy + " now allows more " + dir().label() + ": " + parts(parts)
                    + ". Newly allowed, for example: " + ex.witness.describe() + effectNote(ex.effective) + ". "
                    + fix(id, "narrow the rule");
            out.add(finding(code, id, message).at(first.rule().location()).withWitness(ex.witness, ex.effective));
        });
        if (!fromIsolation.isEmpty()) {
            Example ex = example(fromIsolation);
            for (Responsible r : networkPolicies) {
                String id = code.findingId(idNamespace(), r.name);
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
            String id = FindingCode.ISOLATION_DROPPED.findingId(idNamespace(), r.name, dir().label());
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
        out.add(finding(code, code.findingId(ns()), message).at(anyLocation()).withWitness(w, null));
    }

    private void isolationAdded(List<Finding> out) {
        FindingCode code = FindingCode.ISOLATION_ADDED;
        Endpoint.Pod pod = side.isolationAddedWitness().orElseThrow();
        String message = "pods such as " + Witness.describe(pod) + " are now isolated for " + dir().label()
                + ": only what the policies allow reaches " + (dir() == Direction.INGRESS ? "them." : "out of them.");
        out.add(finding(code, code.findingId(ns(), dir().label()), message).at(anyLocation()));
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

    /**
     * An old policy (a NetworkPolicy by name, or a tier rule's policy as {@code kind/name}) that isolated pods which
     * are not isolated now, and what happened to it.
     */
    private record Responsible(String name, SourcePosition location, String what, String fixHint, boolean tier) {
    }

    private List<Responsible> responsibleForDroppedIsolation() {
        Region dropped = side.isolationDropped();
        List<Responsible> out = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (TierDecision d : side.oldSide().tiers().decisions()) {
            if (d.rule().action() != TierPolicy.Action.DENY
                    || TierEvaluation.localPodsOf(d.region()).intersect(dropped).isEmpty()
                    || !seen.add(tierKey(d.rule()) + "/" + d.rule().rule().index())) {
                continue;
            }
            TierPolicyManifest now = currentTier.get(d.rule().manifest().key());
            SourcePosition at = now != null ? now.origin().at("/metadata/name") : d.rule().location();
            out.add(new Responsible(tierKey(d.rule()), at, d.rule().describe() + (now == null
                    ? " was removed (it was at " + d.rule().location() + ")"
                    : " no longer denies connections of these pods"), "restore the rule", true));
        }
        if (out.isEmpty() && side.oldSide().isolating().stream().noneMatch(s -> !s.pods().intersect(dropped).isEmpty())) {
            // neither a NetworkPolicy nor a tier rule of the old version can be named: still report it
            out.add(new Responsible("*", anyLocation(), "pods of " + where() + " lost their isolation",
                    "restore the policy that isolated them", true));
        }
        for (SideAnalysis.Selection s : side.oldSide().isolating()) {
            if (s.pods().intersect(dropped).isEmpty()) {
                continue;
            }
            PolicyManifest old = s.policy();
            String name = ns() + "/" + old.name();
            PolicyManifest now = currentPolicies.get(old.key());
            if (now == null) {
                SourcePosition was = old.origin().at("/metadata/name");
                out.add(new Responsible(old.name(), was, "policy " + name + " was removed (it was at " + was + ")",
                        "restore the policy", false));
            } else if (!PolicyTypes.effective(now.policy()).contains(dir())) {
                boolean omitted = PolicyTypes.omitted(now.policy());
                out.add(new Responsible(old.name(), now.origin().at("/spec/policyTypes"),
                        "policy " + name + " no longer has " + dir().policyType() + " in its policyTypes"
                                + (omitted ? " (policyTypes is omitted, and then Egress counts only while the policy"
                                + " has egress rules)" : ""),
                        "list " + dir().policyType() + " in spec.policyTypes explicitly", false));
            } else {
                out.add(new Responsible(old.name(), now.origin().at("/spec/podSelector"),
                        "policy " + name + " no longer selects these pods", "restore the podSelector", false));
            }
        }
        return out;
    }

    /**
     * A widening credited to one tier rule: of the new version (an Accept, or a Pass that hands connections to the
     * NetworkPolicies and the Baseline tier, which let them through), or of the old version that denied them and
     * no longer does.
     */
    private Finding tierWidening(FindingCode code, List<SideComparison.Contribution> parts) {
        SideComparison.Contribution first = parts.get(0);
        TierRuleRef ref = first.tierRule();
        Example ex = example(parts);
        String id = code.findingId(idNamespace(), tierKey(ref));
        List<String> shown = new ArrayList<>();
        for (SideComparison.Contribution p : parts.subList(0, Math.min(3, parts.size()))) {
            TierRuleRef r = p.tierRule();
            String what = p.removedDenial() ? "no longer denies (it did in the baseline)"
                    : r.action() == TierPolicy.Action.PASS
                    ? "now passes to the lower tiers, which let them through"
                    : "now accepts";
            shown.add(r.describe() + " (" + r.location().line() + ":" + r.location().column() + ") " + what + ": "
                    + p.description());
        }
        String more = parts.size() > 3 ? "; and " + (parts.size() - 3) + " more rule(s)" : "";
        TierPolicyManifest now = currentTier.get(ref.manifest().key());
        SourcePosition at = !first.removedDenial() ? ref.location()
                : now != null ? now.origin().at("/metadata/name") : ref.location();
        String hint = first.removedDenial() ? "restore the Deny rule (or its priority)"
                : ref.action() == TierPolicy.Action.PASS ? "deny these connections in the tier, or narrow the Pass rule"
                : "narrow the rule";
        String message = ref.policy().describe() + " lets more " + dir().label() + " of " + where() + " through: "
                + String.join("; ", shown) + more + ". Newly allowed, for example: " + ex.witness.describe()
                + effectNote(ex.effective) + assumptions() + ". " + fix(id, hint);
        return finding(code, id, message).at(at).withWitness(ex.witness, ex.effective);
    }

    private static String tierKey(SideComparison.Contribution c) {
        return tierKey(c.tierRule());
    }

    private static String tierKey(TierRuleRef r) {
        return r.manifest().kind() + "/" + r.manifest().name();
    }

    /**
     * What a finding on this side assumes where the manifests do not decide: which of the policies of equal
     * priority the implementation applies first, and the facts the example states (pod IP, node, DNS name).
     */
    private String assumptions() {
        if (side.oldSide().tiers().ambiguous() || side.newSide().tiers().ambiguous()) {
            return " (policies of equal priority both match here, and the API leaves open which one applies: this"
                    + " compares what the new version possibly allows with what the old one certainly allowed)";
        }
        return "";
    }

    /** The side's namespace in words: the one that stands for every namespace the manifests do not name says so. */
    private String where() {
        return isRepresentative() ? "any namespace the manifests do not name (e.g. " + ns() + ")" : ns();
    }

    /** In ids, {@code *} for every namespace the manifests do not name. */
    private String idNamespace() {
        return isRepresentative() ? "*" : ns();
    }

    private boolean isRepresentative() {
        return ns().equals(side.newSide().universe().representative()) && side.newSide().tiers().applies()
                || ns().equals(side.oldSide().universe().representative()) && side.oldSide().tiers().applies();
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
