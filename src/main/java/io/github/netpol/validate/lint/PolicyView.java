package io.github.netpol.validate.lint;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicySpec;
import io.github.netpol.finding.Direction;
import io.github.netpol.finding.SourcePosition;
import io.github.netpol.model.PolicyManifest;
import io.github.netpol.model.semantics.EffectivePolicy;
import io.github.netpol.model.semantics.PolicyRule;
import io.github.netpol.model.semantics.PolicyTypes;
import io.github.netpol.model.semantics.Selector;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A policy as the API server sees it after defaulting ({@link EffectivePolicy}), plus what was actually
 * written, which the parsed object cannot tell (fabric8 turns an omitted list into an empty one), via the
 * source map.
 */
public final class PolicyView {
    private final PolicyManifest manifest;
    private final NetworkPolicySpec spec;
    private final EffectivePolicy effective;
    private final List<PolicyRuleView> ingress;
    private final List<PolicyRuleView> egress;
    /** Read once like the rules: rules ask for the isolation of every policy many times. */
    private final List<String> writtenPolicyTypes;

    public PolicyView(PolicyManifest manifest) {
        this.manifest = manifest;
        this.spec = manifest.policy().getSpec() == null ? new NetworkPolicySpec() : manifest.policy().getSpec();
        this.effective = EffectivePolicy.of(manifest);
        this.ingress = rules(Direction.INGRESS, spec.getIngress(), NetworkPolicyIngressRule::getFrom);
        this.egress = rules(Direction.EGRESS, spec.getEgress(), NetworkPolicyEgressRule::getTo);
        this.writtenPolicyTypes = spec.getPolicyTypes() == null ? List.of()
                : spec.getPolicyTypes().stream().filter(Objects::nonNull).toList();
    }

    public PolicyManifest manifest() {
        return manifest;
    }

    public Subject subject() {
        return Subject.of(manifest);
    }

    public String namespace() {
        return manifest.namespace();
    }

    /** {@code ns/name} for messages. */
    public String ref() {
        return manifest.key();
    }

    /** {@code spec.podSelector} as written (two policies with equal ones select the same pods). */
    public LabelSelector podSelector() {
        return spec.getPodSelector();
    }

    /** The pods the policy selects. */
    public Selector selector() {
        return effective.podSelector();
    }

    public List<String> writtenPolicyTypes() {
        return writtenPolicyTypes;
    }

    public boolean policyTypesWritten() {
        return !PolicyTypes.omitted(manifest.policy());
    }

    /** Effective policyTypes after defaulting ({@link PolicyTypes}). */
    public boolean isolates(Direction direction) {
        return effective.isolates(direction);
    }

    /** The rules written for a direction, whether or not the policy's types make them count. */
    public List<PolicyRuleView> rules(Direction direction) {
        return direction == Direction.INGRESS ? ingress : egress;
    }

    /** The rules that take effect: those of a direction the policy isolates. */
    public List<PolicyRuleView> effectiveRules(Direction direction) {
        // the same rules, with their positions and how they are written
        return effective.effectiveRules(direction).isEmpty() ? List.of() : rules(direction);
    }

    /** True when the manifest has a node at this pointer (relative to the policy). */
    public boolean written(String pointer) {
        return manifest.origin() != null
                && manifest.origin().sourceMap().has(manifest.origin().pointerPrefix() + pointer);
    }

    public SourcePosition at(String pointer) {
        return manifest.origin().at(pointer);
    }

    public Violation violation(String pointer, Direction direction, String message) {
        return new Violation(subject(), pointer, direction, message);
    }

    private <R> List<PolicyRuleView> rules(Direction direction, List<R> written, Function<R, List<NetworkPolicyPeer>> peers) {
        List<PolicyRuleView> out = new ArrayList<>();
        for (PolicyRule rule : effective.rules(direction)) {
            R r = written.get(rule.index());
            List<NetworkPolicyPeer> peerList = r == null || peers.apply(r) == null ? List.of() : peers.apply(r);
            // keeps list positions, so pointers stay right; a null item (rejected by validation) is an empty peer
            List<NetworkPolicyPeer> asWritten = peerList.stream().map(p -> p == null ? new NetworkPolicyPeer() : p).toList();
            List<PortView> portViews = new ArrayList<>();
            for (int i = 0; i < rule.ports().size(); i++) {
                portViews.add(new PortView(rule.ports().get(i), rule.pointer() + "/ports/" + i));
            }
            boolean peersWritten = written(rule.pointer() + "/" + rule.peerField());
            out.add(new PolicyRuleView(this, rule, asWritten, peersWritten, peersWritten && (r == null || peers.apply(r) == null),
                    Collections.unmodifiableList(portViews), written(rule.pointer() + "/ports")));
        }
        return Collections.unmodifiableList(out);
    }
}
