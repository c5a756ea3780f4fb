package io.github.netpol.analysis.oracle.cilium;

import io.github.netpol.analysis.oracle.Oracle;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** Prefix arithmetic on address literals, bit by bit (host bits of a CIDR are ignored, as Go does). */
final class CiliumCidrs {

    private CiliumCidrs() {
    }

    static boolean contains(String cidr, String ip) {
        byte[] net = bytes(address(cidr));
        byte[] addr = bytes(ip);
        if (net.length != addr.length) {
            return false;
        }
        int prefix = prefix(cidr);
        for (int bit = 0; bit < prefix; bit++) {
            int mask = 0x80 >> (bit % 8);
            if ((net[bit / 8] & mask) != (addr[bit / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the union of {@code excepts} covers every address of {@code cidr}. */
    static boolean covered(String cidr, List<String> excepts) {
        byte[] net = bytes(address(cidr));
        return covered(new BigInteger(1, net), prefix(cidr), net.length * 8, excepts);
    }

    private static boolean covered(BigInteger base, int prefix, int bits, List<String> excepts) {
        for (String e : excepts) {
            byte[] eb = bytes(address(e));
            if (eb.length * 8 == bits && prefix(e) <= prefix && contains(e, literal(base, bits))) {
                return true;
            }
        }
        if (prefix >= bits) {
            return false;
        }
        boolean anyInside = false;
        for (String e : excepts) {
            if (bytes(address(e)).length * 8 == bits && prefix(e) > prefix
                    && contains(literal(base, bits) + "/" + prefix, address(e))) {
                anyInside = true;
            }
        }
        if (!anyInside) {
            return false;
        }
        BigInteger masked = base.shiftRight(bits - prefix).shiftLeft(bits - prefix);
        BigInteger upper = masked.setBit(bits - prefix - 1);
        return covered(masked, prefix + 1, bits, excepts) && covered(upper, prefix + 1, bits, excepts);
    }

    private static String literal(BigInteger v, int bits) {
        byte[] raw = v.toByteArray();
        byte[] b = new byte[bits / 8];
        for (int i = 0; i < Math.min(raw.length, b.length); i++) {
            b[b.length - 1 - i] = raw[raw.length - 1 - i];
        }
        try {
            return InetAddress.getByAddress(b).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    static String address(String cidr) {
        int slash = cidr.indexOf('/');
        return slash < 0 ? cidr : cidr.substring(0, slash);
    }

    static int prefix(String cidr) {
        int slash = cidr.indexOf('/');
        return slash < 0 ? bytes(cidr).length * 8 : Integer.parseInt(cidr.substring(slash + 1));
    }

    /** As the NetworkPolicy oracle reads literals: an IPv4-mapped IPv6 literal stays 16 bytes. */
    static byte[] bytes(String literal) {
        return Oracle.bytes(literal);
    }
}
