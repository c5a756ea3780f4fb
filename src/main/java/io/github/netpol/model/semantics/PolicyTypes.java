package io.github.netpol.model.semantics;

import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicySpec;
import io.github.netpol.finding.Direction;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The policyTypes of a NetworkPolicy after the API server's defaulting (SEMANTICS 1.2): the written ones, or,
 * when none is written, Ingress plus Egress if the policy has egress rules.
 */
public final class PolicyTypes {

    private PolicyTypes() {
    }

    /** The directions the policy isolates the pods it selects for. */
    public static Set<Direction> effective(NetworkPolicy policy) {
        NetworkPolicySpec spec = policy.getSpec();
        Set<Direction> out = EnumSet.noneOf(Direction.class);
        if (omitted(policy)) {
            out.add(Direction.INGRESS);
            if (spec != null && spec.getEgress() != null && !spec.getEgress().isEmpty()) {
                out.add(Direction.EGRESS);
            }
            return Collections.unmodifiableSet(out);
        }
        for (String t : spec.getPolicyTypes()) {
            for (Direction d : Direction.values()) {
                if (d.policyType().equals(t)) {
                    out.add(d);
                }
            }
        }
        return Collections.unmodifiableSet(out);
    }

    /** True when the manifest lists no policyTypes, so that they are derived from the rules. */
    public static boolean omitted(NetworkPolicy policy) {
        List<String> written = policy.getSpec() == null ? null : policy.getSpec().getPolicyTypes();
        return written == null || written.isEmpty();
    }
}
