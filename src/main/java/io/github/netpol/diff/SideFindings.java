package io.github.netpol.diff;

import io.github.netpol.analysis.RegionDescriber;
import io.github.netpol.analysis.TierDecision;
import io.github.netpol.analysis.TierEvaluation;
import io.github.netpol.analysis.RuleRef;
import io.github.netpol.analysis.TierRuleRef;
import io.github.netpol.analysis.Witnesses;
import io.github.netpol.analysis.SideAnalysis;
import io.github.netpol.analysis.SideComparison;
import io.github.netpol.analysis.SideRegion;
import io.github.netpol.finding.Direction;
import io.github.netpol.finding.Endpoint;
import io.github.netpol.finding.Finding;
import io.github.netpol.finding.FindingCode;
import io.github.netpol.finding.SourcePosition;
import io.github.netpol.finding.Witness;
import io.github.netpol.model.NamespaceManifest;
import io.github.netpol.model.PolicyManifest;
import io.github.netpol.model.TierPolicyManifest;
import io.github.netpol.model.semantics.TierPolicy;
import io.github.netpol.model.semantics.PolicyTypes;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The findings of one side (namespace, direction) of a comparison. */
final class SideFindings {

    private final SideComparison side;
    private final ChangeContext context;
    private final ExampleSearch examples;

    /** @param portNames every port name the new version's rules use */
    SideFindings(SideComparison side, EffectiveCheck effective, ChangeContext context, Set<String> portNames) {
        this.side = side;
        this.context = context;
        this.examples = new ExampleSearch(side, effective, context.workloads(), context.workloadPorts(), portNames);
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
        Map<String, List<ExampleSearch.Part>> byPolicy = new LinkedHashMap<>();
        Map<String, List<SideComparison.Contribution>> byTierPolicy = new LinkedHashMap<>();
        List<ExampleSearch.Part> fromIsolation = new ArrayList<>();
        for (SideComparison.Contribution c : side.newlyAllowedContributions()) {
            if (c.tierRule() != null) {
                byTierPolicy.computeIfAbsent(tierKey(c.tierRule()), k -> new ArrayList<>()).add(c);
            } else if (c.rule() == null) {
                fromIsolation.add(ExampleSearch.Part.of(c));
            } else {
                byPolicy.computeIfAbsent(c.rule().policy().name(), k -> new ArrayList<>()).add(ExampleSearch.Part.of(c));
            }
        }
        FindingCode code = dir() == Direction.INGRESS ? FindingCode.WIDENED_INGRESS : FindingCode.WIDENED_EGRESS;
        // pods no NetworkPolicy isolates any more are credited to the NetworkPolicies that did (tier rules are
        // credited on their own)
        List<Responsible> networkPolicies = responsible.stream().filter(r -> !r.tier).toList();
        // what the findings account for: whatever is left is still reported (fail closed)
        SideRegion reported = SideRegion.empty(dir());
        for (List<SideComparison.Contribution> parts : byTierPolicy.values()) {
            out.add(tierWidening(code, parts));
            for (SideComparison.Contribution c : parts) {
                reported = reported.union(c.region());
            }
        }
        for (List<ExampleSearch.Part> parts : byPolicy.values()) {
            for (ExampleSearch.Part p : parts) {
                reported = reported.union(p.region());
            }
        }
        if (!networkPolicies.isEmpty()) {
            for (ExampleSearch.Part p : fromIsolation) {
                reported = reported.union(p.region());
            }
        }
        SideRegion unexplained = side.newlyAllowed().minus(reported);
        if (!unexplained.isEmpty()) {
            out.add(unexplainedWidening(code, unexplained));
        }
        byPolicy.forEach((policy, parts) -> {
            ExampleSearch.Example ex = examples.widening(parts);
            String id = context.idPrefix() + code.findingId(ns(), policy);
            PolicyManifest manifest = parts.get(0).rule().policy();
            ChangeContext.Relabelled relabelled = context.unchanged(manifest) ? relabelledPeer(ex.witness()) : null;
            Finding f = relabelled != null
                    ? relabelledNamespace(code, id, parts.get(0), relabelled, ex)
                    : finding(code, id, new Finding.Parts(
                            ns() + "/" + policy + " now allows more " + dir().label() + " than the baseline: "
                                    + parts(parts) + ".",
                            wideningEffect(ex.effective()), ex.witness().describe(), context.advice("narrow the rule")))
                            .at(parts.get(0).rule().location());
            out.add(f.withWitness(ex.witness(), ex.effective()).withFix(ChangeContext.acceptanceEntry(id)));
        });
        if (!fromIsolation.isEmpty()) {
            ExampleSearch.Example ex = examples.widening(fromIsolation);
            String description = RegionDescriber.describe(fromIsolation.get(0).region(), ns());
            for (Responsible r : networkPolicies) {
                String id = context.idPrefix() + code.findingId(ns(), r.name);
                String effect = dir() == Direction.INGRESS
                        ? "The pods it isolated for ingress now accept connections from every source: " + description
                        : "The pods it isolated for egress may now connect to every destination: " + description;
                out.add(finding(code, id, new Finding.Parts(r.what + ".", effect + effectNote(ex.effective()) + ".",
                        ex.witness().describe(), context.advice(r.fixHint)))
                        .at(r.location).withWitness(ex.witness(), ex.effective()).withFix(ChangeContext.acceptanceEntry(id)));
            }
        }
    }

    /**
     * The widening of a rule that did not change, caused by a Namespace whose labels did: the Namespace manifest is
     * the cause and where the finding points, the rule it now matches the effect.
     */
    private Finding relabelledNamespace(FindingCode code, String id, ExampleSearch.Part part,
                                        ChangeContext.Relabelled relabelled, ExampleSearch.Example ex) {
        NamespaceManifest now = relabelled.now();
        String cause = relabelled.describe();
        String effect = "The rule " + ruleName(part) + " of NetworkPolicy " + part.rule().policy().key() + " ("
                + part.rule().location() + "), which did not change, now matches pods of namespace " + now.name()
                + ": " + PolicyRuleText.describe(part.rule()) + ". So " + ns() + "/" + part.rule().policy().name()
                + " allows more " + dir().label() + " than the baseline" + effectNote(ex.effective()) + ".";
        return finding(code, id, new Finding.Parts(cause, effect, ex.witness().describe(),
                context.advice("restore the Namespace's labels, or narrow the rule")))
                .at(now.origin().at("/metadata/labels"));
    }

    /** The relabelled Namespace of the example's peer pod, if it is one. */
    private ChangeContext.Relabelled relabelledPeer(Witness w) {
        Endpoint peer = dir() == Direction.INGRESS ? w.source() : w.destination();
        return peer instanceof Endpoint.Pod pod ? context.relabelled().get(pod.namespace()) : null;
    }

    private void isolationDropped(List<Finding> out, List<Responsible> responsible) {
        Endpoint.Pod pod = side.isolationDroppedWitness().orElseThrow();
        Witness connection = examples.droppedIsolation(pod);
        Endpoint.Pod local = (Endpoint.Pod) (dir() == Direction.INGRESS ? connection.destination() : connection.source());
        String effect = dir() == Direction.INGRESS
                ? "Pods such as " + Witness.describe(local) + " are no longer isolated for ingress, so every source may"
                        + " reach them."
                : "Pods such as " + Witness.describe(local) + " are no longer isolated for egress, so they may reach"
                        + " every destination.";
        for (Responsible r : responsible) {
            String id = context.idPrefix() + FindingCode.ISOLATION_DROPPED.findingId(idNamespace(), r.name,
                    dir().label());
            out.add(finding(FindingCode.ISOLATION_DROPPED, id, new Finding.Parts(r.what + ".", effect,
                    connection.describe(), context.advice(r.fixHint)))
                    .at(r.location).withWitness(connection, null).withFix(ChangeContext.acceptanceEntry(id)));
        }
    }

    private void narrowing(List<Finding> out) {
        FindingCode code = dir() == Direction.INGRESS ? FindingCode.NARROWED_INGRESS : FindingCode.NARROWED_EGRESS;
        SideRegion denied = side.newlyDenied();
        Witness w = examples.narrowing();
        out.add(finding(code, context.idPrefix() + code.findingId(ns()), new Finding.Parts(
                "The " + dir().label() + " of " + ns() + " is narrower than in the baseline; no longer allowed: "
                        + RegionDescriber.describe(denied, ns()) + ".",
                "Connections the baseline allowed on this side are blocked now.",
                w.describe() + " is not allowed any more",
                "Nothing to do unless the narrowing is not intended.")).at(anyLocation()).withWitness(w, null));
    }

    private void isolationAdded(List<Finding> out) {
        FindingCode code = FindingCode.ISOLATION_ADDED;
        Endpoint.Pod pod = examples.declaredPod(side.isolationAdded())
                .orElseGet(() -> side.isolationAddedWitness().orElseThrow());
        out.add(finding(code, context.idPrefix() + code.findingId(ns(), dir().label()), new Finding.Parts(
                "Pods such as " + Witness.describe(pod) + " are now isolated for " + dir().label() + ".",
                "Only what the policies allow " + (dir() == Direction.INGRESS ? "reaches them." : "leaves them."),
                null, "Nothing to do unless the narrowing is not intended.")).at(anyLocation()));
    }

    /**
     * Each rule peer with what it allows, the first few in full: the rule's own words read better than
     * the difference with the old version (often a patchwork of label exclusions); the example
     * connection shows what is new.
     */
    private static String parts(List<ExampleSearch.Part> parts) {
        List<String> shown = new ArrayList<>();
        for (ExampleSearch.Part p : parts.subList(0, Math.min(3, parts.size()))) {
            shown.add(ruleName(p) + " (" + p.rule().location().line() + ":" + p.rule().location().column() + "): "
                    + PolicyRuleText.describe(p.rule()));
        }
        String more = parts.size() > 3 ? "; and " + (parts.size() - 3) + " more rule peer(s)" : "";
        return String.join("; ", shown) + more;
    }

    /** {@code ingress[0].from[1]}. */
    private static String ruleName(ExampleSearch.Part p) {
        String rule = p.rule().describe();
        return rule.substring(rule.indexOf(' ') + 1);
    }

    private String wideningEffect(boolean effective) {
        String other = dir() == Direction.INGRESS ? "egress" : "ingress";
        return "Connections the baseline blocked on the " + dir().label() + " side now pass it"
                + (effective ? ", and the " + other + " side lets this one through too (effective)."
                : " (latent: the " + other + " side still blocks this one today).");
    }

    /**
     * An old policy that isolated pods which are not isolated now, and what happened to it: a NetworkPolicy (by
     * name), or a policy of the Admin or Baseline tier whose Deny no longer applies ({@code kind/name}, {@code tier}).
     */
    private record Responsible(String name, SourcePosition location, String what, String fixHint, boolean tier) {
    }

    private List<Responsible> responsibleForDroppedIsolation() {
        var dropped = side.isolationDropped();
        List<Responsible> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (TierDecision d : side.oldSide().tiers().decisions()) {
            if (d.rule().action() != TierPolicy.Action.DENY
                    || TierEvaluation.localPodsOf(d.region()).intersect(dropped).isEmpty()
                    || !seen.add(tierKey(d.rule()))) {
                continue;
            }
            Optional<SourcePosition> now = context.currentName(d.rule().policyKey());
            SourcePosition at = now.orElse(d.rule().location());
            out.add(new Responsible(tierKey(d.rule()), at, now.isEmpty()
                    ? d.rule().policyDescription() + " was removed (its rule " + d.rule().label() + " denied"
                    + " connections of these pods; it was at " + d.rule().location() + ")"
                    : "The rule " + d.rule().describe() + " (as in the baseline, at " + d.rule().location() + ") no"
                    + " longer denies connections of these pods", "restore the Deny rule", true));
        }
        for (SideAnalysis.Selection s : side.oldSide().isolating()) {
            if (s.pods().intersect(dropped).isEmpty()) {
                continue;
            }
            PolicyManifest old = s.policy();
            String name = ns() + "/" + old.name();
            PolicyManifest now = context.currentPolicies().get(old.key());
            if (now == null) {
                SourcePosition was = old.origin().at("/metadata/name");
                out.add(new Responsible(old.name(), was, "NetworkPolicy " + name + " was removed (it was at " + was + ")",
                        "restore the policy", false));
            } else if (!PolicyTypes.effective(now.policy()).contains(dir())) {
                boolean omitted = PolicyTypes.omitted(now.policy());
                out.add(new Responsible(old.name(), now.origin().at("/spec/policyTypes"),
                        "NetworkPolicy " + name + " no longer has " + dir().policyType() + " in its policyTypes"
                                + (omitted ? " (policyTypes is omitted, and then Egress counts only while the policy"
                                + " has egress rules)" : ""),
                        "list " + dir().policyType() + " in spec.policyTypes explicitly", false));
            } else {
                out.add(new Responsible(old.name(), now.origin().at("/spec/podSelector"),
                        "NetworkPolicy " + name + " no longer selects these pods", "restore the podSelector", false));
            }
        }
        if (out.isEmpty()) {
            // neither a NetworkPolicy nor a tier rule of the baseline can be named: still report it
            out.add(new Responsible("*", anyLocation(), "Pods of " + where() + " lost the isolation they had in the"
                    + " baseline", "restore the policy that isolated them", true));
        }
        return out;
    }

    /**
     * A widening credited to one policy of the Admin or Baseline tier: a rule of the new version that now accepts
     * connections, or passes them to the NetworkPolicies and the Baseline tier, which let them through; or a Deny of
     * the baseline that no longer applies to them.
     */
    private Finding tierWidening(FindingCode code, List<SideComparison.Contribution> parts) {
        SideComparison.Contribution first = parts.get(0);
        RuleRef ref = first.tierRule();
        ExampleSearch.Example ex = examples.widening(parts.stream().map(ExampleSearch.Part::of).toList());
        String id = context.idPrefix() + code.findingId(idNamespace(), tierKey(ref));
        List<String> shown = new ArrayList<>();
        for (SideComparison.Contribution p : parts.subList(0, Math.min(3, parts.size()))) {
            RuleRef r = p.tierRule();
            String what = p.removedDenial() ? "denied in the baseline and no longer denies"
                    : r.action() == TierPolicy.Action.PASS ? "now passes to the lower tiers, which let them through,"
                    : "now accepts";
            shown.add("the rule " + r.label() + " (" + r.actionWord() + ", "
                    + r.location().line() + ":" + r.location().column() + ") " + what + " these connections: "
                    + p.description());
        }
        String more = parts.size() > 3 ? "; and " + (parts.size() - 3) + " more rule(s)" : "";
        Optional<SourcePosition> now = context.currentName(ref.policyKey());
        SourcePosition at = !first.removedDenial() ? ref.location() : now.orElse(ref.location());
        String priority = ref instanceof TierRuleRef t ? priorityChange(t, context.currentTier().get(t.policyKey())) : "";
        String hint = first.removedDenial() ? "restore the Deny rule" + (priority.isEmpty() ? "" : " or its priority")
                : ref.action() == TierPolicy.Action.PASS ? "deny these connections in the tier, or narrow the Pass rule"
                : priority.isEmpty() ? "narrow the rule" : "restore the priority, or narrow the rule";
        String cause = ref.policyDescription() + (now.isEmpty() && first.removedDenial() ? ", removed," : "")
                + priority + " lets more " + dir().label() + " of " + where() + " through than the baseline: "
                + String.join("; ", shown) + more + ".";
        return finding(code, id, new Finding.Parts(cause, wideningEffect(ex.effective()) + assumptions(),
                ex.witness().describe(), context.advice(hint)))
                .at(at).withWitness(ex.witness(), ex.effective()).withFix(ChangeContext.acceptanceEntry(id));
    }

    /** {@code " (priority 20 in the baseline)"} when the policy's priority changed, else nothing. */
    private String priorityChange(TierRuleRef ref, TierPolicyManifest now) {
        TierPolicyManifest was = context.oldTier().get(ref.manifest().key());
        if (!ref.policy().hasPriority() || was == null || now == null) {
            return "";
        }
        int before = TierPolicy.of(was).priority();
        int after = TierPolicy.of(now).priority();
        return before == after ? "" : ", whose priority was " + before + " in the baseline,";
    }

    /** A widening no rule can be credited with: still reported, with the region and an example. */
    private Finding unexplainedWidening(FindingCode code, SideRegion unexplained) {
        Witness w = Witnesses.of(unexplained, ns(), side.newSide().universe()).orElseThrow();
        String id = context.idPrefix() + code.findingId(idNamespace(), "*");
        return finding(code, id, new Finding.Parts(
                "The " + dir().label() + " of " + where() + " allows more than the baseline: "
                        + RegionDescriber.describe(unexplained, ns()) + ".",
                wideningEffect(effectiveOf(w)) + assumptions(), w.describe(),
                context.advice("find the policy change that lets it through")))
                .at(anyLocation()).withWitness(w, effectiveOf(w)).withFix(ChangeContext.acceptanceEntry(id));
    }

    private boolean effectiveOf(Witness w) {
        return examples.effective(w);
    }

    private static String tierKey(RuleRef r) {
        return r.idKey();
    }

    /**
     * Where the manifests leave the outcome open, what the finding assumes: policies of equal priority that both
     * match may be applied in either order, so this compares what the new version possibly allows with what the
     * baseline certainly allowed. (Facts the example depends on, a pod's IP, a node, a DNS name, are in its text.)
     */
    private String assumptions() {
        return side.oldSide().tiers().ambiguous() || side.newSide().tiers().ambiguous()
                ? " Policies of equal priority both match here and the API leaves open which one applies: this compares"
                + " what the new version possibly allows with what the baseline certainly allowed."
                : "";
    }

    /** The side's namespace in words: the one that stands for every namespace the manifests do not name says so. */
    private String where() {
        return isRepresentative() ? "any namespace the manifests do not name (for example " + ns() + ")" : ns();
    }

    /** In finding ids, {@code *} for every namespace the manifests do not name. */
    private String idNamespace() {
        return isRepresentative() ? "*" : ns();
    }

    private boolean isRepresentative() {
        return ns().equals(side.newSide().universe().representative())
                && (side.newSide().tiers().applies() || side.oldSide().tiers().applies());
    }

    /** Where an informational finding about the whole side points: the namespace's first policy. */
    private SourcePosition anyLocation() {
        PolicyManifest first = context.firstInNamespace().get(ns());
        return first == null ? null : first.origin().at("/metadata/name");
    }

    /** A finding about this side: its namespace and direction. */
    private Finding finding(FindingCode code, String id, Finding.Parts parts) {
        return Finding.explained(code, parts).withId(id).withNamespace(ns()).withDirection(dir());
    }

    private String effectNote(boolean effective) {
        String other = dir() == Direction.INGRESS ? "egress" : "ingress";
        return effective ? " (effective: the " + other + " side allows the example too)"
                : " (latent: the " + other + " side still blocks the example today)";
    }

    /** Labels in words, without the name label the control plane adds to a Namespace: {@code a=1, b=2} or {@code none}. */
    static String labels(Map<String, String> labels) {
        Map<String, String> shown = new TreeMap<>(labels);
        shown.remove(NamespaceManifest.NAME_LABEL);
        return shown.isEmpty() ? "none" : shown.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
    }
}
