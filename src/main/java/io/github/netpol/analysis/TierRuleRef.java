package io.github.netpol.analysis;

import io.github.netpol.finding.SourcePosition;
import io.github.netpol.model.TierPolicyManifest;
import io.github.netpol.model.semantics.TierPolicy;
import io.github.netpol.model.semantics.TierRule;

/** One rule of a policy of the Admin or Baseline tier, the unit a finding about it points at. */
public record TierRuleRef(TierPolicyManifest manifest, TierPolicy policy, TierRule rule) implements RuleRef {

    @Override
    public SourcePosition location() {
        return manifest.origin().at(rule.pointer());
    }

    /** What the rule does with the connections it matches, as its kind spells it. */
    @Override
    public TierPolicy.Action action() {
        return rule.deniesAllForUnknownPeer() ? TierPolicy.Action.DENY : rule.action();
    }

    @Override
    public String actionWord() {
        return action().word(policy.kind());
    }

    @Override
    public String policyDescription() {
        return policy.describe();
    }

    @Override
    public String label() {
        return rule.label();
    }

    @Override
    public String policyKey() {
        return manifest.key();
    }

    @Override
    public String identity() {
        return manifest.key() + "/" + rule.direction() + "/" + rule.index();
    }

    /**
     * {@code ClusterNetworkPolicy tenants (Admin, priority 10) ingress[0] 'deny-other-tenants' (Deny)}, for
     * messages.
     */
    @Override
    public String describe() {
        return policy.describe() + " " + rule.label() + " (" + actionWord() + ")";
    }
}
