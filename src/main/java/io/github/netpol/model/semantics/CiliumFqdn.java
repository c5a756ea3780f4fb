package io.github.netpol.model.semantics;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How Cilium matches a DNS name against a {@code toFQDNs} entry: {@code matchName} exactly, {@code matchPattern}
 * with {@code *} standing for any run of DNS name characters within one label ({@code *} alone for every name),
 * both without case and without a trailing dot. A {@code **.} pattern (any number of labels) is not read here.
 */
public final class CiliumFqdn {

    private CiliumFqdn() {
    }

    /** Whether {@code name} is the {@code matchName}. */
    public static boolean nameMatches(String matchName, String name) {
        return normal(matchName).equals(normal(name));
    }

    /** Whether {@code name} matches the {@code matchPattern}. */
    public static boolean patternMatches(String matchPattern, String name) {
        return regex(matchPattern).matcher(normal(name)).matches();
    }

    /** A name the pattern matches, e.g. {@code api.example.com} for {@code *.example.com}. */
    public static String example(String matchPattern) {
        String p = normal(matchPattern);
        return p.equals("*") ? "example.com" : p.replace("*", "netpol-example");
    }

    /** Whether the pattern is one this class reads ({@code **} is not). */
    public static boolean readable(String matchPattern) {
        return !matchPattern.contains("**");
    }

    private static Pattern regex(String matchPattern) {
        String p = normal(matchPattern);
        if (p.equals("*")) {
            return Pattern.compile(".*");
        }
        StringBuilder re = new StringBuilder();
        for (char c : p.toCharArray()) {
            re.append(c == '*' ? "[-a-z0-9_]*" : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(re.toString());
    }

    private static String normal(String s) {
        String l = s.toLowerCase(Locale.ROOT);
        return l.endsWith(".") ? l.substring(0, l.length() - 1) : l;
    }
}
