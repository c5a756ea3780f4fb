package io.github.netpol.analysis;

import io.github.netpol.finding.Direction;
import io.github.netpol.model.PolicyManifest;

import java.util.List;

/**
 * What one version allows on one side of the pods of one namespace.
 *
 * @param isolated     the local pods a NetworkPolicy isolates for this direction (a region over local labels only)
 * @param isolating    per NetworkPolicy of this type, the local pods it selects
 * @param notIsolated  the connections of pods that no NetworkPolicy isolates
 * @param rules        per NetworkPolicy rule peer, the connections it allows to the pods its policy selects
 * @param tiers        how the Admin tier, the NetworkPolicies and the Baseline tier combine: what the side lets
 *                     through
 */
public record SideAnalysis(String namespace, Direction direction, NamespaceUniverse universe, Region isolated,
                           List<Selection> isolating, SideRegion notIsolated, List<PolicyRuleRegion> rules,
                           TierEvaluation tiers) {

    public SideAnalysis {
        isolating = List.copyOf(isolating);
        rules = List.copyOf(rules);
    }

    /**
     * What the side lets through; where policies of equal priority leave it open, what it possibly lets through.
     * Without tier policies: the pods no NetworkPolicy isolates, and every NetworkPolicy rule.
     */
    public SideRegion allowed() {
        return tiers.possiblyAllowed();
    }

    /** What the side lets through whichever of the policies of equal priority applies. */
    public SideRegion certainlyAllowed() {
        return tiers.certainlyAllowed();
    }

    /** The local pods a NetworkPolicy isolates, or with a connection an Admin or Baseline rule possibly denies. */
    public Region possiblyIsolated() {
        return isolated.union(tiers.possiblyTierIsolated());
    }

    /** The local pods a NetworkPolicy isolates, or with a connection an Admin or Baseline rule certainly denies. */
    public Region certainlyIsolated() {
        return isolated.union(tiers.certainlyTierIsolated());
    }

    /** The local pods one policy selects. */
    public record Selection(PolicyManifest policy, Region pods) {
    }

    /** The connections one rule peer allows. */
    public record PolicyRuleRegion(PolicyRuleRef rule, SideRegion region) {
    }
}
