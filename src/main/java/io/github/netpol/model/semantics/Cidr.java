package io.github.netpol.model.semantics;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * A CIDR as the API server reads it ({@code ParseCIDRSloppy}, Go's {@code net.ParseCIDR} that keeps leading
 * zeros) and as Go's {@code IPNet} then behaves: host bits beyond the prefix are allowed and masked off
 * ({@code 10.1.2.3/8} is {@code 10.0.0.0/8}), and an IPv6 network of IPv4-mapped addresses is the IPv4 network
 * it maps ({@code ::ffff:10.0.0.0/104} is {@code 10.0.0.0/8}: {@code IPNet.Contains} and {@code IPNet.String}
 * treat it so, and the API server's own warning tells the user to write the IPv4 form).
 *
 * @param text          as written
 * @param ipv4          the family of the network it means
 * @param network       the first address, an unsigned 32- or 128-bit number
 * @param prefix        the prefix length within that family
 * @param hostBitsSet   whether the written address had bits set beyond the prefix
 * @param ipv4Mapped    written in IPv6 form for an IPv4 network
 * @param writtenPrefix the prefix length as written (what the API server compares when it checks an except)
 */
public record Cidr(String text, boolean ipv4, BigInteger network, int prefix, boolean hostBitsSet,
                   boolean ipv4Mapped, int writtenPrefix) {

    /** Parses {@code address/prefix}; empty when it is not a CIDR (validation reports that). */
    public static Optional<Cidr> parse(String text) {
        int slash = text == null ? -1 : text.indexOf('/');
        if (slash < 0) {
            return Optional.empty();
        }
        byte[] address = IpAddress.bytes(text.substring(0, slash));
        int bits = address == null ? 0 : address.length * 8;
        int prefix = prefix(text.substring(slash + 1), bits);
        if (address == null || prefix < 0) {
            return Optional.empty();
        }
        BigInteger value = new BigInteger(1, address);
        BigInteger network = value.andNot(hostMask(bits, prefix));
        boolean hostBits = !network.equals(value);
        if (bits == 128 && IpAddress.isMapped(network)) {
            IpAddress v4 = IpAddress.of(network, 128);
            return Optional.of(new Cidr(text, true, v4.value(), prefix - 96, hostBits, true, prefix));
        }
        return Optional.of(new Cidr(text, bits == 32, network, prefix, hostBits, false, prefix));
    }

    /** Decimal digits only (no sign, no space), at most {@code bits}; else -1. */
    private static int prefix(String text, int bits) {
        if (text.isEmpty()) {
            return -1;
        }
        int value = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = Math.min(value * 10 + (c - '0'), 1000);
        }
        return value > bits ? -1 : value;
    }

    /** 32 or 128: the width of the family the network belongs to. */
    public int bits() {
        return ipv4 ? 32 : 128;
    }

    public boolean isIpv4() {
        return ipv4;
    }

    public BigInteger first() {
        return network;
    }

    public BigInteger last() {
        return network.or(hostMask(bits(), prefix));
    }

    /** How many addresses it holds. */
    public BigInteger size() {
        return BigInteger.ONE.shiftLeft(bits() - prefix);
    }

    /** The masked network in its own family's usual text form, e.g. {@code 10.0.0.0/8}. */
    public String canonical() {
        byte[] raw = network.toByteArray();
        byte[] out = new byte[bits() / 8];
        int copy = Math.min(raw.length, out.length);
        System.arraycopy(raw, raw.length - copy, out, out.length - copy, copy);
        try {
            return InetAddress.getByAddress(out).getHostAddress() + "/" + prefix;
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** As written, followed by the IPv4 network it means when written in the IPv4-mapped IPv6 form. */
    public String display() {
        return ipv4Mapped ? text + " (" + canonical() + ")" : text;
    }

    /** Whether every address of {@code other} is in this network (never across families). */
    public boolean contains(Cidr other) {
        return ipv4 == other.ipv4 && first().compareTo(other.first()) <= 0 && last().compareTo(other.last()) >= 0;
    }

    public boolean overlaps(Cidr other) {
        return ipv4 == other.ipv4 && first().compareTo(other.last()) <= 0 && other.first().compareTo(last()) <= 0;
    }

    /**
     * The API server's test of an {@code except} entry: {@code cidr.Contains(except.IP)} and a longer written
     * prefix ({@code ValidateIPBlock}). Like Go, the containment reads IPv4-mapped networks as IPv4 while the
     * prefixes are compared as written.
     */
    public boolean admitsExcept(Cidr except) {
        boolean containsItsAddress = ipv4 == except.ipv4
                && except.network.andNot(hostMask(bits(), prefix)).equals(network);
        return containsItsAddress && writtenPrefix < except.writtenPrefix;
    }

    private static BigInteger hostMask(int bits, int prefix) {
        return BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE);
    }
}
