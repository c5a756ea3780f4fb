package io.github.netpol.model.semantics;

/**
 * A CIDR as Go's {@code netip.ParsePrefix} reads it, which is what the CEL function {@code isCIDR} of the
 * Kubernetes CEL library checks (and then refuses IPv4-mapped IPv6 addresses). Stricter than the API server's
 * reading of a NetworkPolicy {@code ipBlock} ({@link Cidr}): no leading zeros in IPv4 parts or in the prefix
 * length, no sign, no zone. Bits set beyond the prefix are accepted. What it means is read by {@link Cidr}.
 */
public final class NetipPrefix {

    private NetipPrefix() {
    }

    /** Why {@code isCIDR} refuses the text, or {@code null} when it accepts it. */
    public static String problem(String text) {
        return problem(text, false);
    }

    /**
     * Why Go's {@code netip.ParsePrefix} itself refuses the text, or {@code null}: as {@link #problem}, but an
     * IPv4-mapped IPv6 address is accepted (what the Cilium agent reads a CIDR set's {@code cidr} with).
     */
    public static String parsePrefixProblem(String text) {
        return problem(text, true);
    }

    private static String problem(String text, boolean mappedAllowed) {
        int slash = text.lastIndexOf('/');
        if (slash < 0) {
            return "no '/' before the prefix length";
        }
        String address = text.substring(0, slash);
        byte[] bytes;
        boolean v6;
        int colon = address.indexOf(':');
        int dot = address.indexOf('.');
        if (address.indexOf('%') >= 0) {
            return "a zone (%) cannot be part of a CIDR";
        }
        if (colon >= 0 && (dot < 0 || colon < dot)) {
            bytes = new byte[16];
            String p = ipv6(address, bytes);
            if (p != null) {
                return p;
            }
            v6 = true;
        } else if (dot >= 0) {
            bytes = new byte[4];
            String p = ipv4(address, bytes);
            if (p != null) {
                return p;
            }
            v6 = false;
        } else {
            return "'" + address + "' is not an IPv4 or IPv6 address";
        }
        String bits = text.substring(slash + 1);
        if (bits.isEmpty() || bits.length() > 1 && (bits.charAt(0) < '1' || bits.charAt(0) > '9')
                || !bits.chars().allMatch(c -> c >= '0' && c <= '9') || bits.length() > 3) {
            return "the prefix length '" + bits + "' is not a number without sign or leading zero";
        }
        int n = Integer.parseInt(bits);
        if (n > (v6 ? 128 : 32)) {
            return "the prefix length " + n + " is more than " + (v6 ? 128 : 32);
        }
        if (v6 && !mappedAllowed && isMapped(bytes)) {
            return "an IPv4-mapped IPv6 address is not allowed; write the IPv4 form";
        }
        return null;
    }

    /**
     * Why Go's {@code net.ParseCIDR} refuses the text, or {@code null} when it accepts it: what the API server's
     * {@code format: cidr} of a custom resource checks. Unlike {@link #problem}, the prefix length may have leading
     * zeros and an IPv4-mapped IPv6 address is accepted; the address itself is read as {@code netip.ParseAddr} does.
     */
    public static String parseCidrProblem(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            return "no '/' before the prefix length";
        }
        String address = text.substring(0, slash);
        if (address.indexOf('%') >= 0) {
            return "a zone (%) cannot be part of a CIDR";
        }
        int colon = address.indexOf(':');
        int dot = address.indexOf('.');
        boolean v6 = colon >= 0 && (dot < 0 || colon < dot);
        String p = v6 ? ipv6(address, new byte[16]) : dot >= 0 ? ipv4(address, new byte[4])
                : "'" + address + "' is not an IPv4 or IPv6 address";
        if (p != null) {
            return p;
        }
        String bits = text.substring(slash + 1);
        if (bits.isEmpty() || !bits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return "the prefix length '" + bits + "' is not a decimal number";
        }
        String digits = bits.replaceFirst("^0+(?=.)", "");
        if (digits.length() > 3 || Integer.parseInt(digits) > (v6 ? 128 : 32)) {
            return "the prefix length " + bits + " is more than " + (v6 ? 128 : 32);
        }
        return null;
    }

    private static boolean isMapped(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return b[10] == (byte) 0xff && b[11] == (byte) 0xff;
    }

    /** Four decimal parts 0-255 without leading zeros; fills {@code out} from {@code at}. */
    private static String ipv4(String s, byte[] out) {
        return ipv4(s, out, 0);
    }

    private static String ipv4(String s, byte[] out, int at) {
        int val = 0;
        int digits = 0;
        int pos = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                if (digits == 1 && val == 0) {
                    return "an IPv4 part has a leading zero";
                }
                val = val * 10 + (c - '0');
                digits++;
                if (val > 255) {
                    return "an IPv4 part is more than 255";
                }
            } else if (c == '.') {
                if (i == 0 || i == s.length() - 1 || s.charAt(i - 1) == '.') {
                    return "an IPv4 part is empty";
                }
                if (pos == 3) {
                    return "an IPv4 address has more than four parts";
                }
                out[at + pos++] = (byte) val;
                val = 0;
                digits = 0;
            } else {
                return "unexpected character '" + c + "' in an IPv4 address";
            }
        }
        if (pos < 3) {
            return "an IPv4 address has fewer than four parts";
        }
        out[at + 3] = (byte) val;
        return null;
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    }

    /** Go's {@code parseIPv6}, without zones. */
    private static String ipv6(String in, byte[] ip) {
        String s = in;
        int ellipsis = -1;
        if (s.length() >= 2 && s.charAt(0) == ':' && s.charAt(1) == ':') {
            ellipsis = 0;
            s = s.substring(2);
            if (s.isEmpty()) {
                return null;
            }
        }
        int i = 0;
        while (i < 16) {
            int off = 0;
            int acc = 0;
            for (; off < s.length(); off++) {
                int d = hex(s.charAt(off));
                if (d < 0) {
                    break;
                }
                acc = (acc << 4) + d;
                if (off > 3) {
                    return "an IPv6 group has more than 4 hex digits";
                }
                if (acc > 0xffff) {
                    return "an IPv6 group is more than ffff";
                }
            }
            if (off == 0) {
                return "an IPv6 group is empty";
            }
            if (off < s.length() && s.charAt(off) == '.') {
                if (ellipsis < 0 && i != 12) {
                    return "an embedded IPv4 address must replace the last two groups";
                }
                if (i + 4 > 16) {
                    return "no room for an embedded IPv4 address at the end";
                }
                String p = ipv4(s, ip, i);
                if (p != null) {
                    return p;
                }
                s = "";
                i += 4;
                break;
            }
            ip[i] = (byte) (acc >> 8);
            ip[i + 1] = (byte) acc;
            i += 2;
            s = s.substring(off);
            if (s.isEmpty()) {
                break;
            }
            if (s.charAt(0) != ':') {
                return "unexpected character '" + s.charAt(0) + "' in an IPv6 address";
            } else if (s.length() == 1) {
                return "an IPv6 address ends with ':'";
            }
            s = s.substring(1);
            if (s.charAt(0) == ':') {
                if (ellipsis >= 0) {
                    return "an IPv6 address has '::' twice";
                }
                ellipsis = i;
                s = s.substring(1);
                if (s.isEmpty()) {
                    break;
                }
            }
        }
        if (!s.isEmpty()) {
            return "an IPv6 address has extra characters at the end";
        }
        if (i < 16) {
            if (ellipsis < 0) {
                return "an IPv6 address is too short";
            }
            int n = 16 - i;
            for (int j = i - 1; j >= ellipsis; j--) {
                ip[j + n] = ip[j];
            }
            for (int j = ellipsis; j < ellipsis + n; j++) {
                ip[j] = 0;
            }
        } else if (ellipsis >= 0) {
            return "'::' in an IPv6 address must stand for at least one group";
        }
        return null;
    }
}
