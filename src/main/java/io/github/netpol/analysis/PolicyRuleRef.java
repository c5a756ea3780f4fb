package io.github.netpol.analysis;

import io.github.netpol.finding.Direction;
import io.github.netpol.finding.SourcePosition;
import io.github.netpol.model.PolicyManifest;

/**
 * One peer of one rule of a policy, the unit a finding points at.
 *
 * @param peerIndex index in {@code from}/{@code to}, or {@code -1} when the rule lists no peers
 *                  (it then matches every peer)
 */
public record PolicyRuleRef(PolicyManifest policy, Direction direction, int ruleIndex, int peerIndex) {

    /** JSON pointer of the peer (or of the rule when it has no peers). */
    public String pointer() {
        String rule = "/spec/" + direction.label() + "/" + ruleIndex;
        if (peerIndex < 0) {
            return rule;
        }
        return rule + (direction == Direction.INGRESS ? "/from/" : "/to/") + peerIndex;
    }

    public SourcePosition location() {
        return policy.origin().at(pointer());
    }

    /** {@code namespace/name ingress[0].from[1]}, for messages. */
    public String describe() {
        String peers = direction.peerField();
        return policy.key() + " " + direction.label() + "[" + ruleIndex + "]"
                + (peerIndex < 0 ? "" : "." + peers + "[" + peerIndex + "]");
    }
}
