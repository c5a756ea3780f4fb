package io.github.netpol.analysis;

import io.github.netpol.finding.Direction;
import io.github.netpol.finding.Endpoint;
import io.github.netpol.finding.Witness;
import io.github.netpol.model.ManifestSet;
import io.github.netpol.model.PolicyManifest;

import java.util.ArrayList;
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

    private SideComparison(SideAnalysis old, SideAnalysis current) {
        this.old = old;
        this.current = current;
    }

    /** Compares one side of two versions. To compare every namespace use {@link #compareAll}. */
    public static SideComparison compare(ManifestSet old, ManifestSet current, String namespace, Direction direction,
                                         AnalysisOptions options) {
        NamespaceUniverse.Compared universes = NamespaceUniverse.compared(old, current, options);
        return new SideComparison(
                new SideBuilder(namespace, direction, universes.old()).build(inNamespace(old, namespace)),
                new SideBuilder(namespace, direction, universes.current()).build(inNamespace(current, namespace)));
    }

    /**
     * Every side that can differ: both directions of every namespace that has a policy in either
     * version, sorted by namespace then direction. Work grows with the size of each namespace.
     */
    public static List<SideComparison> compareAll(ManifestSet old, ManifestSet current, AnalysisOptions options) {
        NamespaceUniverse.Compared universes = NamespaceUniverse.compared(old, current, options);
        return compareAll(PolicyAnalyzer.analyze(old, universes.old()), PolicyAnalyzer.analyze(current, universes.current()));
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

    /** Connections the new version lets through on this side and the old did not (widening). */
    public SideRegion newlyAllowed() {
        if (newlyAllowed == null) {
            newlyAllowed = current.allowed().minus(old.allowed());
        }
        return newlyAllowed;
    }

    /** Connections the old version let through and the new does not (narrowing). */
    public SideRegion newlyDenied() {
        if (newlyDenied == null) {
            newlyDenied = old.allowed().minus(current.allowed());
        }
        return newlyDenied;
    }

    /** Local pods isolated in the old version and not in the new. */
    public Region isolationDropped() {
        if (isolationDropped == null) {
            isolationDropped = old.isolated().minus(current.isolated());
        }
        return isolationDropped;
    }

    public Region isolationAdded() {
        return current.isolated().minus(old.isolated());
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
        if (newlyAllowed().isEmpty()) {
            return out;
        }
        SideRegion fromIsolation = current.notIsolated().minus(old.allowed());
        if (!fromIsolation.isEmpty()) {
            out.add(contribution(null, fromIsolation));
        }
        for (SideAnalysis.PolicyRuleRegion r : current.rules()) {
            SideRegion part = r.region().minus(old.allowed());
            if (!part.isEmpty()) {
                out.add(contribution(r.rule(), part));
            }
        }
        return out;
    }

    private Contribution contribution(PolicyRuleRef rule, SideRegion region) {
        Witness w = Witnesses.of(region, namespace(), current.universe()).orElseThrow();
        return new Contribution(rule, region, w, RegionDescriber.describe(region, namespace()));
    }

    /**
     * A part of the widening and the rule peer that allows it ({@code rule == null}: pods that no
     * policy isolates any more), with a witness and a sentence describing the region.
     */
    public record Contribution(PolicyRuleRef rule, SideRegion region, Witness witness, String description) {
    }

    private static List<PolicyManifest> inNamespace(ManifestSet set, String namespace) {
        Map<String, List<PolicyManifest>> byNs = PolicyAnalyzer.byNamespace(set.policies());
        return byNs.getOrDefault(namespace, List.of());
    }
}
