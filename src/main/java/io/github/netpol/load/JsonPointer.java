package io.github.netpol.load;

/** Builds RFC 6901 JSON pointers, the keys of every source map. */
public final class JsonPointer {

    private JsonPointer() {
    }

    public static String child(String parent, String key) {
        return parent + "/" + key.replace("~", "~0").replace("/", "~1");
    }

    public static String child(String parent, int index) {
        return parent + "/" + index;
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
