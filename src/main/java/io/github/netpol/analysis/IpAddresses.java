package io.github.netpol.analysis;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * IPv4 and IPv6 addresses as points of one integer line: IPv4 {@code a.b.c.d} is its 32-bit value,
 * IPv6 is its 128-bit value plus 2^32, so the two families never overlap and one interval set holds
 * both. CIDRs are parsed like Kubernetes' legacy (non-strict) validation: host bits are masked off.
 */
public final class IpAddresses {

    public static final BigInteger V4_SIZE = BigInteger.ONE.shiftLeft(32);
    public static final BigInteger V6_SIZE = BigInteger.ONE.shiftLeft(128);
    public static final IntervalSet ALL_V4 = IntervalSet.of(BigInteger.ZERO, V4_SIZE.subtract(BigInteger.ONE));
    public static final IntervalSet ALL_V6 = IntervalSet.of(V4_SIZE, V4_SIZE.add(V6_SIZE).subtract(BigInteger.ONE));
    public static final IntervalSet ALL = ALL_V4.union(ALL_V6);

    // compiled once: every IPv6 ipBlock of every rule is parsed, thousands of times in a large repository
    private static final Pattern V6_CHARACTERS = Pattern.compile("[0-9A-Fa-f:.]+");

    private IpAddresses() {
    }

    /** The addresses of a CIDR such as {@code 10.1.2.3/8} (= 10.0.0.0/8), or empty when it does not parse. */
    public static Optional<IntervalSet> cidr(String cidr) {
        if (cidr == null) {
            return Optional.empty();
        }
        int slash = cidr.indexOf('/');
        if (slash < 0) {
            return Optional.empty();
        }
        Optional<BigInteger> base = address(cidr.substring(0, slash));
        boolean v6 = cidr.indexOf(':') >= 0;
        int bits = v6 ? 128 : 32;
        int prefix;
        try {
            prefix = Integer.parseInt(cidr.substring(slash + 1));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (base.isEmpty() || prefix < 0 || prefix > bits) {
            return Optional.empty();
        }
        BigInteger offset = v6 ? V4_SIZE : BigInteger.ZERO;
        BigInteger value = base.get().subtract(offset);
        BigInteger hostMask = BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE);
        BigInteger lo = value.andNot(hostMask);
        return Optional.of(IntervalSet.of(lo.add(offset), lo.or(hostMask).add(offset)));
    }

    /** A single IPv4 or IPv6 address literal as a point; never resolves host names. */
    public static Optional<BigInteger> address(String text) {
        if (text.indexOf(':') >= 0) {
            if (!V6_CHARACTERS.matcher(text).matches()) {
                return Optional.empty();
            }
            try {
                byte[] raw = InetAddress.getByName(text).getAddress();
                byte[] v6 = raw.length == 16 ? raw : mapped(raw);
                return Optional.of(new BigInteger(1, v6).add(V4_SIZE));
            } catch (UnknownHostException e) {
                return Optional.empty();
            }
        }
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        long v = 0;
        for (String p : parts) {
            int octet = octet(p);
            if (octet < 0) {
                return Optional.empty();
            }
            v = v * 256 + octet;
        }
        return Optional.of(BigInteger.valueOf(v));
    }

    /** One to three ASCII digits up to 255, else -1 (no regex: every ipBlock of a repository comes here). */
    private static int octet(String text) {
        if (text.isEmpty() || text.length() > 3) {
            return -1;
        }
        int value = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value > 255 ? -1 : value;
    }

    /** The text form of a point: dotted quad, or compressed IPv6. */
    public static String format(BigInteger point) {
        if (point.compareTo(V4_SIZE) < 0) {
            long v = point.longValue();
            return (v >> 24 & 255) + "." + (v >> 16 & 255) + "." + (v >> 8 & 255) + "." + (v & 255);
        }
        BigInteger v = point.subtract(V4_SIZE);
        int[] groups = new int[8];
        for (int i = 7; i >= 0; i--) {
            groups[i] = v.and(BigInteger.valueOf(0xffff)).intValue();
            v = v.shiftRight(16);
        }
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(groups[i]));
        }
        return sb.toString();
    }

    public static boolean isV4(BigInteger point) {
        return point.compareTo(V4_SIZE) < 0;
    }

    private static byte[] mapped(byte[] v4) {
        byte[] v6 = new byte[16];
        v6[10] = (byte) 0xff;
        v6[11] = (byte) 0xff;
        System.arraycopy(v4, 0, v6, 12, 4);
        return v6;
    }
}
