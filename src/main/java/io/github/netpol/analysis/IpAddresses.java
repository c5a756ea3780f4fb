package io.github.netpol.analysis;

import io.github.netpol.model.semantics.Cidr;
import io.github.netpol.model.semantics.IpAddress;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
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

    /**
     * Addresses a reader takes for the example of a range (RFC 5737 and RFC 3849 documentation ranges), in the
     * order they are tried.
     */
    private static final List<String> DOCUMENTATION = List.of("203.0.113.10", "198.51.100.10", "192.0.2.10",
            "2001:db8::10");
    /** Ranges no ordinary host has (this network, loopback, link-local, multicast, reserved), avoided in examples. */
    private static final IntervalSet SPECIAL = specialRanges();

    private static IntervalSet specialRanges() {
        IntervalSet out = IntervalSet.empty();
        for (String cidr : List.of("0.0.0.0/8", "127.0.0.0/8", "169.254.0.0/16", "224.0.0.0/3", "::/8", "fe80::/10",
                "ff00::/8")) {
            out = out.union(cidr(cidr).orElseThrow());
        }
        return out;
    }

    /**
     * One address of the set a person would take for an ordinary host: a documentation address such as
     * {@code 203.0.113.10} when the set holds one, else a host a few addresses into the set's first range outside
     * the special ranges (never its network address, never {@code 0.0.0.0}), else the set's least address.
     * Empty when the set is.
     */
    public static Optional<BigInteger> example(IntervalSet set) {
        if (set.isEmpty()) {
            return Optional.empty();
        }
        for (String text : DOCUMENTATION) {
            BigInteger point = address(text).orElseThrow();
            if (set.containsValue(point)) {
                return Optional.of(point);
            }
        }
        IntervalSet ordinary = set.minus(SPECIAL);
        for (IntervalSet.Range r : perFamily(ordinary.isEmpty() ? set : ordinary)) {
            // .10 in IPv4, ::10 in IPv6: a host that reads as one
            BigInteger offset = r.hi().subtract(r.lo()).shiftRight(1).min(BigInteger.valueOf(isV4(r.lo()) ? 10 : 16));
            return Optional.of(r.lo().add(offset));
        }
        return Optional.of(set.min());
    }

    /** The ranges of a set, each within one family (a range that spans the end of IPv4 is cut in two). */
    public static List<IntervalSet.Range> perFamily(IntervalSet set) {
        List<IntervalSet.Range> out = new ArrayList<>();
        BigInteger lastV4 = V4_SIZE.subtract(BigInteger.ONE);
        for (IntervalSet.Range r : set.ranges()) {
            if (isV4(r.lo()) && !isV4(r.hi())) {
                out.add(new IntervalSet.Range(r.lo(), lastV4));
                out.add(new IntervalSet.Range(V4_SIZE, r.hi()));
            } else {
                out.add(r);
            }
        }
        return out;
    }

    /**
     * A range in words, within one family: a CIDR when it is exactly one ({@code 10.0.0.0/8}, {@code ::/0}),
     * else {@code first-last}.
     */
    public static String describe(IntervalSet.Range range) {
        BigInteger size = range.hi().subtract(range.lo()).add(BigInteger.ONE);
        boolean v4 = isV4(range.lo());
        BigInteger offset = v4 ? BigInteger.ZERO : V4_SIZE;
        if (size.bitCount() == 1 && range.lo().subtract(offset).mod(size).signum() == 0) {
            int prefix = (v4 ? 32 : 128) - (size.bitLength() - 1);
            return format(range.lo()) + "/" + prefix;
        }
        return format(range.lo()) + "-" + format(range.hi());
    }

    /** A set of addresses in words, family by family: {@code 0.0.0.0/0, ::/0} or {@code 10.0.0.0-10.0.0.5}. */
    public static String describe(IntervalSet set) {
        List<String> parts = new ArrayList<>();
        perFamily(set).forEach(r -> parts.add(describe(r)));
        return String.join(", ", parts);
    }
}
