package io.github.netpol.model;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * The digest of one object as written, {@code sha256:<hex>} of its canonical form: JSON with the keys of every
 * map sorted and no whitespace. Comments, indentation, key order, quoting style and YAML or JSON give the same
 * digest; any changed value, added or removed field gives another. An acceptance of a finding about one object
 * carries it, so the acceptance ends when the object it was given for changes.
 */
public final class ObjectDigest {

    public static final String PREFIX = "sha256:";

    private ObjectDigest() {
    }

    public static String of(Map<String, Object> raw) {
        try {
            byte[] canonical = JsonText.canonical(raw);
            return PREFIX + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot digest an object read from YAML", e);
        }
    }

    /** Whether a text is a digest of this form. */
    public static boolean isDigest(String text) {
        return text != null && text.length() == PREFIX.length() + 64 && text.startsWith(PREFIX)
                && text.substring(PREFIX.length()).chars().allMatch(c -> c >= '0' && c <= '9' || c >= 'a' && c <= 'f');
    }
}
