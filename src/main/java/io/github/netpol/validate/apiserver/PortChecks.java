package io.github.netpol.validate.apiserver;

import io.github.netpol.finding.FindingCode;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.github.netpol.model.semantics.PolicyPort;

/** A NetworkPolicyPort: protocol, numeric or named port, endPort. */
final class PortChecks {

    private PortChecks() {
    }

    static void check(NetworkPolicyPort port, String pointer, FindingSink sink) {
        if (port == null) {
            return;
        }
        if (port.getProtocol() != null && !PolicyPort.PROTOCOLS.contains(port.getProtocol())) {
            sink.error(FindingCode.INVALID_PROTOCOL, pointer + "/protocol", "Protocol '" + port.getProtocol()
                    + "' is not supported; use TCP, UDP or SCTP (upper case).");
        }
        IntOrString value = port.getPort();
        Integer number = value == null ? null : value.getIntVal();
        if (number != null && (number < 1 || number > PolicyPort.MAX_PORT)) {
            sink.error(FindingCode.INVALID_PORT, pointer + "/port", "Port " + number + " is out of range; use 1 to 65535.");
        }
        String name = value == null ? null : value.getStrVal();
        if (name != null) {
            String problem = NameFormats.ianaServiceName(name);
            if (problem != null) {
                sink.error(FindingCode.INVALID_PORT_NAME, pointer + "/port", "Named port '" + name + "' " + problem
                        + " (an IANA service name); use a port number or the container port's name.");
            }
        }
        Integer end = port.getEndPort();
        if (end == null) {
            return;
        }
        String at = pointer + "/endPort";
        if (value == null || (number == null && name == null)) {
            sink.error(FindingCode.END_PORT_WITHOUT_PORT, at, "endPort may not be specified when port is not; add a numeric port.");
        } else if (name != null) {
            sink.error(FindingCode.END_PORT_WITH_NAMED_PORT, at, "endPort may not be specified when port is a name; "
                    + "use a numeric port or remove endPort.");
        } else if (end < 1 || end > PolicyPort.MAX_PORT) {
            sink.error(FindingCode.INVALID_END_PORT, at, "endPort " + end + " is out of range; use 1 to 65535.");
        } else if (end < number) {
            sink.error(FindingCode.INVALID_END_PORT, at, "endPort " + end + " must be greater than or equal to port " + number + ".");
        }
    }
}
