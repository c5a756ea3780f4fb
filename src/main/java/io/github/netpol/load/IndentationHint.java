package io.github.netpol.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Explains the YAML parser's errors that an indentation step causes ("expected &lt;block end&gt;, but found
 * '&lt;block mapping start&gt;'", "mapping values are not allowed here", "did not find expected key"): which line is
 * indented how far, and where the blocks it could belong to start.
 */
final class IndentationHint {

    private IndentationHint() {
    }

    /** The parser's problems that a wrongly indented line causes. */
    private static final List<String> INDENTATION_PROBLEMS = List.of("expected <block end>", "did not find expected key",
            "did not find expected '-' indicator", "mapping values are not allowed here");

    /**
     * An explanation of the problem at {@code line} (1-based) in words, or empty when the problem is not one of
     * indentation or the line lines up with a block above it.
     */
    static Optional<String> explain(String problem, String text, int line) {
        if (problem == null || INDENTATION_PROBLEMS.stream().noneMatch(problem::contains)) {
            return Optional.empty();
        }
        String[] lines = text.split("\n", -1);
        if (line < 2 || line > lines.length) {
            return Optional.empty();
        }
        String offending = lines[line - 1];
        int indent = indentation(offending);
        TreeSet<Integer> open = new TreeSet<>();
        int previous = -1;
        int min = Integer.MAX_VALUE;
        for (int i = line - 2; i >= 0; i--) {
            String l = lines[i];
            if (l.isBlank() || l.strip().startsWith("#") || l.startsWith("---")) {
                if (l.startsWith("---")) {
                    break;
                }
                continue;
            }
            int n = indentation(l);
            if (previous < 0) {
                previous = i + 1;
                // the line above: a nested block may start inside it too (a key's value, an item's map)
                open.add(n);
                int item = itemContent(l);
                if (item >= 0) {
                    open.add(item);
                }
            }
            if (n < min) {
                min = n;
                open.add(n);
                int item = itemContent(l);
                if (item >= 0) {
                    open.add(item);
                }
            }
            if (n == 0) {
                break;
            }
        }
        if (previous < 0) {
            return Optional.empty();
        }
        boolean continuation = problem.contains("mapping values are not allowed here");
        if (!continuation && open.contains(indent)) {
            return Optional.empty();
        }
        String key = offending.strip();
        int colon = key.indexOf(':');
        String what = colon > 0 ? "'" + key.substring(0, colon).replaceFirst("^- ", "") + "'" : "the line";
        if (continuation) {
            String keyAbove = lines[previous - 1];
            int above = indentation(keyAbove);
            int colonAbove = keyAbove.indexOf(": ");
            if (indent <= above || colonAbove < 0 || keyAbove.substring(colonAbove + 2).isBlank()) {
                return Optional.empty(); // a ': ' inside a plain value, not a line that continues the value above
            }
            return Optional.of("line " + line + " is indented by " + spaces(indent) + ", more than the key on line "
                    + previous + " (" + spaces(above) + "), so YAML reads it as the rest of that key's value and then"
                    + " finds a ':' it cannot place. Indent " + what + " like the key it belongs with, by "
                    + levels(open) + " (or quote the value if the ':' belongs to it)");
        }
        return Optional.of("line " + line + " is indented by " + spaces(indent) + ", which lines up with no block above"
                + " it: the keys and list items above start at " + levels(open) + ". YAML nests by indentation, so keys of"
                + " one map (and items of one list) must start in the same column: indent " + what + " like the key or"
                + " item it belongs with");
    }

    private static int indentation(String line) {
        int n = 0;
        while (n < line.length() && line.charAt(n) == ' ') {
            n++;
        }
        return n;
    }

    /** The column (0-based) of the content after a list item's {@code - }, or -1 when the line is no list item. */
    private static int itemContent(String line) {
        int n = indentation(line);
        if (line.startsWith("- ", n)) {
            int m = n + 2;
            while (m < line.length() && line.charAt(m) == ' ') {
                m++;
            }
            return m < line.length() ? m : -1;
        }
        return -1;
    }

    private static String spaces(int n) {
        return n + (n == 1 ? " space" : " spaces");
    }

    private static String levels(TreeSet<Integer> open) {
        List<String> out = new ArrayList<>();
        open.forEach(n -> out.add(String.valueOf(n)));
        return (out.size() == 1 ? out.get(0) : String.join(", ", out.subList(0, out.size() - 1)) + " or "
                + out.get(out.size() - 1)) + " spaces";
    }
}
