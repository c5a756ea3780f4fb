package io.github.netpol.report;

import java.util.function.IntFunction;

/** Rewrites text from the manifests code point by code point, for a format that must not see some of them raw. */
final class TextEscaping {

    private TextEscaping() {
    }

    /**
     * @param replacement the text that stands for a code point, or {@code null} to keep it as it is
     * @return {@code ""} for {@code null}
     */
    static String escape(String text, IntFunction<String> replacement) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            String r = replacement.apply(c);
            if (r == null) {
                out.appendCodePoint(c);
            } else {
                out.append(r);
            }
        });
        return out.toString();
    }
}
