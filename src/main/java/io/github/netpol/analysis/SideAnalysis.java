package io.github.netpol.analysis;

import io.github.netpol.finding.Direction;
import io.github.netpol.model.PolicyManifest;

import java.util.List;

/**
 * What one version allows on one side of the pods of one namespace.
 *
 * @param isolated     the local pods isolated for this direction (a region over local labels only)
 * @param isolating    per policy of this type, the local pods it selects
 * @param notIsolated  the connections of pods that no policy isolates (everything for them)
 * @param rules        per rule peer, the connections it allows to the pods its policy selects
 * @param allowed      the union of {@code notIsolated} and every rule: what the side lets through
 */
public record SideAnalysis(String namespace, Direction direction, NamespaceUniverse universe, Region isolated,
                           List<Selection> isolating, SideRegion notIsolated, List<PolicyRuleRegion> rules,
                           SideRegion allowed) {

    public SideAnalysis {
        isolating = List.copyOf(isolating);
        rules = List.copyOf(rules);
    }

    /** The local pods one policy selects. */
    public record Selection(PolicyManifest policy, Region pods) {
    }

    /** The connections one rule peer allows. */
    public record PolicyRuleRegion(PolicyRuleRef rule, SideRegion region) {
    }
}
