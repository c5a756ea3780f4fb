package io.github.netpol.validate.lint;

import java.math.BigInteger;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An IPv4 or IPv6 CIDR as an address interval. {@code network} is the masked address, so
 * {@code 10.1.2.3/8} means {@code 10.0.0.0/8} as Kubernetes does without strict validation.
 *
 * @param bits   32 or 128
 * @param hostBitsSet true when the written address had bits set beyond the prefix
 */
public record Cidr(String text, BigInteger network, int prefix, int bits, boolean hostBitsSet) {

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]+");

    /** Parses {@code address/prefix}; empty when it is not a CIDR (validation reports that). */
    public static Optional<Cidr> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        int slash = text.indexOf('/');
        if (slash < 0) {
            return Optional.empty();
        }
        String address = text.substring(0, slash);
        Optional<byte[]> bytes = address.contains(":") ? ipv6(address) : ipv4(address);
        if (bytes.isEmpty()) {
            return Optional.empty();
        }
        int bits = bytes.get().length * 8;
        int prefix;
        try {
            prefix = Integer.parseInt(text.substring(slash + 1));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (prefix < 0 || prefix > bits) {
            return Optional.empty();
        }
        BigInteger value = new BigInteger(1, bytes.get());
        BigInteger network = value.and(mask(prefix, bits));
        return Optional.of(new Cidr(text, network, prefix, bits, !network.equals(value)));
    }

    public boolean isIpv4() {
        return bits == 32;
    }

    public BigInteger first() {
        return network;
    }

    public BigInteger last() {
        return network.add(BigInteger.ONE.shiftLeft(bits - prefix)).subtract(BigInteger.ONE);
    }

    /** The masked form, e.g. {@code 10.0.0.0/8}. */
    public String canonical() {
        byte[] raw = network.toByteArray();
        byte[] out = new byte[bits / 8];
        int copy = Math.min(raw.length, out.length);
        System.arraycopy(raw, raw.length - copy, out, out.length - copy, copy);
        try {
            String host = InetAddress.getByAddress(out).getHostAddress();
            return host + "/" + prefix;
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean contains(Cidr other) {
        return bits == other.bits && first().compareTo(other.first()) <= 0 && last().compareTo(other.last()) >= 0;
    }

    public boolean overlaps(Cidr other) {
        return bits == other.bits && first().compareTo(other.last()) <= 0 && other.first().compareTo(last()) <= 0;
    }

    private static BigInteger mask(int prefix, int bits) {
        BigInteger all = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
        return all.xor(BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE));
    }

    private static Optional<byte[]> ipv4(String address) {
        var m = IPV4.matcher(address);
        if (!m.matches()) {
            return Optional.empty();
        }
        byte[] out = new byte[4];
        for (int i = 0; i < 4; i++) {
            int octet = Integer.parseInt(m.group(i + 1));
            if (octet > 255) {
                return Optional.empty();
            }
            out[i] = (byte) octet;
        }
        return Optional.of(out);
    }

    private static Optional<byte[]> ipv6(String address) {
        // only literals reach InetAddress, so no name is ever looked up
        if (!IPV6.matcher(address).matches()) {
            return Optional.empty();
        }
        try {
            InetAddress parsed = InetAddress.getByName(address);
            if (parsed instanceof Inet6Address) {
                return Optional.of(parsed.getAddress());
            }
            // an IPv4-mapped IPv6 literal: Go parses it as IPv4 as well
            return Optional.of(parsed.getAddress());
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
