package io.github.netpol.analysis;

import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicySpec;
import io.github.netpol.finding.Direction;

import java.util.EnumSet;
import java.util.Set;

/** The policyTypes after API-server defaulting (SEMANTICS 1.2). */
public final class PolicyTypes {

    private PolicyTypes() {
    }

    public static Set<Direction> effective(NetworkPolicy policy) {
        NetworkPolicySpec spec = policy.getSpec();
        Set<Direction> out = EnumSet.noneOf(Direction.class);
        if (spec == null) {
            out.add(Direction.INGRESS);
            return out;
        }
        if (spec.getPolicyTypes() == null || spec.getPolicyTypes().isEmpty()) {
            out.add(Direction.INGRESS);
            if (spec.getEgress() != null && !spec.getEgress().isEmpty()) {
                out.add(Direction.EGRESS);
            }
            return out;
        }
        for (String t : spec.getPolicyTypes()) {
            if ("Ingress".equals(t)) {
                out.add(Direction.INGRESS);
            } else if ("Egress".equals(t)) {
                out.add(Direction.EGRESS);
            }
        }
        return out;
    }
}
