package io.github.netpol.validate.lint;

import io.github.netpol.finding.Direction;
import io.github.netpol.model.CiliumPolicyManifest;
import io.github.netpol.model.semantics.CiliumEndpoints;
import io.github.netpol.model.semantics.CiliumPolicy;
import io.github.netpol.model.semantics.PolicyPort;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A CiliumNetworkPolicy or CiliumClusterwideNetworkPolicy as written and as read, for lint rules. */
public record CiliumPolicyView(CiliumPolicyManifest manifest, CiliumPolicy policy) {

    public static CiliumPolicyView of(CiliumPolicyManifest manifest) {
        return new CiliumPolicyView(manifest, CiliumPolicy.of(manifest));
    }

    public Subject subject() {
        return Subject.of(manifest);
    }

    /** {@code CiliumNetworkPolicy shop/api} or {@code CiliumClusterwideNetworkPolicy dns}. */
    public String describe() {
        return subject().describe();
    }

    /** {@code specs/0 of CiliumNetworkPolicy shop/api}; a {@code spec} rule is the policy's own. */
    public String describe(CiliumPolicy.Rule rule) {
        return (rule.pointer().equals("/spec") ? "" : rule.pointer().substring(1) + " of ") + describe();
    }

    /** {@code egress[1] of specs/0 of CiliumNetworkPolicy shop/api}; a {@code spec} rule is not named. */
    public String describe(CiliumPolicy.Rule rule, CiliumPolicy.PeerRule item) {
        return item.label() + " of " + describe(rule);
    }

    /** A rule of a policy with the pods its {@code endpointSelector} selects, read once ({@link CiliumEndpoints#subject}). */
    public record SelectingRule(CiliumPolicyView view, CiliumPolicy.Rule rule, CiliumEndpoints.Pods subject) {
    }

    /** The rules whose {@code endpointSelector} reads as pods, in written order (the others select no pod). */
    public List<SelectingRule> selectingRules() {
        List<SelectingRule> out = new ArrayList<>();
        for (CiliumPolicy.Rule rule : policy.rules()) {
            if (rule.subject() != null // a host policy's nodeSelector selects nodes
                    && CiliumEndpoints.subject(rule.subject(), manifest.clusterwide()) instanceof CiliumEndpoints.Pods pods) {
                out.add(new SelectingRule(this, rule, pods));
            }
        }
        return out;
    }

    /** An item of an allow section ({@code ingress}, {@code egress}) with the rule it belongs to. */
    public record AllowItem(CiliumPolicy.Rule rule, CiliumPolicy.PeerRule item) {
    }

    /** Every item of the allow sections of every rule, in written order. */
    public List<AllowItem> allowItems() {
        List<AllowItem> out = new ArrayList<>();
        for (CiliumPolicy.Rule rule : policy.rules()) {
            for (CiliumPolicy.Section section : CiliumPolicy.Section.values()) {
                if (!section.deny()) {
                    rule.section(section).forEach(item -> out.add(new AllowItem(rule, item)));
                }
            }
        }
        return out;
    }

    /** The ports of an item in the words of the messages: {@code TCP 80, UDP 53}, {@code every port}. */
    public static String ports(CiliumPolicy.PeerRule item) {
        if (item.anyPort()) {
            return "every port";
        }
        if (item.icmpOnly()) {
            return "ICMP only";
        }
        return item.ports().isEmpty() ? "no TCP, UDP or SCTP port"
                : String.join(", ", item.ports().stream().map(PolicyPort::describe).toList());
    }

    /** The node a pointer inside the object names, as written ({@code null} when absent). */
    public Object written(String pointer) {
        Object node = manifest.raw();
        for (String part : pointer.substring(1).split("/")) {
            if (node instanceof Map<?, ?> map) {
                node = map.get(part);
            } else if (node instanceof List<?> list && part.chars().allMatch(Character::isDigit)
                    && Integer.parseInt(part) < list.size()) {
                node = list.get(Integer.parseInt(part));
            } else {
                return null;
            }
        }
        return node;
    }

    public Violation violation(String pointer, Direction direction, String message, String fix) {
        return new Violation(subject(), pointer, direction, message, fix);
    }
}
