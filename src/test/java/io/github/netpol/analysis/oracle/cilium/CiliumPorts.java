package io.github.netpol.analysis.oracle.cilium;

import io.github.netpol.finding.NamedPort;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One {@code toPorts[].ports[]} entry against a concrete protocol and port. The port is a service name (IANA
 * syntax, looked up in the destination pod's container ports; {@code endPort} ignored) or a number read as Go's
 * {@code ParseUint(s, 0, 16)} reads it ({@code "010"} is 8, {@code "1_000"} is 1000); 0 means every port; a range
 * runs from {@code port} to {@code endPort} when that is larger. Protocol {@code ANY} or none is TCP, UDP, and SCTP
 * when the world says so; VRRP and IGMP never carry TCP, UDP or SCTP.
 */
final class CiliumPorts {

    static final int L4 = 1;
    static final int WILD = 2;
    private static final Pattern SERVICE_NAME = Pattern.compile("^([a-zA-Z0-9]-?)*[a-zA-Z](-?[a-zA-Z0-9])*$");

    private CiliumPorts() {
    }

    /** 0: no match; {@link #L4}: a port or range; {@link #WILD}: port 0 (every port). */
    static int matches(Map<String, Object> entry, CiliumPeer.Pod destination, String protocol, int port,
                       CiliumWorld w) {
        String proto = entry.get("protocol") == null ? "ANY" : (String) entry.get("protocol");
        boolean protoOk = switch (proto) {
            case "ANY" -> !protocol.equals("SCTP") || w.sctpUnderAny();
            case "TCP", "UDP", "SCTP" -> proto.equals(protocol);
            default -> false;
        };
        if (!protoOk) {
            return 0;
        }
        String written = (String) entry.get("port");
        if (isServiceName(written)) {
            if (destination == null) {
                return 0;
            }
            String name = written.toLowerCase(Locale.ROOT);
            for (NamedPort np : destination.namedPorts()) {
                if (np.name().equals(name) && np.protocol().equals(protocol) && np.port() == port) {
                    return L4;
                }
            }
            return 0;
        }
        int lo = parse(written);
        if (lo == 0) {
            return WILD;
        }
        Object end = entry.get("endPort");
        int hi = end instanceof Number n && n.intValue() > lo ? n.intValue() : lo;
        return lo <= port && port <= hi ? L4 : 0;
    }

    static boolean isServiceName(String s) {
        return s != null && !s.isEmpty() && s.length() <= 15 && SERVICE_NAME.matcher(s).matches();
    }

    /** Go's {@code strconv.ParseUint(s, 0, 16)}; -1 when it fails. */
    static int parse(String s) {
        if (s == null || s.isEmpty()) {
            return -1;
        }
        String lower = s.toLowerCase(Locale.ROOT);
        int base = 10;
        String digits = lower;
        boolean prefixed = false;
        if (lower.length() > 1 && lower.charAt(0) == '0') {
            prefixed = true;
            switch (lower.charAt(1)) {
                case 'x' -> {
                    base = 16;
                    digits = lower.substring(2);
                }
                case 'o' -> {
                    base = 8;
                    digits = lower.substring(2);
                }
                case 'b' -> {
                    base = 2;
                    digits = lower.substring(2);
                }
                default -> {
                    base = 8;
                    digits = lower.substring(1);
                }
            }
        }
        if (!underscoresOk(lower, prefixed)) {
            return -1;
        }
        digits = digits.replace("_", "");
        if (digits.isEmpty()) {
            return -1;
        }
        try {
            long v = Long.parseLong(digits, base);
            return v >= 0 && v <= 65535 ? (int) v : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Go's {@code underscoreOK}: each '_' sits between digits (or after a base prefix). */
    private static boolean underscoresOk(String s, boolean prefixed) {
        if (!s.contains("_")) {
            return true;
        }
        int i = 0;
        char saw = '^';
        if (prefixed && s.length() > 1 && Character.isLetter(s.charAt(1))) {
            saw = '0';
            i = 2;
        }
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                saw = '0';
            } else if (c == '_') {
                if (saw != '0') {
                    return false;
                }
                saw = '_';
            } else {
                return false;
            }
        }
        return saw != '_';
    }
}
