package io.github.netpol.validate.apiserver;

import io.github.netpol.finding.FindingCode;
import io.github.netpol.finding.Severity;
import io.github.netpol.load.JsonPointer;
import io.github.netpol.model.ManifestObject;
import io.github.netpol.model.semantics.PolicyPort;
import io.github.netpol.model.semantics.TierPolicy;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A ClusterNetworkPolicy, AdminNetworkPolicy or BaselineAdminNetworkPolicy as the API server checks it against its
 * CRD (the OpenAPI schema of the configured channel, then the CEL rules unless a blocking error stopped them) and
 * its metadata; then what the API server accepts but no implementation can read the same way, which fails closed
 * here rather than being guessed: selector keys, operators and values (the CRD does not look inside a label
 * selector), a v1alpha1 protocol other than TCP, UDP or SCTP, a v1alpha1 port range whose start is after its end,
 * and domainNames in a rule that is not Accept.
 */
final class TierPolicyChecks {

    private final CustomResourceReading reading = new CustomResourceReading();
    private final CrdChannel channel;

    TierPolicyChecks(CrdChannel channel) {
        this.channel = channel;
    }

    void check(TierPolicy.Kind kind, ManifestObject object, FindingSink sink) {
        StructuralSchema walk = StructuralSchema.check(CrdSchemas.schema(kind, channel), object.raw());
        boolean blocked = CustomResourceReading.schemaErrors(kind.kindName(), walk,
                pointer -> experimentalHint(kind, pointer), sink);
        if (blocked && !walk.rules().isEmpty()) {
            sink.add(FindingCode.VALIDATION_RULES_NOT_CHECKED, Severity.INFO, "", kind.kindName() + ": some validation"
                    + " rules were not checked because the object was invalid; correct the errors above to complete"
                    + " validation.");
        } else {
            for (StructuralSchema.RuleSite site : walk.rules()) {
                Optional<CrdRules.Verdict> verdict = CrdRules.evaluate(site.rule(), site.message(), site.value());
                if (verdict.isEmpty()) {
                    throw new IllegalStateException("no implementation of the CRD rule " + site.rule());
                }
                if (!verdict.get().passed()) {
                    String field = JsonPointer.display(site.pointer());
                    sink.error(verdict.get().code(), site.pointer(), kind.kindName()
                            + (field.isEmpty() ? "" : " field '" + field + "'") + ": " + verdict.get().detail() + ".");
                }
            }
        }
        reading.metadata(kind.kindName(), object.raw(), sink);
        for (StructuralSchema.SelectorSite s : walk.selectors()) {
            reading.selector(s.value()).ifPresent(selector -> SelectorChecks.check(selector, s.pointer(), sink));
        }
        if (kind.v1alpha1()) {
            v1alpha1Ports(kind, object.raw(), sink);
        }
        domainNames(kind, object.raw(), sink);
    }

    /** Under the standard channel, a field that only the experimental CRD knows: say which parameter enables it. */
    private String experimentalHint(TierPolicy.Kind kind, String pointer) {
        if (channel == CrdChannel.EXPERIMENTAL || !knows(CrdSchemas.schema(kind, CrdChannel.EXPERIMENTAL), pointer)) {
            return "";
        }
        return ". It is a field of the experimental channel of the Network Policy API; if the cluster runs the "
                + "experimental CRDs, set netpol.networkPolicyApiChannel=experimental";
    }

    /** Whether the schema has a node at this pointer (list indexes follow items). */
    @SuppressWarnings("unchecked")
    private static boolean knows(Map<String, Object> schema, String pointer) {
        Map<String, Object> s = schema;
        for (String token : pointer.substring(1).split("/")) {
            if (s.get("items") instanceof Map<?, ?> items && token.chars().allMatch(Character::isDigit)) {
                s = (Map<String, Object>) items;
            } else if (s.get("properties") instanceof Map<?, ?> props && props.get(token) instanceof Map<?, ?> child) {
                s = (Map<String, Object>) child;
            } else {
                return false;
            }
        }
        return true;
    }

    /** The protocol of a portNumber or portRange is a free string in the CRD; only three words have a meaning. */
    private static void v1alpha1Ports(TierPolicy.Kind kind, Map<String, Object> raw, FindingSink sink) {
        forEachRule(raw, (pointer, rule) -> {
            if (!(rule.get("ports") instanceof List<?> ports)) {
                return;
            }
            for (int i = 0; i < ports.size(); i++) {
                if (!(ports.get(i) instanceof Map<?, ?> port)) {
                    continue;
                }
                String at = pointer + "/ports/" + i;
                for (String field : List.of("portNumber", "portRange")) {
                    if (port.get(field) instanceof Map<?, ?> p && p.get("protocol") instanceof String protocol
                            && !PolicyPort.PROTOCOLS.contains(protocol)) {
                        sink.error(FindingCode.INVALID_PROTOCOL, at + "/" + field + "/protocol", kind.kindName()
                                + " protocol '" + protocol + "' has no defined meaning: the CRD accepts any word, but only"
                                + " TCP, UDP and SCTP (case-sensitive) mean a protocol, and implementations differ on the"
                                + " rest; use one of them.");
                    }
                }
                if (port.get("portRange") instanceof Map<?, ?> range && range.get("start") instanceof Number start
                        && range.get("end") instanceof Number end && start.longValue() > end.longValue()) {
                    sink.error(FindingCode.INVALID_PORT_RANGE, at + "/portRange", kind.kindName() + " portRange starts at "
                            + start + " after its end " + end + ": the CRD accepts it, but which ports it matches is up"
                            + " to each implementation; write start <= end.");
                }
            }
        });
    }

    /** domainNames are supported only in Accept rules; the CRD leaves the others undefined. */
    private static void domainNames(TierPolicy.Kind kind, Map<String, Object> raw, FindingSink sink) {
        forEachRule(raw, (pointer, rule) -> {
            if (!pointer.startsWith("/spec/egress/") || !(rule.get("to") instanceof List<?> to)) {
                return;
            }
            Object action = rule.get("action");
            if ("Accept".equals(action) || "Allow".equals(action)) {
                return;
            }
            for (int i = 0; i < to.size(); i++) {
                if (to.get(i) instanceof Map<?, ?> peer && peer.get("domainNames") != null) {
                    sink.error(FindingCode.DOMAIN_NAMES_IN_DENY_RULE, pointer + "/to/" + i + "/domainNames",
                            kind.kindName() + " rule with action " + action + " has domainNames, which are supported only"
                                    + " for " + TierPolicy.Action.ACCEPT.word(kind) + " rules: what an implementation"
                                    + " does with it is undefined. Deny by networks, or accept the names and deny the"
                                    + " rest below.");
                }
            }
        });
    }

    private interface RuleVisitor {
        void visit(String pointer, Map<?, ?> rule);
    }

    private static void forEachRule(Map<String, Object> raw, RuleVisitor visitor) {
        if (!(raw.get("spec") instanceof Map<?, ?> spec)) {
            return;
        }
        for (String direction : List.of("ingress", "egress")) {
            if (spec.get(direction) instanceof List<?> rules) {
                for (int i = 0; i < rules.size(); i++) {
                    if (rules.get(i) instanceof Map<?, ?> rule) {
                        visitor.visit("/spec/" + direction + "/" + i, rule);
                    }
                }
            }
        }
    }
}
