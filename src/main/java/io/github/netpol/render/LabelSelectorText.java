package io.github.netpol.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A label selector in its text form, as a Kustomize patch target writes it ({@code app=web,tier!=db,
 * env in (prod,staging),!legacy}), matched against an object's labels or annotations.
 */
final class LabelSelectorText {

    private LabelSelectorText() {
    }

    /** Whether the values satisfy every requirement of the selector; an absent or empty selector matches all. */
    static boolean matches(Object selector, Map<?, ?> values) {
        if (!(selector instanceof String text) || text.isBlank()) {
            return true;
        }
        for (String requirement : requirements(text)) {
            if (!holds(requirement.trim(), values)) {
                return false;
            }
        }
        return true;
    }

    /** The comma-separated requirements; commas inside {@code (...)} belong to a value list. */
    private static List<String> requirements(String text) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                out.add(text.substring(start, i));
                start = i + 1;
            }
        }
        out.add(text.substring(start));
        return out;
    }

    private static boolean holds(String r, Map<?, ?> values) {
        if (r.startsWith("!")) {
            return !values.containsKey(r.substring(1).trim());
        }
        String[] set = r.split("\\s+(?i)(notin|in)\\s+", 2);
        if (set.length == 2) {
            String key = set[0].trim();
            boolean notIn = r.substring(key.length()).trim().toLowerCase(java.util.Locale.ROOT).startsWith("notin");
            String list = set[1].trim();
            Set<String> allowed = Set.of(list.replaceAll("^\\(|\\)$", "").split("\\s*,\\s*"));
            Object v = values.get(key);
            return notIn ? v == null || !allowed.contains(String.valueOf(v).trim()) : v != null && allowed.contains(String.valueOf(v));
        }
        int ne = r.indexOf("!=");
        if (ne >= 0) {
            Object v = values.get(r.substring(0, ne).trim());
            return v == null || !String.valueOf(v).equals(r.substring(ne + 2).trim());
        }
        int eq = r.indexOf('=');
        if (eq >= 0) {
            String value = r.substring(r.startsWith("==", eq) ? eq + 2 : eq + 1).trim();
            Object v = values.get(r.substring(0, eq).trim());
            return v != null && String.valueOf(v).equals(value);
        }
        return values.containsKey(r);
    }
}
