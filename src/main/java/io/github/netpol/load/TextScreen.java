package io.github.netpol.load;

import io.github.netpol.finding.Finding;
import io.github.netpol.finding.FindingCode;
import io.github.netpol.finding.SourcePosition;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Checks on the raw text that the YAML parser would report late, badly or not at all:
 * binary content, unrendered templates and tab indentation.
 */
final class TextScreen {

    private TextScreen() {
    }

    /**
     * Decodes strict UTF-8 without a BOM; a NUL byte or invalid UTF-8 is a {@code binary-file} finding, which tells a
     * UTF-16 or Latin-1 text file (a manifest saved in another encoding) from one that is no text at all.
     */
    static Decoded decode(String file, byte[] content) {
        int start = content.length >= 3 && (content[0] & 0xff) == 0xEF && (content[1] & 0xff) == 0xBB
                && (content[2] & 0xff) == 0xBF ? 3 : 0;
        String utf16 = utf16(content);
        if (utf16 != null) {
            return Decoded.failed(Finding.of(FindingCode.BINARY_FILE, "The file is " + utf16 + " text, not UTF-8: re-save"
                    + " it as UTF-8 (in the editor's encoding menu, or with iconv -f UTF-16 -t UTF-8).")
                    .at(SourcePosition.ofFile(file)));
        }
        for (int i = start; i < content.length; i++) {
            if (content[i] == 0) {
                return Decoded.failed(binary(file, content, start, i, "a NUL byte"));
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(content, start, content.length - start);
        try {
            CharBuffer chars = decoder.decode(in);
            return new Decoded(chars.toString(), null);
        } catch (CharacterCodingException e) {
            // find the offending byte by decoding step by step only on this rare path
            int bad = firstInvalidUtf8(content, start);
            if (latin1Text(content, start)) {
                String c = new String(content, bad, 1, java.nio.charset.Charset.forName("windows-1252"));
                return Decoded.failed(Finding.of(FindingCode.BINARY_FILE, String.format("The byte 0x%02X here is not"
                                + " UTF-8: the file looks like Latin-1 (ISO-8859-1) or Windows-1252 text, where it is '%s'."
                                + " Re-save the file as UTF-8 (in the editor's encoding menu, or with iconv -f WINDOWS-1252"
                                + " -t UTF-8).", content[bad] & 0xff, c))
                        .at(position(file, content, start, bad)));
            }
            return Decoded.failed(binary(file, content, start, bad, "bytes that are not UTF-8"));
        }
    }

    /** The first {@code {{ ... }}} (Helm, Go or Jinja template) in the text. */
    static Optional<Finding> template(String file, String text) {
        // String.indexOf is much faster than a loop over the characters, and most files have no "{{"
        for (int i = text.indexOf("{{"); i >= 0; i = text.indexOf("{{", i + 1)) {
            int end = text.indexOf('\n', i);
            String rest = text.substring(i, end < 0 ? text.length() : end);
            if (rest.contains("}}")) {
                int lineStart = text.lastIndexOf('\n', i) + 1;
                return Optional.of(Finding.of(FindingCode.UNRENDERED_TEMPLATE, "Template syntax " + abbreviate(rest)
                                + " is not a manifest: render the template (helm template, kustomize build, ...) and commit"
                                + " or point netpol.sources at the output.")
                        .at(new SourcePosition(file, lineOf(text, i), i - lineStart + 1)));
            }
        }
        return Optional.empty();
    }

    /** The 1-based line of the character at {@code offset}. */
    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
            line++;
        }
        return line;
    }

    /** The first line indented with a tab, which YAML forbids. */
    static Optional<Finding> tabIndentation(String file, String text) {
        if (text.indexOf('\t') < 0) {
            return Optional.empty(); // the common case, found without the loop below
        }
        int line = 1;
        boolean atIndent = true;
        int col = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                col = 1;
                atIndent = true;
                continue;
            }
            if (atIndent && c == '\t') {
                int end = text.indexOf('\n', i);
                String rest = text.substring(i, end < 0 ? text.length() : end).strip();
                if (!rest.isEmpty() && !rest.startsWith("#")) {
                    return Optional.of(Finding.of(FindingCode.TAB_INDENTATION,
                            "A tab is used for indentation; YAML allows only spaces there: replace the tab with spaces.")
                            .at(new SourcePosition(file, line, col)));
                }
            }
            if (c != ' ' && c != '\t' && c != '\r') {
                atIndent = false;
            }
            col++;
        }
        return Optional.empty();
    }

    private static String abbreviate(String s) {
        int close = s.indexOf("}}");
        String t = s.substring(0, close + 2);
        return t.length() > 60 ? t.substring(0, 57) + "..." : t;
    }

    private static Finding binary(String file, byte[] content, int start, int offset, String what) {
        return Finding.of(FindingCode.BINARY_FILE,
                "The file contains " + what + " and is not a UTF-8 text manifest: remove it from the sources.")
                .at(position(file, content, start, offset));
    }

    private static SourcePosition position(String file, byte[] content, int start, int offset) {
        int line = 1;
        int lineStart = start;
        for (int i = start; i < offset; i++) {
            if (content[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new SourcePosition(file, line, offset - lineStart + 1);
    }

    /**
     * "UTF-16 (little-endian)" when the bytes are UTF-16 text: a byte-order mark, or text whose every other byte is
     * zero (ASCII characters in UTF-16 without a mark); else {@code null}.
     */
    private static String utf16(byte[] b) {
        if (b.length >= 2 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE) {
            return "UTF-16 (little-endian)";
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF) {
            return "UTF-16 (big-endian)";
        }
        int pairs = Math.min(b.length / 2, 64);
        if (pairs < 2) {
            return null;
        }
        boolean le = true;
        boolean be = true;
        for (int i = 0; i < pairs; i++) {
            byte even = b[2 * i];
            byte odd = b[2 * i + 1];
            le &= even != 0 && odd == 0;
            be &= even == 0 && odd != 0;
        }
        return le ? "UTF-16 (little-endian)" : be ? "UTF-16 (big-endian)" : null;
    }

    /** Whether the bytes read as text in Windows-1252 (a superset of Latin-1's printable part): no control bytes. */
    private static boolean latin1Text(byte[] b, int start) {
        for (int i = start; i < b.length; i++) {
            int c = b[i] & 0xff;
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' || c == 0x7f || c == 0x81 || c == 0x8d || c == 0x8f
                    || c == 0x90 || c == 0x9d) {
                return false;
            }
        }
        return true;
    }

    private static int firstInvalidUtf8(byte[] b, int start) {
        int i = start;
        while (i < b.length) {
            int c = b[i] & 0xff;
            int n = c < 0x80 ? 0 : c >= 0xC2 && c < 0xE0 ? 1 : c >= 0xE0 && c < 0xF0 ? 2 : c >= 0xF0 && c < 0xF5 ? 3 : -1;
            if (n < 0 || i + n >= b.length + (n == 0 ? 1 : 0) && n > 0) {
                return i;
            }
            for (int k = 1; k <= n; k++) {
                if (i + k >= b.length || (b[i + k] & 0xC0) != 0x80) {
                    return i;
                }
            }
            i += n + 1;
        }
        return b.length;
    }

    record Decoded(String text, Finding problem) {
        static Decoded failed(Finding problem) {
            return new Decoded(null, problem);
        }
    }
}
