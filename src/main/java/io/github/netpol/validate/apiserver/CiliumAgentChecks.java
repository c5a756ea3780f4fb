package io.github.netpol.validate.apiserver;

import io.github.netpol.finding.Direction;
import io.github.netpol.finding.FindingCode;
import io.github.netpol.model.CiliumPolicyManifest;
import io.github.netpol.model.semantics.Cidr;
import io.github.netpol.model.semantics.CiliumPolicy;
import io.github.netpol.model.semantics.CiliumPort;
import io.github.netpol.model.semantics.IpAddress;
import io.github.netpol.model.semantics.NetipPrefix;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The checks the Cilium agent makes on a policy the API server stored ({@code pkg/policy/api} {@code Rule.Validate}
 * and the CiliumNetworkPolicy parser), with the agent's default configuration (L7 proxy and ICMP rules on, node
 * selector labels and extended IP protocols off). A failing rule makes the agent refuse the whole policy, so each
 * is an error; the message quotes Cilium's reason. Checks the CRD schema already makes are not repeated.
 */
final class CiliumAgentChecks {

    private CiliumAgentChecks() {
    }

    static void check(CiliumPolicyManifest policy, FindingSink sink) {
        Map<String, Object> raw = policy.raw();
        if (raw.get("spec") == null && raw.get("specs") == null) {
            refuse(policy, sink, "", "Invalid " + policy.kind() + " spec(s): empty policy",
                    "add a spec (or specs) with an endpointSelector and rules");
            return;
        }
        if (raw.get("spec") instanceof Map<?, ?> spec) {
            rule(policy, spec, "/spec", sink);
        }
        if (raw.get("specs") instanceof List<?> specs) {
            for (int i = 0; i < specs.size(); i++) {
                if (specs.get(i) instanceof Map<?, ?> spec) {
                    rule(policy, spec, "/specs/" + i, sink);
                }
            }
        }
    }

    private static void rule(CiliumPolicyManifest policy, Map<?, ?> spec, String at, FindingSink sink) {
        boolean hostPolicy = spec.get("nodeSelector") != null;
        if (hostPolicy && !policy.clusterwide()) {
            refuse(policy, sink, at + "/nodeSelector", "Invalid CiliumNetworkPolicy spec: rule cannot have NodeSelector",
                    "a host policy must be a CiliumClusterwideNetworkPolicy; select pods with endpointSelector here");
        }
        boolean anyKey = false;
        boolean anyRule = false;
        for (CiliumPolicy.Section section : CiliumPolicy.Section.values()) {
            if (spec.get(section.field()) instanceof List<?> items) {
                anyKey = true;
                anyRule |= !items.isEmpty();
                for (int i = 0; i < items.size(); i++) {
                    if (items.get(i) instanceof Map<?, ?> item) {
                        item(policy, section, hostPolicy, item, at + "/" + section.field() + "/" + i, sink);
                    }
                }
            }
        }
        if (anyKey && !anyRule) {
            refuse(policy, sink, at, "rule must have at least one of Ingress, IngressDeny, Egress, EgressDeny",
                    "an empty list is no rule: write `ingress: [{}]` to deny all ingress, or remove the rule");
        }
    }

    private static void item(CiliumPolicyManifest policy, CiliumPolicy.Section section, boolean hostPolicy,
                             Map<?, ?> item, String at, FindingSink sink) {
        List<String> kinds = section.peerFields().stream()
                .filter(f -> item.get(f) instanceof List<?> l && !l.isEmpty()).toList();
        if (kinds.size() > 1) {
            refuse(policy, sink, at + "/" + kinds.get(1), "combining " + goName(kinds.get(0)) + " and "
                    + goName(kinds.get(1)) + " is not supported yet", "split them into two rules, one peer kind each");
        }
        for (String nodes : List.of("fromNodes", "toNodes")) {
            if (item.get(nodes) instanceof List<?> l && !l.isEmpty()) {
                refuse(policy, sink, at + "/" + nodes, "FromNodes/ToNodes rules can only be applied when the "
                        + "\"enable-node-selector-labels\" flag is set", "it is off by default; select nodes with "
                        + "toEntities/fromEntities (host, remote-node) instead");
            }
        }
        String cidrSets = section.direction().peerField() + "CIDRSet";
        if (item.get(cidrSets) instanceof List<?> sets) {
            for (int i = 0; i < sets.size(); i++) {
                if (sets.get(i) instanceof Map<?, ?> set) {
                    cidrSet(policy, set, at + "/" + cidrSets + "/" + i, sink);
                }
            }
        }
        boolean hasIcmps = item.get("icmps") instanceof List<?> icmps && !icmps.isEmpty();
        boolean hasToPorts = item.get("toPorts") instanceof List<?> tp && !tp.isEmpty();
        if (hasIcmps && hasToPorts) {
            refuse(policy, sink, at + "/icmps", "the ICMPs block may only be present without ToPorts. Define a "
                    + "separate rule to use ToPorts", "move the icmps to a rule of their own");
        }
        if (!(item.get("toPorts") instanceof List<?> toPorts)) {
            return;
        }
        boolean ingress = section.direction() == Direction.INGRESS;
        for (int i = 0; i < toPorts.size(); i++) {
            if (toPorts.get(i) instanceof Map<?, ?> portRule) {
                portRule(policy, section, ingress, hostPolicy, portRule, at + "/toPorts/" + i, sink);
            }
        }
    }

    private static void portRule(CiliumPolicyManifest policy, CiliumPolicy.Section section, boolean ingress,
                                 boolean hostPolicy, Map<?, ?> portRule, String at, FindingSink sink) {
        Map<?, ?> rules = portRule.get("rules") instanceof Map<?, ?> r ? r : Map.of();
        boolean http = rules.get("http") instanceof List<?> h && !h.isEmpty();
        boolean dns = rules.get("dns") instanceof List<?> d && !d.isEmpty();
        boolean l7 = rules.get("http") != null || rules.get("dns") != null;
        if (!section.deny()) {
            if (hostPolicy && ingress && (http || dns)) {
                refuse(policy, sink, at + "/rules", "L7 policy is not supported on host ingress yet",
                        "remove the L7 rules from the host policy");
            } else if (ingress && dns) {
                refuse(policy, sink, at + "/rules/dns", "L7 protocol DNS is not supported on ingress yet",
                        "DNS rules belong to egress rules");
            } else if (hostPolicy && http) {
                refuse(policy, sink, at + "/rules/http", "L7 protocol HTTP is not supported on host egress yet",
                        "remove the HTTP rules from the host policy");
            }
            if (portRule.get("serverNames") instanceof List<?> names) {
                if (!names.isEmpty() && (http || dns) && portRule.get("terminatingTLS") == null) {
                    refuse(policy, sink, at + "/serverNames", "ServerNames are not allowed with L7 rules without TLS "
                            + "termination", "add terminatingTLS, or drop the serverNames or the L7 rules");
                }
                if (names.contains("")) {
                    refuse(policy, sink, at + "/serverNames", "empty server name is not allowed",
                            "remove the empty server name");
                }
            }
        }
        boolean zero = false;
        if (portRule.get("ports") instanceof List<?> ports) {
            for (int i = 0; i < ports.size(); i++) {
                if (ports.get(i) instanceof Map<?, ?> port) {
                    zero |= port(policy, port, dns, at + "/ports/" + i, sink);
                    String protocol = port.get("protocol") instanceof String p ? p : "";
                    if (http && !dns && !"TCP".equals(protocol)) {
                        refuse(policy, sink, at + "/ports/" + i + (protocol.isEmpty() ? "" : "/protocol"),
                                "L7 rules can only apply to TCP (not " + (protocol.isEmpty() ? "ANY, the default" : protocol)
                                        + ") except for DNS rules", "write protocol: TCP");
                    }
                }
            }
        }
        if (section.deny()) {
            return;
        }
        if (portRule.get("listener") instanceof Map<?, ?> listener) {
            Object name = listener.get("name");
            if (ingress) {
                refuse(policy, sink, at + "/listener", "Listener is not allowed on ingress (" + name + ")",
                        "a listener is for egress rules");
            } else if (http || dns) {
                refuse(policy, sink, at + "/listener", "Listener is not allowed with L7 rules (" + name + ")",
                        "drop the listener or the L7 rules");
            }
        }
        if ((http || dns) && zero) {
            refuse(policy, sink, at + "/rules", "L7 rules can not be used when a port is 0", "name the port");
        }
        if (l7 && dns && !(portRule.get("ports") instanceof List<?> ps && !ps.isEmpty())) {
            refuse(policy, sink, at + "/rules/dns", "port 53 must be specified for DNS rules",
                    "add ports: [{port: \"53\", protocol: ANY}]");
        }
    }

    /** {@code PortProtocol.Validate}; whether the port is 0 (every port). */
    private static boolean port(CiliumPolicyManifest policy, Map<?, ?> port, boolean dns, String at, FindingSink sink) {
        String text = port.get("port") instanceof String s ? s : port.get("port") == null ? "" : String.valueOf(port.get("port"));
        if (text.isEmpty()) {
            refuse(policy, sink, at, "port must be specified", "write a port, or \"0\" for every port (the "
                    + "\"enable-extended-ip-protocols\" flag, off by default, would lift this)");
            return false;
        }
        if (CiliumPort.isServiceName(text)) {
            return false;
        }
        String protocol = port.get("protocol") instanceof String p ? p : "";
        if (!text.equals("0") && (protocol.equals("VRRP") || protocol.equals("IGMP"))) {
            refuse(policy, sink, at + "/port", "port must be empty or 0", protocol + " has no ports");
            return false;
        }
        CiliumPort.Parsed parsed = CiliumPort.parse(text);
        if (parsed.problem() != null) {
            refuse(policy, sink, at + "/port", parsed.problem(), "write a decimal number 0-65535 without leading zero,"
                    + " or a port name");
            return false;
        }
        if (dns && port.get("endPort") instanceof Number end && end.longValue() > parsed.number()) {
            refuse(policy, sink, at + "/endPort", "DNS rules do not support port ranges", "remove endPort");
        }
        return parsed.number() == 0;
    }

    /** {@code CIDRRule.Validate}: prefix notation, each except inside the cidr (the CRD checks the rest). */
    private static void cidrSet(CiliumPolicyManifest policy, Map<?, ?> set, String at, FindingSink sink) {
        if (!(set.get("cidr") instanceof String text) || text.isEmpty()) {
            return;
        }
        String problem = NetipPrefix.parsePrefixProblem(text);
        if (problem != null) {
            refuse(policy, sink, at + "/cidr", "unable to parse CIDRRule \"" + text + "\": " + problem,
                    "write address/prefix-length without leading zeros");
            return;
        }
        Optional<Cidr> cidr = Cidr.parse(text);
        if (cidr.isEmpty() || !(set.get("except") instanceof List<?> excepts)) {
            return;
        }
        for (int i = 0; i < excepts.size(); i++) {
            if (!(excepts.get(i) instanceof String e)) {
                continue;
            }
            String exceptProblem = NetipPrefix.parsePrefixProblem(e);
            Optional<Cidr> except = Cidr.parse(e);
            if (exceptProblem != null || except.isEmpty()) {
                refuse(policy, sink, at + "/except/" + i, "netip.ParsePrefix(\"" + e + "\"): " + exceptProblem,
                        "write address/prefix-length");
            } else if (!containsAddress(cidr.get(), e)) {
                refuse(policy, sink, at + "/except/" + i, "allow CIDR prefix " + text + " does not contain exclude CIDR"
                        + " prefix " + e, "an except must lie inside its cidr");
            }
        }
    }

    /**
     * {@code netip.Prefix.Contains(except.Addr())}: the except's address as written (its host bits kept, its prefix
     * length ignored) is in the cidr, of the same family.
     */
    private static boolean containsAddress(Cidr cidr, String except) {
        byte[] address = IpAddress.bytes(except.substring(0, except.indexOf('/')));
        if (address == null || (address.length == 4) != cidr.ipv4() || cidr.ipv4Mapped()) {
            return false;
        }
        BigInteger value = new BigInteger(1, address);
        return cidr.first().compareTo(value) <= 0 && value.compareTo(cidr.last()) <= 0;
    }

    private static String goName(String field) {
        return Character.toUpperCase(field.charAt(0)) + field.substring(1);
    }

    private static void refuse(CiliumPolicyManifest policy, FindingSink sink, String pointer, String reason, String fix) {
        sink.error(FindingCode.CILIUM_AGENT_REJECTS, pointer, policy.kind() + ": the Cilium agent would refuse this"
                + " policy and enforce none of it (\"" + reason + "\"); " + fix + ".");
    }
}
