package io.github.netpol.report;

/** Escapes text for HTML element content and quoted attribute values. */
final class HtmlText {

    private HtmlText() {
    }

    static String escape(String text) {
        return TextEscaping.escape(text, c -> switch (c) {
            case '&' -> "&amp;";
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '"' -> "&quot;";
            case '\'' -> "&#39;";
            case '\n', '\t' -> null;
            default -> Character.isISOControl(c) || (c >= 0xD800 && c <= 0xDFFF) ? "\uFFFD" : null;
        });
    }
}
