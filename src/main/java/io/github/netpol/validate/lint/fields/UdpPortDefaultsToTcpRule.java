package io.github.netpol.validate.lint.fields;

import io.github.netpol.finding.FindingCode;
import io.github.netpol.validate.lint.BaseRule;
import io.github.netpol.validate.lint.Examples;
import io.github.netpol.validate.lint.LintContext;
import io.github.netpol.validate.lint.PortView;
import io.github.netpol.validate.lint.PolicyRuleView;
import io.github.netpol.validate.lint.Violation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A UDP service port written without protocol: it defaults to TCP. */
public final class UdpPortDefaultsToTcpRule extends BaseRule {
    /** Well-known ports whose service is (mainly) UDP. */
    static final Map<Integer, String> UDP_SERVICES = Map.ofEntries(
            Map.entry(53, "DNS"), Map.entry(67, "DHCP"), Map.entry(68, "DHCP"), Map.entry(69, "TFTP"),
            Map.entry(123, "NTP"), Map.entry(161, "SNMP"), Map.entry(162, "SNMP traps"), Map.entry(514, "syslog"),
            Map.entry(1812, "RADIUS"), Map.entry(1813, "RADIUS accounting"), Map.entry(4789, "VXLAN"),
            Map.entry(5353, "mDNS"), Map.entry(8125, "StatsD"), Map.entry(51820, "WireGuard"));

    public UdpPortDefaultsToTcpRule() {
        super(FindingCode.UDP_PORT_DEFAULTS_TO_TCP,
                Examples.policy("""
                        podSelector: {}
                        policyTypes: [Egress]
                        egress:
                        - ports:
                          - port: 53
                        """),
                Examples.policy("""
                        podSelector: {}
                        policyTypes: [Egress]
                        egress:
                        - ports:
                          - port: 53
                            protocol: UDP
                          - port: 53
                            protocol: TCP
                        """));
    }

    @Override
    public List<Violation> check(LintContext context) {
        List<Violation> out = new ArrayList<>();
        for (PolicyRuleView rule : context.allRules()) {
            for (PortView port : rule.ports()) {
                if (port.protocolWritten() || !port.isNumeric() || !UDP_SERVICES.containsKey(port.from())) {
                    continue;
                }
                int number = port.from();
                // an explicit UDP item for the same port shows the TCP one is deliberate
                if (rule.ports().stream().anyMatch(p -> p.covers("UDP", number))) {
                    continue;
                }
                out.add(rule.policy().violation(port.pointer(), rule.direction(),
                        rule.where() + ": port " + number + " (" + UDP_SERVICES.get(number) + ") has no protocol, so it "
                                + "means TCP/" + number + " only and UDP/" + number + " stays blocked. Add protocol: UDP "
                                + "(and a second item with protocol: TCP if TCP is meant too)."));
            }
        }
        return out;
    }
}
