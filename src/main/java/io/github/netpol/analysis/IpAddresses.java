package io.github.netpol.analysis;

import io.github.netpol.model.semantics.Cidr;
import io.github.netpol.model.semantics.IpAddress;

import java.math.BigInteger;
import java.util.Optional;

/**
 * IPv4 and IPv6 addresses as points of one integer line: IPv4 {@code a.b.c.d} is its 32-bit value,
 * IPv6 is its 128-bit value plus 2^32, so the two families never overlap and one interval set holds
 * both. CIDRs and addresses are read as {@link Cidr} and {@link IpAddress} read them (host bits masked off,
 * IPv4-mapped IPv6 forms are their IPv4 addresses).
 */
public final class IpAddresses {

    public static final BigInteger V4_SIZE = BigInteger.ONE.shiftLeft(32);
    public static final BigInteger V6_SIZE = BigInteger.ONE.shiftLeft(128);
    public static final IntervalSet ALL_V4 = IntervalSet.of(BigInteger.ZERO, V4_SIZE.subtract(BigInteger.ONE));
    public static final IntervalSet ALL_V6 = IntervalSet.of(V4_SIZE, V4_SIZE.add(V6_SIZE).subtract(BigInteger.ONE));
    public static final IntervalSet ALL = ALL_V4.union(ALL_V6);

    private IpAddresses() {
    }

    /** The addresses of a CIDR such as {@code 10.1.2.3/8} (= 10.0.0.0/8), or empty when it does not parse. */
    public static Optional<IntervalSet> cidr(String cidr) {
        return Cidr.parse(cidr).map(IpAddresses::addresses);
    }

    /** The addresses of a parsed CIDR as one interval of the line. */
    public static IntervalSet addresses(Cidr cidr) {
        BigInteger offset = cidr.isIpv4() ? BigInteger.ZERO : V4_SIZE;
        return IntervalSet.of(cidr.first().add(offset), cidr.last().add(offset));
    }

    /** A single IPv4 or IPv6 address literal as a point; never resolves host names. */
    public static Optional<BigInteger> address(String text) {
        return IpAddress.parse(text).map(a -> a.ipv4() ? a.value() : a.value().add(V4_SIZE));
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
}
