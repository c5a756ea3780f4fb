package io.github.netpol.validate.lint;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicySpec;
import io.github.netpol.finding.Direction;
import io.github.netpol.finding.SourcePosition;
import io.github.netpol.model.PolicyManifest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A policy as the API server sees it after defaulting (SEMANTICS 1.2): {@code policyTypes}
 * defaulted from the rules, protocol TCP on ports; plus what was actually written, which the
 * parsed object cannot tell (fabric8 turns an omitted list into an empty one), via the source map.
 */
public final class PolicyView {
    private final PolicyManifest manifest;
    private final NetworkPolicySpec spec;
    private final List<RuleView> ingress;
    private final List<RuleView> egress;
    /** Read once like the rules: rules ask for the isolation of every policy many times. */
    private final List<String> writtenPolicyTypes;

    public PolicyView(PolicyManifest manifest) {
        this.manifest = manifest;
        this.spec = manifest.policy().getSpec() == null ? new NetworkPolicySpec() : manifest.policy().getSpec();
        this.ingress = ingressRules();
        this.egress = egressRules();
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

    public LabelSelector podSelector() {
        return spec.getPodSelector();
    }

    public List<String> writtenPolicyTypes() {
        return writtenPolicyTypes;
    }

    public boolean policyTypesWritten() {
        return !writtenPolicyTypes().isEmpty();
    }

    /** Effective policyTypes after defaulting: written ones, else Ingress plus Egress when egress rules exist. */
    public boolean isolates(Direction direction) {
        if (policyTypesWritten()) {
            return writtenPolicyTypes().contains(direction.policyType());
        }
        return direction == Direction.INGRESS || !egress.isEmpty();
    }

    /** The rules written for a direction, whether or not the policy's types make them count. */
    public List<RuleView> rules(Direction direction) {
        return direction == Direction.INGRESS ? ingress : egress;
    }

    /** The rules that take effect: those of a direction the policy isolates. */
    public List<RuleView> effectiveRules(Direction direction) {
        return isolates(direction) ? rules(direction) : List.of();
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

    private List<RuleView> ingressRules() {
        List<RuleView> out = new ArrayList<>();
        List<NetworkPolicyIngressRule> rules = spec.getIngress() == null ? List.of() : spec.getIngress();
        for (int i = 0; i < rules.size(); i++) {
            NetworkPolicyIngressRule r = rules.get(i) == null ? new NetworkPolicyIngressRule() : rules.get(i);
            String p = "/spec/ingress/" + i;
            out.add(new RuleView(this, Direction.INGRESS, i, p, peers(r.getFrom()), written(p + "/from"),
                    RuleView.portViews(p, r.getPorts()), written(p + "/ports")));
        }
        return Collections.unmodifiableList(out);
    }

    private List<RuleView> egressRules() {
        List<RuleView> out = new ArrayList<>();
        List<NetworkPolicyEgressRule> rules = spec.getEgress() == null ? List.of() : spec.getEgress();
        for (int i = 0; i < rules.size(); i++) {
            NetworkPolicyEgressRule r = rules.get(i) == null ? new NetworkPolicyEgressRule() : rules.get(i);
            String p = "/spec/egress/" + i;
            out.add(new RuleView(this, Direction.EGRESS, i, p, peers(r.getTo()), written(p + "/to"),
                    RuleView.portViews(p, r.getPorts()), written(p + "/ports")));
        }
        return Collections.unmodifiableList(out);
    }

    /** Keeps list positions, so pointers stay right; a null item (rejected by validation) matches nothing. */
    private static List<NetworkPolicyPeer> peers(List<NetworkPolicyPeer> list) {
        return list == null ? List.of() : list.stream().map(p -> p == null ? new NetworkPolicyPeer() : p).toList();
    }
}
