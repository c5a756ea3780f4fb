package io.github.netpol.model.semantics;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The {@code port} string of a Cilium {@code toPorts} item as the agent reads it ({@code PortProtocol.Validate}):
 * an IANA service name (1 to 15 characters with a letter, lower-cased, so {@code 0x50} is a name) or else a number
 * read by Go's {@code strconv.ParseUint(s, 0, 16)}, so {@code 010} is 8 (octal), {@code 1_000} is 1000 and
 * {@code 080} is an error. {@code 0}, or no port, means every port.
 */
public final class CiliumPort {

    /** The protocols a Cilium port item may name ({@code ANY} or none: TCP, UDP and SCTP). */
    public static final List<String> PROTOCOLS = List.of("TCP", "UDP", "SCTP", "VRRP", "IGMP", "ANY");

    private static final Pattern SERVICE_NAME = Pattern.compile("^([a-zA-Z0-9]-?)*[a-zA-Z](-?[a-zA-Z0-9])*$");

    /** A port string read: a name, a number (0: every port), or why it cannot be read. */
    public record Parsed(String name, int number, String problem) {

        public boolean isName() {
            return name != null;
        }
    }

    private CiliumPort() {
    }

    /** {@code iana.IsSvcName}. */
    public static boolean isServiceName(String port) {
        return !port.isEmpty() && port.length() <= 15 && SERVICE_NAME.matcher(port).matches();
    }

    public static Parsed parse(String port) {
        if (isServiceName(port)) {
            return new Parsed(port.toLowerCase(Locale.ROOT), 0, null);
        }
        if (port.isEmpty()) {
            return new Parsed(null, 0, null);
        }
        if (!port.chars().allMatch(c -> c >= '0' && c <= '9' || c == '_') || !underscoresBetweenDigits(port)) {
            return new Parsed(null, 0, "unable to parse port: strconv.ParseUint: parsing \"" + port + "\": invalid syntax");
        }
        String digits = port.replace("_", "");
        int radix = digits.length() > 1 && digits.charAt(0) == '0' ? 8 : 10;
        long value = 0;
        for (char c : digits.toCharArray()) {
            int d = c - '0';
            if (d >= radix) {
                return new Parsed(null, 0, "unable to parse port: strconv.ParseUint: parsing \"" + port
                        + "\": invalid syntax");
            }
            value = Math.min(value * radix + d, 1L << 20);
        }
        if (value > PolicyPort.MAX_PORT) {
            return new Parsed(null, 0, "unable to parse port: strconv.ParseUint: parsing \"" + port
                    + "\": value out of range");
        }
        return new Parsed(null, (int) value, null);
    }

    /** Go's {@code underscoreOK} for a number without a base prefix: an underscore only between two digits. */
    private static boolean underscoresBetweenDigits(String s) {
        return !s.startsWith("_") && !s.endsWith("_") && !s.contains("__");
    }

    /** The TCP, UDP and SCTP a {@code protocol} stands for: ANY or none is all three, VRRP and IGMP none. */
    public static List<String> protocols(String written) {
        if (written == null || written.isEmpty() || written.equals("ANY")) {
            return PolicyPort.PROTOCOLS;
        }
        return PolicyPort.PROTOCOLS.contains(written) ? List.of(written) : List.of();
    }
}
