package io.github.netpol.analysis;

import io.github.netpol.finding.SourcePosition;
import io.github.netpol.model.semantics.TierPolicy;

/**
 * A rule that decides connections in order, before or after the NetworkPolicies: one of a policy of the Admin or
 * Baseline tier, or of a Cilium policy. What a finding about such a rule needs to name it.
 */
public sealed interface RuleRef permits TierRuleRef, CiliumRuleRef {

    /** Where the rule is written. */
    SourcePosition location();

    /** What the rule does with the connections it matches. */
    TierPolicy.Action action();

    /** The action as the rule's kind spells it ({@code Accept}, {@code Allow}, {@code Deny}, {@code Pass}). */
    String actionWord();

    /** The policy in words: {@code ClusterNetworkPolicy tenants (Admin, priority 10)}. */
    String policyDescription();

    /** The rule's place in its policy: {@code ingress[0] 'deny-other-tenants'}, {@code specs[1] egressDeny[0]}. */
    String label();

    /** The key of the policy object ({@code kind/name}, {@code kind/namespace/name}). */
    String policyKey();

    /**
     * The policy in a finding id, after the side's namespace: {@code kind/name} (a namespaced policy's namespace is
     * the side's already).
     */
    default String idKey() {
        return policyKey();
    }

    /** The rule across versions: its policy, direction and position. */
    String identity();

    /** The whole rule in words, for messages. */
    default String describe() {
        return policyDescription() + " " + label() + " (" + actionWord() + ")";
    }
}
