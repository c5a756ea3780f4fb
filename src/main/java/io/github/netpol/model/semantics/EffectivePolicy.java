package io.github.netpol.model.semantics;

import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicySpec;
import io.github.netpol.finding.Direction;
import io.github.netpol.model.PolicyManifest;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A NetworkPolicy as the API server holds it after defaulting (SEMANTICS 1.2): the pods it selects, the
 * directions it isolates them for, and its rules with their peers and ports. Validation, lint and the analysis
 * read policies through this, so each reads the same defaults.
 *
 * @param directions the effective policyTypes ({@link PolicyTypes})
 * @param ingress    the written ingress rules, whether or not the policy isolates ingress
 * @param egress     the written egress rules, whether or not the policy isolates egress
 */
public record EffectivePolicy(Selector podSelector, Set<Direction> directions, List<PolicyRule> ingress,
                              List<PolicyRule> egress) {

    public EffectivePolicy {
        directions = Set.copyOf(directions);
        ingress = List.copyOf(ingress);
        egress = List.copyOf(egress);
    }

    /**
     * The manifest's effective policy, computed once per manifest: the policy is never changed after it is read, and
     * a comparison asks for it many times (named namespaces, sides, ports, connectivity, examples, texts).
     */
    public static EffectivePolicy of(PolicyManifest manifest) {
        return (EffectivePolicy) manifest.effective().get(() -> of(manifest.policy()));
    }

    public static EffectivePolicy of(NetworkPolicy policy) {
        NetworkPolicySpec spec = policy.getSpec() == null ? new NetworkPolicySpec() : policy.getSpec();
        List<PolicyRule> ingress = new ArrayList<>();
        List<NetworkPolicyIngressRule> in = spec.getIngress() == null ? List.of() : spec.getIngress();
        for (int i = 0; i < in.size(); i++) {
            NetworkPolicyIngressRule r = in.get(i) == null ? new NetworkPolicyIngressRule() : in.get(i);
            ingress.add(new PolicyRule(Direction.INGRESS, i, peers(r.getFrom()), PolicyPort.of(r.getPorts())));
        }
        List<PolicyRule> egress = new ArrayList<>();
        List<NetworkPolicyEgressRule> out = spec.getEgress() == null ? List.of() : spec.getEgress();
        for (int i = 0; i < out.size(); i++) {
            NetworkPolicyEgressRule r = out.get(i) == null ? new NetworkPolicyEgressRule() : out.get(i);
            egress.add(new PolicyRule(Direction.EGRESS, i, peers(r.getTo()), PolicyPort.of(r.getPorts())));
        }
        return new EffectivePolicy(Selector.of(spec.getPodSelector()), PolicyTypes.effective(policy), ingress, egress);
    }

    /** Whether the policy isolates the pods it selects for this direction. */
    public boolean isolates(Direction direction) {
        return directions.contains(direction);
    }

    /** The rules written for a direction, whether or not the policy's types make them count. */
    public List<PolicyRule> rules(Direction direction) {
        return direction == Direction.INGRESS ? ingress : egress;
    }

    /** The rules that take effect: those of a direction the policy isolates. */
    public List<PolicyRule> effectiveRules(Direction direction) {
        return isolates(direction) ? rules(direction) : List.of();
    }

    private static List<Peer> peers(List<NetworkPolicyPeer> peers) {
        return peers == null ? List.of() : peers.stream().map(Peer::of).toList();
    }
}
