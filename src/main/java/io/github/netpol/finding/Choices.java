package io.github.netpol.finding;

import java.util.List;
import java.util.Locale;

/** Reads a word a user wrote as one of a few choices, and names the choices when it is none of them. */
public final class Choices {

    private Choices() {
    }

    /**
     * The constant named by {@code text}, in any case and with space around it.
     *
     * @throws IllegalArgumentException {@code 'text' is not a <what>; use a, b or c}
     */
    public static <E extends Enum<E>> E parse(Class<E> type, String text, String what) {
        String t = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(t)) {
                return e;
            }
        }
        List<String> names = java.util.Arrays.stream(type.getEnumConstants())
                .map(e -> e.name().toLowerCase(Locale.ROOT)).toList();
        throw new IllegalArgumentException("'" + text + "' is not " + what + "; use " + list(names));
    }

    /** {@code a, b or c}. */
    public static String list(List<String> words) {
        if (words.size() == 1) {
            return words.get(0);
        }
        return String.join(", ", words.subList(0, words.size() - 1)) + " or " + words.get(words.size() - 1);
    }
}
