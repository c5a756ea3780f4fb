package io.github.netpol.model.semantics;

import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * An IPv4 or IPv6 address as Go's {@code net} package (and so Kubernetes) reads it: IPv4 is dotted decimal, each
 * part any number of digits up to 255 ({@code ParseIPSloppy} keeps leading zeros, read as decimal); IPv6 is the
 * usual hexadecimal form. An IPv4-mapped IPv6 address ({@code ::ffff:10.1.2.3}) is that IPv4 address: Go's
 * {@code IP.To4} and {@code IPNet.Contains} never tell the two apart.
 *
 * @param ipv4  the family
 * @param value the address as an unsigned 32- or 128-bit number
 */
public record IpAddress(boolean ipv4, BigInteger value) {

    private static final BigInteger MAPPED_PREFIX = BigInteger.valueOf(0xffff);

    /** The address written in {@code text}, or empty when it is not an address literal (host names never resolve). */
    public static Optional<IpAddress> parse(String text) {
        byte[] bytes = text == null ? null : bytes(text);
        return bytes == null ? Optional.empty() : Optional.of(of(new BigInteger(1, bytes), bytes.length * 8));
    }

    /** 32 or 128. */
    public int bits() {
        return ipv4 ? 32 : 128;
    }

    /** The address of a 32- or 128-bit value; an IPv4-mapped IPv6 value is its IPv4 address. */
    static IpAddress of(BigInteger value, int bits) {
        if (bits == 128 && isMapped(value)) {
            return new IpAddress(true, value.and(BigInteger.ONE.shiftLeft(32).subtract(BigInteger.ONE)));
        }
        return new IpAddress(bits == 32, value);
    }

    /** {@code ::ffff:0:0/96}: the IPv6 addresses that stand for IPv4 ones. */
    static boolean isMapped(BigInteger value128) {
        return value128.shiftRight(32).equals(MAPPED_PREFIX);
    }

    /**
     * The address as written, 4 bytes for dotted decimal and 16 for IPv6 (an IPv4-mapped one included), or
     * {@code null}: what Go's parser returns before anything treats the mapped form as IPv4.
     */
    public static byte[] bytes(String text) {
        if (text.indexOf(':') < 0) {
            return ipv4(text);
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' || c == ':' || c == '.')) {
                return null; // only literals reach InetAddress, so no name is ever looked up
            }
        }
        try {
            InetAddress parsed = InetAddress.getByName(text);
            byte[] b = parsed.getAddress();
            if (parsed instanceof Inet4Address) {
                // Java turns every IPv4-mapped literal into IPv4; as written it was 16 bytes
                byte[] mapped = new byte[16];
                mapped[10] = (byte) 0xff;
                mapped[11] = (byte) 0xff;
                System.arraycopy(b, 0, mapped, 12, 4);
                return mapped;
            }
            return b;
        } catch (UnknownHostException | IllegalArgumentException e) {
            return null;
        }
    }

    /** Four dot-separated decimal parts of at most 255 each; no regular expression, every ipBlock comes here. */
    private static byte[] ipv4(String text) {
        byte[] out = new byte[4];
        int pos = 0;
        for (int part = 0; part < 4; part++) {
            if (part > 0) {
                if (pos >= text.length() || text.charAt(pos) != '.') {
                    return null;
                }
                pos++;
            }
            int start = pos;
            int value = 0;
            while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
                value = Math.min(value * 10 + (text.charAt(pos) - '0'), 256);
                pos++;
            }
            if (pos == start || value > 255) {
                return null;
            }
            out[part] = (byte) value;
        }
        return pos == text.length() ? out : null;
    }
}
