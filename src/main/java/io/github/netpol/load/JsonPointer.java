package io.github.netpol.load;

/** Builds RFC 6901 JSON pointers, the keys of every source map. */
public final class JsonPointer {

    private JsonPointer() {
    }

    // sized exactly: the loader builds a pointer for every node of a long list, and a growing builder copied each
    public static String child(String parent, String key) {
        if (key.indexOf('~') >= 0 || key.indexOf('/') >= 0) {
            key = key.replace("~", "~0").replace("/", "~1");
        }
        return new StringBuilder(parent.length() + 1 + key.length()).append(parent).append('/').append(key).toString();
    }

    public static String child(String parent, int index) {
        return new StringBuilder(parent.length() + 11).append(parent).append('/').append(index).toString();
    }

    /** How a pointer reads in a message: {@code /spec/ingress/0/from} becomes {@code spec.ingress[0].from}. */
    public static String display(String pointer) {
        StringBuilder out = new StringBuilder();
        for (String part : pointer.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            String token = part.replace("~1", "/").replace("~0", "~");
            if (token.chars().allMatch(Character::isDigit)) {
                out.append('[').append(token).append(']');
            } else {
                out.append(out.length() == 0 ? "" : ".").append(token);
            }
        }
        return out.toString();
    }
}
