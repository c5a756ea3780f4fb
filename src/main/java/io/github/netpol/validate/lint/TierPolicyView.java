package io.github.netpol.validate.lint;

import io.github.netpol.finding.Direction;
import io.github.netpol.finding.SourcePosition;
import io.github.netpol.model.TierPolicyManifest;
import io.github.netpol.model.semantics.TierPolicy;
import io.github.netpol.model.semantics.TierRule;

/** A ClusterNetworkPolicy, AdminNetworkPolicy or BaselineAdminNetworkPolicy as written and as read, for lint rules. */
public record TierPolicyView(TierPolicyManifest manifest, TierPolicy policy) {

    public static TierPolicyView of(TierPolicyManifest manifest) {
        return new TierPolicyView(manifest, TierPolicy.of(manifest));
    }

    public Subject subject() {
        return Subject.of(manifest);
    }

    /** Where a part of it is written, e.g. {@code platform/tenants.yaml:14:5}. */
    public SourcePosition at(String pointer) {
        return manifest.origin() == null ? null : manifest.origin().at(pointer);
    }

    /** {@code ingress[0] 'deny-others' (Deny) of ClusterNetworkPolicy tenants (Admin, priority 10)}. */
    public String describe(TierRule rule) {
        return rule.label() + " (" + rule.action().word(policy.kind()) + ") of " + policy.describe();
    }

    public Violation violation(String pointer, Direction direction, String message, String fix) {
        return new Violation(subject(), pointer, direction, message, fix);
    }
}
