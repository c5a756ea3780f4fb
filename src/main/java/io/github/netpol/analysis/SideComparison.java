package io.github.netpol.analysis;

import io.github.netpol.finding.Direction;
import io.github.netpol.finding.Endpoint;
import io.github.netpol.finding.Witness;
import io.github.netpol.model.ManifestSet;
import io.github.netpol.model.PolicyManifest;

import io.github.netpol.model.semantics.TierPolicy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * One side (namespace, direction) of two versions, built over the same namespace universe so that
 * their regions can be subtracted. Differences are computed on first use.
 */
public final class SideComparison {

    private final SideAnalysis old;
    private final SideAnalysis current;
    private SideRegion newlyAllowed;
    // computed once: a narrowing finding asks for the region and then for its witness
    private SideRegion newlyDenied;
    private Region isolationDropped;

    public SideComparison(SideAnalysis old, SideAnalysis current) {
        this.old = old;
        this.current = current;
    }

    /** Compares one side of two versions. To compare every namespace use {@link #compareAll}. */
    public static SideComparison compare(ManifestSet old, ManifestSet current, String namespace, Direction direction,
                                         AnalysisOptions options) {
        NamespaceUniverse.Compared universes = NamespaceUniverse.compared(old, current, options);
        SetPool sets = new SetPool();
        return new SideComparison(
                new SideBuilder(namespace, direction, universes.old(), new SideBuilder.Cache(sets))
                        .build(inNamespace(old, namespace), Tiers.of(old), CiliumRules.of(old)),
                new SideBuilder(namespace, direction, universes.current(), new SideBuilder.Cache(sets))
                        .build(inNamespace(current, namespace), Tiers.of(current), CiliumRules.of(current)));
    }

    /**
     * Every side that can differ: both directions of every namespace that has a policy in either
     * version, sorted by namespace then direction. Work grows with the size of each namespace.
     */
    public static List<SideComparison> compareAll(ManifestSet old, ManifestSet current, AnalysisOptions options) {
        NamespaceUniverse.Compared universes = NamespaceUniverse.compared(old, current, options);
        SetPool sets = new SetPool();
        return compareAll(PolicyAnalyzer.analyze(old, universes.old(), sets),
                PolicyAnalyzer.analyze(current, universes.current(), sets));
    }

    /** The same from versions already analysed over their comparing universes ({@link NamespaceUniverse#compared}). */
    public static List<SideComparison> compareAll(AnalyzedVersion a, AnalyzedVersion b) {
        TreeSet<String> namespaces = new TreeSet<>(a.namespaces());
        namespaces.addAll(b.namespaces());
        List<SideComparison> out = new ArrayList<>();
        for (String ns : namespaces) {
            for (Direction d : Direction.values()) {
                out.add(new SideComparison(a.side(ns, d), b.side(ns, d)));
            }
        }
        return out;
    }

    public String namespace() {
        return current.namespace();
    }

    public Direction direction() {
        return current.direction();
    }

    public SideAnalysis oldSide() {
        return old;
    }

    public SideAnalysis newSide() {
        return current;
    }

    /**
     * Connections the new version possibly lets through on this side and the old did not certainly let through
     * (widening): where the manifests leave the outcome open, this can only say too much.
     */
    public SideRegion newlyAllowed() {
        if (newlyAllowed == null) {
            newlyAllowed = possibleWorlds(current.allowed().minus(old.certainlyAllowed()));
        }
        return newlyAllowed;
    }

    /** Connections the old version certainly let through and the new does not even possibly (narrowing). */
    public SideRegion newlyDenied() {
        if (newlyDenied == null) {
            newlyDenied = possibleWorlds(old.certainlyAllowed().minus(current.allowed()));
        }
        return newlyDenied;
    }

    /**
     * Local pods isolated in the old version and not certainly in the new: by a NetworkPolicy, or by an Admin or
     * Baseline rule that denies some of their connections.
     */
    public Region isolationDropped() {
        if (isolationDropped == null) {
            isolationDropped = old.possiblyIsolated().minus(current.certainlyIsolated());
        }
        return isolationDropped;
    }

    public Region isolationAdded() {
        return current.certainlyIsolated().minus(old.possiblyIsolated());
    }

    private SideRegion possibleWorlds(SideRegion r) {
        return current.universe().possible(r);
    }

    /** A connection allowed by the new version only, with the new version's namespace labels. */
    public Optional<Witness> newlyAllowedWitness() {
        return Witnesses.of(newlyAllowed(), namespace(), current.universe());
    }

    /** A connection allowed by the old version only, with the old version's namespace labels. */
    public Optional<Witness> newlyDeniedWitness() {
        return Witnesses.of(newlyDenied(), namespace(), old.universe());
    }

    public Optional<Endpoint.Pod> isolationDroppedWitness() {
        return Witnesses.pod(isolationDropped(), namespace(), current.universe());
    }

    public Optional<Endpoint.Pod> isolationAddedWitness() {
        return Witnesses.pod(isolationAdded(), namespace(), current.universe());
    }

    /**
     * Where the widening comes from: for every rule peer of the new version, the part of what it
     * allows that the old version did not; plus, with a {@code null} rule, what pods that are no
     * longer isolated now get. Only non-empty parts are listed; together they cover
     * {@link #newlyAllowed()}.
     */
    public List<Contribution> newlyAllowedContributions() {
        List<Contribution> out = new ArrayList<>();
        SideRegion widened = newlyAllowed();
        if (widened.isEmpty()) {
            return out;
        }
        if (!old.tiers().applies() && !current.tiers().applies()) {
            SideRegion fromIsolation = current.notIsolated().minus(old.allowed());
            if (!fromIsolation.isEmpty()) {
                out.add(contribution(null, null, false, fromIsolation));
            }
            for (SideAnalysis.PolicyRuleRegion r : current.rules()) {
                SideRegion part = r.region().minus(old.allowed());
                if (!part.isEmpty()) {
                    out.add(contribution(r.rule(), null, false, part));
                }
            }
            return out;
        }
        tierContributions(widened, out);
        return out;
    }

    /**
     * With tier policies, each newly allowed connection is credited to what changed on its way through the tiers:
     * an Admin rule that now accepts or passes it, or an old Admin deny that no longer applies; else (the Admin
     * tier left it to the lower tiers before too) a NetworkPolicy rule that now allows it, pods no NetworkPolicy
     * isolates any more ({@code null} rule), a Baseline rule that now accepts or passes it, or an old Baseline deny
     * that no longer applies. Together the parts cover the widening; a connection may be credited twice.
     */
    private void tierContributions(SideRegion widened, List<Contribution> out) {
        TierEvaluation now = current.tiers();
        TierEvaluation before = old.tiers();
        SideRegion leftBefore = before.reachingNetworkPolicies(widened);
        Map<String, SideRegion> passedBefore = new HashMap<>();
        for (TierDecision d : before.decisions()) {
            if (d.rule().action() == TierPolicy.Action.PASS) {
                passedBefore.merge(d.rule().identity(), d.region(), SideRegion::union);
            }
        }
        SideRegion fromIsolation = now.reachingNetworkPolicies(current.notIsolated().intersect(leftBefore));
        if (!fromIsolation.isEmpty()) {
            out.add(contribution(null, null, false, fromIsolation));
        }
        for (SideAnalysis.PolicyRuleRegion r : current.rules()) {
            SideRegion part = now.reachingNetworkPolicies(r.region().intersect(leftBefore));
            if (!part.isEmpty()) {
                out.add(contribution(r.rule(), null, false, part));
            }
        }
        for (TierDecision d : now.decisions()) {
            if (d.rule().action() == TierPolicy.Action.DENY) {
                continue;
            }
            SideRegion part = d.region().intersect(widened);
            if (d.rule() instanceof CiliumRuleRef) {
                // a Cilium allow that matched these connections before as well did not change: what stopped
                // them then (a deny, an L7 rule) did
                part = part.minus(before.admin().matchedBy(d.rule().identity()));
            }
            SideRegion same = passedBefore.get(d.rule().identity());
            if (same != null && d.rule().action() == TierPolicy.Action.PASS) {
                part = part.minus(same); // passed before as well: what lets it through now is further down
            }
            if (!part.isEmpty()) {
                out.add(contribution(null, d.rule(), false, part));
            }
        }
        // an old deny is named only where nothing of the new version explains the widening: a new Accept, a Pass,
        // a NetworkPolicy now deciding would be the change to look at
        SideRegion explained = SideRegion.empty(widened.direction());
        for (Contribution c : out) {
            if (c.rule() != null || c.tierRule() != null) {
                // pods no NetworkPolicy isolates do not explain it: the deny that applied to them is the change
                explained = explained.union(c.region());
            }
        }
        for (TierDecision d : before.decisions()) {
            if (d.rule().action() == TierPolicy.Action.DENY) {
                SideRegion part = d.region().intersect(widened).minus(explained);
                if (!part.isEmpty()) {
                    out.add(contribution(null, d.rule(), true, part));
                }
            }
        }
    }

    private Contribution contribution(PolicyRuleRef rule, RuleRef tierRule, boolean before, SideRegion region) {
        Witness w = Witnesses.of(region, namespace(), current.universe()).orElseThrow();
        return new Contribution(rule, tierRule, before, region, w, RegionDescriber.describe(region, namespace()));
    }

    /**
     * A part of the widening and what it is credited to, with a witness and a sentence describing the region:
     * a NetworkPolicy rule peer ({@code rule}), a tier rule of the new version, or of the old version that no longer
     * denies it ({@code tierRule}, {@code removedDenial}), or neither: pods that no NetworkPolicy isolates any more.
     */
    public record Contribution(PolicyRuleRef rule, RuleRef tierRule, boolean removedDenial, SideRegion region,
                               Witness witness, String description) {
    }

    private static List<PolicyManifest> inNamespace(ManifestSet set, String namespace) {
        Map<String, List<PolicyManifest>> byNs = PolicyAnalyzer.byNamespace(set.policies());
        return byNs.getOrDefault(namespace, List.of());
    }
}
