package io.github.netpol.validate.apiserver;

import io.github.netpol.finding.FindingCode;
import io.github.netpol.model.semantics.NetipPrefix;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The CEL rules ({@code x-kubernetes-validations}) of the Network Policy API CRDs, written in Java: six distinct
 * rule texts over the two releases, each simple enough to write exactly, which keeps a CEL interpreter (and its
 * second of class loading) off every build. A rule is looked up by its exact text, so a CRD whose rule text
 * changes finds no implementation and fails loudly; a test evaluates every text against the real CEL engine.
 */
final class CrdRules {

    /** What a rule concluded: passed, or failed with the finding code the failure is reported as. */
    record Verdict(boolean passed, FindingCode code, String detail) {
        static final Verdict PASSED = new Verdict(true, null, null);

        static Verdict failed(FindingCode code, String detail) {
            return new Verdict(false, code, detail);
        }
    }

    static final String PORT_RANGE = "self.start < self.end";
    static final String IS_CIDR = "isCIDR(self)";
    static final String NAMED_PORT_CNP = "!(self.to.exists(peer, has(peer.networks) || has(peer.nodes) || "
            + "has(peer.domainNames)) && has(self.protocols) && self.protocols.exists(protocol, "
            + "has(protocol.destinationNamedPort)))";
    static final String NAMED_PORT_ANP = "!(self.to.exists(peer, has(peer.networks) || has(peer.nodes) || "
            + "has(peer.domainNames)) && has(self.ports) && self.ports.exists(port, has(port.namedPort)))";
    static final String NAMED_PORT_BANP = "!(self.to.exists(peer, has(peer.networks) || has(peer.nodes)) && "
            + "has(self.ports) && self.ports.exists(port, has(port.namedPort)))";
    static final String BANP_NAME = "self.metadata.name == 'default'";

    /** Each rule by its text: given the value at the rule's node, its verdict. */
    private static final Map<String, BiFunction<Object, String, Verdict>> RULES = Map.of(
            PORT_RANGE, (v, message) -> {
                Map<?, ?> range = (Map<?, ?>) v;
                long start = ((Number) range.get("start")).longValue();
                long end = ((Number) range.get("end")).longValue();
                return start < end ? Verdict.PASSED : Verdict.failed(FindingCode.INVALID_PORT_RANGE,
                        message + ": start " + start + ", end " + end + "; for a single port use number");
            },
            IS_CIDR, (v, message) -> {
                String problem = NetipPrefix.problem((String) v);
                return problem == null ? Verdict.PASSED
                        : Verdict.failed(FindingCode.INVALID_CIDR, message + ": '" + v + "': " + problem);
            },
            NAMED_PORT_CNP, (v, message) -> namedPort((Map<?, ?>) v, message, "protocols", "destinationNamedPort",
                    List.of("networks", "nodes", "domainNames")),
            NAMED_PORT_ANP, (v, message) -> namedPort((Map<?, ?>) v, message, "ports", "namedPort",
                    List.of("networks", "nodes", "domainNames")),
            NAMED_PORT_BANP, (v, message) -> namedPort((Map<?, ?>) v, message, "ports", "namedPort",
                    List.of("networks", "nodes")),
            BANP_NAME, (v, message) -> {
                Object metadata = ((Map<?, ?>) v).get("metadata");
                Object name = metadata instanceof Map<?, ?> m ? m.get("name") : null;
                return "default".equals(name) ? Verdict.PASSED : Verdict.failed(FindingCode.BASELINE_NAME_NOT_DEFAULT,
                        message + "; found the name '" + name + "'");
            });

    private CrdRules() {
    }

    /** Whether a rule text has an implementation. */
    static boolean implemented(String rule) {
        return RULES.containsKey(rule);
    }

    /**
     * The verdict of a rule on the value at its node; empty for a rule text without an implementation, which the
     * caller reports as an error rather than passing unchecked.
     */
    static Optional<Verdict> evaluate(String rule, String message, Object value) {
        BiFunction<Object, String, Verdict> f = RULES.get(rule);
        return f == null ? Optional.empty() : Optional.of(f.apply(value, message));
    }

    /** {@code !(to.exists(peer has an address field) && has(list) && list.exists(item has the named field))}. */
    private static Verdict namedPort(Map<?, ?> rule, String message, String list, String named, List<String> fields) {
        boolean addressPeer = rule.get("to") instanceof List<?> to && to.stream()
                .anyMatch(peer -> peer instanceof Map<?, ?> m && fields.stream().anyMatch(f -> m.get(f) != null));
        boolean namedPort = rule.get(list) instanceof List<?> items && items.stream()
                .anyMatch(item -> item instanceof Map<?, ?> m && m.get(named) != null);
        return addressPeer && namedPort ? Verdict.failed(FindingCode.NAMED_PORT_WITH_ADDRESS_PEER, message) : Verdict.PASSED;
    }
}
