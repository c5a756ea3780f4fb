package io.github.netpol.render;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code --set} values of a Helm render, one {@code key=value} each: a dotted key and a literal value, typed
 * as {@code helm --set} types it (numbers, {@code true}/{@code false}, {@code null}, else a string). Helm's engine
 * applies them in no fixed order, so keys that overlap ({@code a} and {@code a.b}) would give a different result
 * from run to run: they are refused, which makes the order irrelevant. Lists ({@code {a,b}}, {@code key[0]}),
 * escaped dots and commas are refused too: what they mean differs between Helm's command line and its engine.
 * Put such values in a values file.
 */
final class HelmSetValues {

    private HelmSetValues() {
    }

    /** @param where names the setting in messages, e.g. {@code render prod} */
    static Map<String, String> parse(List<String> entries, String where) throws RenderException {
        Map<String, String> out = new LinkedHashMap<>();
        for (String entry : entries) {
            String e = entry == null ? "" : entry.trim();
            int eq = e.indexOf('=');
            if (eq <= 0) {
                throw problem(where, e, "is not key=value");
            }
            String key = e.substring(0, eq).trim();
            String value = e.substring(eq + 1).trim();
            if (!key.matches("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*")) {
                throw problem(where, e, "has a key that is not a dotted path of names (list indexes and escaped dots"
                        + " are not supported)");
            }
            if (value.startsWith("{") || value.contains(",")) {
                throw problem(where, e, "has a list or a comma in its value, which Helm's engine reads differently from"
                        + " the helm command line");
            }
            for (String other : out.keySet()) {
                if (other.equals(key) || other.startsWith(key + ".") || key.startsWith(other + ".")) {
                    throw problem(where, e, "overlaps '" + other + "': Helm applies set values in no fixed order, so"
                            + " the result would change from run to run");
                }
            }
            out.put(key, value);
        }
        return out;
    }

    private static RenderException problem(String where, String entry, String what) {
        return new RenderException(where + ": the set value '" + entry + "' " + what + "; put it in a values file"
                + " (valuesFiles) instead");
    }
}
