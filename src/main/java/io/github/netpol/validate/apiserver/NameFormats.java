package io.github.netpol.validate.apiserver;

import java.util.regex.Pattern;

/**
 * The name formats of apimachinery's {@code pkg/util/validation}. Each check returns null when the
 * value is valid, otherwise the reason, worded as the API server words it.
 */
final class NameFormats {

    private static final String LABEL = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
    private static final Pattern DNS1123_LABEL = Pattern.compile(LABEL);
    private static final Pattern DNS1123_SUBDOMAIN = Pattern.compile(LABEL + "(\\." + LABEL + ")*");
    private static final Pattern QUALIFIED_NAME = Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");
    private static final Pattern IANA_SVC_NAME = Pattern.compile("[-a-z0-9]+");

    private NameFormats() {
    }

    static String dns1123Label(String value) {
        if (value.length() > 63) {
            return "must be no more than 63 characters";
        }
        return DNS1123_LABEL.matcher(value).matches() ? null
                : "must consist of lower case letters, digits and '-', and start and end with a letter or digit";
    }

    static String dns1123Subdomain(String value) {
        if (value.length() > 253) {
            return "must be no more than 253 characters";
        }
        return DNS1123_SUBDOMAIN.matcher(value).matches() ? null
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
        return QUALIFIED_NAME.matcher(name).matches() ? null
                : "must consist of letters, digits, '-', '_' or '.', and start and end with a letter or digit";
    }

    static String labelValue(String value) {
        if (value.length() > 63) {
            return "must be no more than 63 characters";
        }
        return value.isEmpty() || QUALIFIED_NAME.matcher(value).matches() ? null
                : "must be empty or consist of letters, digits, '-', '_' or '.', and start and end with a letter or digit";
    }

    /** A named port: 1-15 of {@code [-a-z0-9]}, at least one letter, no {@code --}, no '-' at either end. */
    static String ianaServiceName(String value) {
        if (value.isEmpty() || value.length() > 15) {
            return "must be 1 to 15 characters long";
        }
        if (!IANA_SVC_NAME.matcher(value).matches()) {
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
}
