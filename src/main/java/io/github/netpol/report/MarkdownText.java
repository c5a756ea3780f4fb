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
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            switch (c) {
                case '\\', '`', '|', '*', '[', ']' -> out.append('\\').appendCodePoint(c);
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '\n', '\r', '\t' -> out.append(' ');
                default -> {
                    if (!Character.isISOControl(c)) {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.toString();
    }
}
