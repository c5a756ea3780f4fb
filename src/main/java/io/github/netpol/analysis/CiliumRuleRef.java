package io.github.netpol.analysis;

import io.github.netpol.finding.Direction;
import io.github.netpol.finding.SourcePosition;
import io.github.netpol.model.CiliumPolicyManifest;
import io.github.netpol.model.semantics.CiliumPolicy;
import io.github.netpol.model.semantics.TierPolicy;

/**
 * A part of a Cilium policy that decides connections: an item of an allow or deny section, the L7 rules of an
 * allow item (which accept what their proxy lets through and drop the rest), or a rule's default deny for the
 * endpoints it selects.
 *
 * @param item      the section item, {@code null} for a default deny
 * @param role      what the part does: the item's plain ports, its L7 rules, or the rule's default deny
 * @param direction the direction the part applies to
 */
public record CiliumRuleRef(CiliumPolicyManifest manifest, CiliumPolicy.Rule rule, CiliumPolicy.PeerRule item,
                            Role role, TierPolicy.Action action, Direction direction) implements RuleRef {

    /** What a part of a Cilium policy is. */
    public enum Role {
        /** An allow or deny item at L3/L4. */
        ITEM,
        /** The L7 rules of an allow item: the proxy decides. */
        L7,
        /** The endpoints a rule selects deny what no allow admits. */
        DEFAULT_DENY
    }

    @Override
    public SourcePosition location() {
        return manifest.origin().at(item != null ? item.pointer() : rule.pointer());
    }

    @Override
    public String actionWord() {
        return action == TierPolicy.Action.ACCEPT ? "Allow" : "Deny";
    }

    /** {@code CiliumNetworkPolicy shop/db-guard}, {@code CiliumClusterwideNetworkPolicy baseline}. */
    @Override
    public String policyDescription() {
        return manifest.kind() + " " + (manifest.namespace() == null ? "" : manifest.namespace() + "/") + manifest.name();
    }

    /** {@code ingressDeny[0]}, {@code specs[1] egress[2]}, {@code egress[0] L7 rules}, {@code spec default deny}. */
    @Override
    public String label() {
        String spec = rule.pointer().equals("/spec") ? "" : "specs[" + rule.pointer().substring("/specs/".length()) + "] ";
        return switch (role) {
            case ITEM -> spec + item.label();
            case L7 -> spec + item.label() + " L7 rules";
            case DEFAULT_DENY -> (spec.isEmpty() ? "spec " : spec) + "default deny of " + direction.label();
        };
    }

    @Override
    public String policyKey() {
        return manifest.key();
    }

    @Override
    public String idKey() {
        return manifest.kind() + "/" + manifest.name();
    }

    @Override
    public String identity() {
        return manifest.key() + "/" + (item != null ? item.pointer() : rule.pointer() + "/" + direction.label()) + "/"
                + role + "/" + action;
    }
}
