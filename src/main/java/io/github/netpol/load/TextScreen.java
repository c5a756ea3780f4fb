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

    /** Decodes strict UTF-8 without a BOM; a NUL byte or invalid UTF-8 is a {@code binary-file} finding. */
    static Decoded decode(String file, byte[] content) {
        int start = content.length >= 3 && (content[0] & 0xff) == 0xEF && (content[1] & 0xff) == 0xBB
                && (content[2] & 0xff) == 0xBF ? 3 : 0;
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
        int line = 1;
        int lineStart = start;
        for (int i = start; i < offset; i++) {
            if (content[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return Finding.of(FindingCode.BINARY_FILE,
                "The file contains " + what + " and is not a UTF-8 text manifest: remove it from the sources.")
                .at(new SourcePosition(file, line, offset - lineStart + 1));
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
