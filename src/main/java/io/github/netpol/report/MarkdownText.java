package io.github.netpol.report;

/** Makes text from manifests safe to put into Markdown prose and table cells (GitHub flavour). */
final class MarkdownText {

    private MarkdownText() {
    }

    /**
     * Escapes what could end a table cell ({@code |}), open code or emphasis, make a link, or be read as
     * HTML; line breaks become spaces so a cell stays on its row.
     */
    static String escape(String text) {
        return TextEscaping.escape(text, c -> switch (c) {
            case '\\', '`', '|', '*', '[', ']' -> "\\" + (char) c;
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '&' -> "&amp;";
            case '\n', '\r', '\t' -> " ";
            default -> Character.isISOControl(c) ? "" : null;
        });
    }
}
