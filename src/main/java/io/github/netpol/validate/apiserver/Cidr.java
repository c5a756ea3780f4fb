package io.github.netpol.validate.apiserver;

import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A CIDR as Go's {@code ParseCIDRSloppy} reads it: IPv4 parts may carry leading zeros (read as
 * decimal), and host bits beyond the prefix are allowed (the network is the masked address).
 *
 * @param address the address as written, 4 or 16 bytes
 */
record Cidr(byte[] address, int prefix) {

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+");

    static Optional<Cidr> parse(String text) {
        int slash = text.indexOf('/');
        if (slash < 0 || slash == text.length() - 1 || !text.substring(slash + 1).chars().allMatch(Character::isDigit)
                || text.length() - slash > 4) {
            return Optional.empty();
        }
        byte[] address = address(text.substring(0, slash));
        if (address == null) {
            return Optional.empty();
        }
        int prefix = Integer.parseInt(text.substring(slash + 1));
        return prefix > address.length * 8 ? Optional.empty() : Optional.of(new Cidr(address, prefix));
    }

    private static byte[] address(String ip) {
        var v4 = IPV4.matcher(ip);
        if (v4.matches()) {
            byte[] b = new byte[4];
            for (int i = 0; i < 4; i++) {
                int part = Integer.parseInt(v4.group(i + 1));
                if (part > 255) {
                    return null;
                }
                b[i] = (byte) part;
            }
            return b;
        }
        if (!ip.contains(":") || !IPV6.matcher(ip).matches()) {
            return null;
        }
        try {
            // a literal with ':' and only hex digits, ':' and '.' is parsed without any name lookup
            InetAddress parsed = InetAddress.getByName(ip);
            byte[] b = parsed.getAddress();
            if (parsed instanceof Inet4Address) {
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

    boolean ipv6() {
        return address.length == 16;
    }

    private BigInteger value() {
        return new BigInteger(1, address);
    }

    private BigInteger mask() {
        int bits = address.length * 8;
        return BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)
                .xor(BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE));
    }

    BigInteger network() {
        return value().and(mask());
    }

    /** True when host bits beyond the prefix are set, e.g. {@code 10.1.2.3/8}. */
    boolean hasHostBits() {
        return !network().equals(value());
    }

    /** {@code cidr.Contains(other.IP) && prefix < other.prefix}, the API server's test for an except. */
    boolean strictlyContains(Cidr other) {
        return ipv6() == other.ipv6() && prefix < other.prefix && other.value().and(mask()).equals(network());
    }

    /** The masked network in the usual text form. */
    String canonical() {
        byte[] raw = network().toByteArray();
        byte[] b = new byte[address.length];
        int copy = Math.min(raw.length, b.length);
        System.arraycopy(raw, raw.length - copy, b, b.length - copy, copy);
        try {
            String host = InetAddress.getByAddress(b).getHostAddress();
            return host + "/" + prefix;
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
