package io.github.netpol.validate.apiserver;

/**
 * The name formats of apimachinery's {@code pkg/util/validation}. Each check returns null when the
 * value is valid, otherwise the reason, worded as the API server words it.
 */
public final class NameFormats {

    private NameFormats() {
    }

    /** A namespace name, for example; also what {@code netpol.defaultNamespace} must be. */
    public static String dns1123Label(String value) {
        if (value.length() > 63) {
            return "must be no more than 63 characters";
        }
        return isDns1123Label(value, 0, value.length()) ? null
                : "must consist of lower case letters, digits and '-', and start and end with a letter or digit";
    }

    static String dns1123Subdomain(String value) {
        if (value.length() > 253) {
            return "must be no more than 253 characters";
        }
        return isDns1123Subdomain(value) ? null
                : "must consist of lower case letters, digits, '-' and '.', and start and end with a letter or digit";
    }

    /** A label or annotation key: {@code [prefix/]name}, the prefix a DNS-1123 subdomain. */
    static String qualifiedName(String value) {
        String[] parts = value.split("/", -1);
        String name;
        if (parts.length == 1) {
            name = parts[0];
        } else if (parts.length == 2) {
            if (parts[0].isEmpty()) {
                return "has an empty prefix before '/'";
            }
            String prefix = dns1123Subdomain(parts[0]);
            if (prefix != null) {
                return "has a prefix that " + prefix;
            }
            name = parts[1];
        } else {
            return "may contain at most one '/'";
        }
        if (name.isEmpty()) {
            return "has an empty name part";
        }
        if (name.length() > 63) {
            return "has a name part longer than 63 characters";
        }
        return isQualifiedName(name) ? null
                : "must consist of letters, digits, '-', '_' or '.', and start and end with a letter or digit";
    }

    static String labelValue(String value) {
        if (value.length() > 63) {
            return "must be no more than 63 characters";
        }
        return value.isEmpty() || isQualifiedName(value) ? null
                : "must be empty or consist of letters, digits, '-', '_' or '.', and start and end with a letter or digit";
    }

    /** A named port: 1-15 of {@code [-a-z0-9]}, at least one letter, no {@code --}, no '-' at either end. */
    static String ianaServiceName(String value) {
        if (value.isEmpty() || value.length() > 15) {
            return "must be 1 to 15 characters long";
        }
        if (!isIanaCharacters(value)) {
            return "must contain only lower case letters, digits and '-'";
        }
        if (value.chars().noneMatch(c -> c >= 'a' && c <= 'z')) {
            return "must contain at least one letter";
        }
        if (value.contains("--") || value.startsWith("-") || value.endsWith("-")) {
            return "may not contain '--' nor start or end with '-'";
        }
        return null;
    }

    // hand-written matchers of the API server's patterns, checked against the regular expressions by
    // NameFormatsTest: every name, label key and label value of every object comes here

    /** {@code [a-z0-9]([-a-z0-9]*[a-z0-9])?} over {@code value[from, to)}. */
    static boolean isDns1123Label(String value, int from, int to) {
        if (from >= to || value.charAt(from) == '-' || value.charAt(to - 1) == '-') {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = value.charAt(i);
            if (!(isLowerAlphanumeric(c) || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /** Labels joined by dots: {@code LABEL(\.LABEL)*}. */
    static boolean isDns1123Subdomain(String value) {
        int from = 0;
        for (int dot = value.indexOf('.'); dot >= 0; dot = value.indexOf('.', from)) {
            if (!isDns1123Label(value, from, dot)) {
                return false;
            }
            from = dot + 1;
        }
        return isDns1123Label(value, from, value.length());
    }

    /** {@code ([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]}. */
    static boolean isQualifiedName(String value) {
        if (value.isEmpty() || !isAlphanumeric(value.charAt(0)) || !isAlphanumeric(value.charAt(value.length() - 1))) {
            return false;
        }
        for (int i = 1; i < value.length() - 1; i++) {
            char c = value.charAt(i);
            if (!(isAlphanumeric(c) || c == '-' || c == '_' || c == '.')) {
                return false;
            }
        }
        return true;
    }

    /** {@code [-a-z0-9]+}. */
    static boolean isIanaCharacters(String value) {
        if (value.isEmpty()) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!(isLowerAlphanumeric(c) || c == '-')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLowerAlphanumeric(char c) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
    }

    private static boolean isAlphanumeric(char c) {
        return isLowerAlphanumeric(c) || c >= 'A' && c <= 'Z';
    }
}
