package io.github.netpol.validate.apiserver;

import io.github.netpol.finding.FindingCode;
import io.github.netpol.load.JsonPointer;
import io.github.netpol.model.SchemaWalker;
import io.github.netpol.model.semantics.NetipPrefix;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Checks an object against a CRD's structural OpenAPI schema as the API server's validator does: types, required
 * fields, enums, bounds, lengths, item and property counts, patterns, {@code format: cidr}, sets, {@code oneOf} and
 * {@code anyOf} of required fields, int-or-string, unknown fields. A {@code null}
 * value of a field is pruned (absent), a missing field with a {@code default} counts as present. The CEL rules met
 * on the way and the label selectors are handed back, for {@link CrdRules} and the selector checks.
 */
final class StructuralSchema {

    /**
     * One error. {@code blocking}: of the kinds after which the API server evaluates no CEL rule of the object
     * (unsupported value, required, too long, too many, wrong type).
     */
    record Error(FindingCode code, boolean blocking, String pointer, String message) {
    }

    /** A CEL rule of the schema at a node that holds a value. */
    record RuleSite(String rule, String message, String pointer, Object value) {
    }

    /** A label selector: a node whose schema has exactly matchLabels and matchExpressions. */
    record SelectorSite(String pointer, Object value) {
    }

    private static final Set<String> SELECTOR_FIELDS = Set.of("matchLabels", "matchExpressions");

    private final List<Error> errors = new ArrayList<>();
    private final List<RuleSite> rules = new ArrayList<>();
    private final List<SelectorSite> selectors = new ArrayList<>();

    List<Error> errors() {
        return errors;
    }

    List<RuleSite> rules() {
        return rules;
    }

    List<SelectorSite> selectors() {
        return selectors;
    }

    /** Walks an object from its root; {@code status} is left out (the status subresource ignores it on create). */
    static StructuralSchema check(Map<String, Object> schema, Map<String, Object> object) {
        StructuralSchema walk = new StructuralSchema();
        walk.node(schema, object, "");
        return walk;
    }

    @SuppressWarnings("unchecked")
    private void node(Map<String, Object> s, Object v, String p) {
        if (v == null) {
            return;
        }
        String type = (String) s.get("type");
        if (type == null && Boolean.TRUE.equals(s.get("x-kubernetes-int-or-string"))) {
            if (!hasType(v, "integer") && !hasType(v, "string")) {
                error(FindingCode.WRONG_TYPE, true, p, "must be an integer or a string, found " + SchemaWalker.describe(v));
                return;
            }
            type = v instanceof String ? "string" : "integer";
        } else if (type != null && !hasType(v, type)) {
            error(FindingCode.WRONG_TYPE, true, p, "must be " + article(type) + ", found " + SchemaWalker.describe(v));
            return;
        }
        branches(s, v, p);
        if (s.get("enum") instanceof List<?> allowed && !allowed.contains(v)) {
            error(FindingCode.UNSUPPORTED_VALUE, true, p, "'" + v + "' is not supported; use "
                    + String.join(", ", allowed.stream().map(String::valueOf).toList()) + " (case-sensitive)");
        }
        if (s.get("x-kubernetes-validations") instanceof List<?> validations) {
            for (Object r : validations) {
                Map<String, Object> rule = (Map<String, Object>) r;
                rules.add(new RuleSite((String) rule.get("rule"), (String) rule.get("message"), p, v));
            }
        }
        switch (type == null ? "" : type) {
            case "integer" -> integer(s, v, p);
            case "string" -> string(s, (String) v, p);
            case "array" -> array(s, (List<Object>) v, p);
            case "object" -> object(s, (Map<String, Object>) v, p);
            default -> {
            }
        }
    }

    private void integer(Map<String, Object> s, Object v, String p) {
        BigInteger n = v instanceof BigInteger b ? b : BigInteger.valueOf(((Number) v).longValue());
        if ("int32".equals(s.get("format")) && n.bitLength() > 31) {
            error(FindingCode.VALUE_OUT_OF_RANGE, false, p, "must fit in 32 bits, found " + n);
            return;
        }
        if (s.get("minimum") instanceof Number min && n.compareTo(BigInteger.valueOf(min.longValue())) < 0) {
            error(FindingCode.VALUE_OUT_OF_RANGE, false, p, "must be at least " + min + ", found " + n);
        }
        if (s.get("maximum") instanceof Number max && n.compareTo(BigInteger.valueOf(max.longValue())) > 0) {
            error(FindingCode.VALUE_OUT_OF_RANGE, false, p, "must be at most " + max + ", found " + n);
        }
    }

    private void string(Map<String, Object> s, String v, String p) {
        int length = v.codePointCount(0, v.length());
        if (s.get("maxLength") instanceof Number max && length > max.intValue()) {
            error(FindingCode.INVALID_LENGTH, true, p, "may be at most " + max + " characters, found " + length);
        }
        if (s.get("minLength") instanceof Number min && length < min.intValue()) {
            error(FindingCode.INVALID_LENGTH, false, p, "must be at least " + min + " characters, found " + length);
        }
        if (s.get("pattern") instanceof String pattern && !Pattern.compile(pattern).matcher(v).find()) {
            error(FindingCode.PATTERN_MISMATCH, false, p, "'" + v + "' does not match the pattern " + pattern);
        }
        if ("cidr".equals(s.get("format"))) {
            String problem = NetipPrefix.parseCidrProblem(v);
            if (problem != null) {
                error(FindingCode.INVALID_CIDR, false, p, "'" + v + "' is not a CIDR (format cidr: " + problem + ")");
            }
        }
    }

    /**
     * {@code oneOf} and {@code anyOf}: in a structural schema their branches only add value validation (here
     * {@code required} fields and the types of an int-or-string), so a branch holds when its fields are present
     * and its type fits.
     */
    @SuppressWarnings("unchecked")
    private void branches(Map<String, Object> s, Object v, String p) {
        for (String combinator : List.of("oneOf", "anyOf")) {
            if (!(s.get(combinator) instanceof List<?> branches)) {
                continue;
            }
            long holding = branches.stream().filter(b -> holds((Map<String, Object>) b, v)).count();
            boolean one = combinator.equals("oneOf");
            if (one ? holding == 1 : holding >= 1) {
                continue;
            }
            List<String> fields = new ArrayList<>();
            branches.forEach(b -> {
                if (((Map<String, Object>) b).get("required") instanceof List<?> required) {
                    required.forEach(r -> fields.add((String) r));
                }
            });
            if (fields.isEmpty()) {
                continue; // a type union (int-or-string), checked above
            }
            Set<String> present = new TreeSet<>();
            if (v instanceof Map<?, ?> map) {
                fields.stream().filter(f -> map.get(f) != null).forEach(present::add);
            }
            String found = present.isEmpty() ? "none" : String.join(", ", present);
            error(FindingCode.ONE_FIELD_REQUIRED, false, p, (one ? "must set exactly one of " : "must set at least one of ")
                    + String.join(", ", fields) + ", found " + found);
        }
    }

    private static boolean holds(Map<String, Object> branch, Object v) {
        if (branch.get("type") instanceof String type && !hasType(v, type)) {
            return false;
        }
        if (branch.get("required") instanceof List<?> required) {
            return v instanceof Map<?, ?> map && required.stream().allMatch(r -> map.get(r) != null);
        }
        return true;
    }

    @SuppressWarnings("unchecked")
    private void array(Map<String, Object> s, List<Object> v, String p) {
        if (s.get("maxItems") instanceof Number max && v.size() > max.intValue()) {
            error(FindingCode.INVALID_ITEM_COUNT, true, p, "may have at most " + max + " items, found " + v.size());
        }
        if (s.get("minItems") instanceof Number min && v.size() < min.intValue()) {
            error(FindingCode.INVALID_ITEM_COUNT, false, p, "must have at least " + min + " item" + (min.intValue() == 1
                    ? "" : "s") + ", found " + v.size());
        }
        if ("set".equals(s.get("x-kubernetes-list-type"))) {
            Set<Object> seen = new HashSet<>();
            for (int i = 0; i < v.size(); i++) {
                if (v.get(i) != null && !seen.add(v.get(i))) {
                    error(FindingCode.DUPLICATE_ITEM, false, JsonPointer.child(p, i), "'" + v.get(i)
                            + "' is listed twice; each value may appear once");
                }
            }
        }
        if (s.get("items") instanceof Map<?, ?> items) {
            for (int i = 0; i < v.size(); i++) {
                node((Map<String, Object>) items, v.get(i), JsonPointer.child(p, i));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void object(Map<String, Object> s, Map<String, Object> v, String p) {
        Map<String, Object> properties = s.get("properties") instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
        if (properties != null && properties.keySet().equals(SELECTOR_FIELDS)) {
            selectors.add(new SelectorSite(p, v));
        }
        Set<String> present = new TreeSet<>();
        v.forEach((k, x) -> {
            if (x != null && (properties == null || properties.containsKey(k))) {
                present.add(k);
            }
        });
        if (properties != null) {
            properties.forEach((k, ps) -> {
                if (!present.contains(k) && ps instanceof Map<?, ?> m && m.containsKey("default")) {
                    present.add(k);
                }
            });
        }
        if (s.get("maxProperties") instanceof Number max && present.size() > max.intValue()) {
            error(FindingCode.ONE_FIELD_REQUIRED, true, p, fieldCount(properties, max.intValue(), present, "at most"));
        }
        if (s.get("minProperties") instanceof Number min && present.size() < min.intValue()) {
            error(FindingCode.ONE_FIELD_REQUIRED, false, p, fieldCount(properties, min.intValue(), present, "at least"));
        }
        if (s.get("required") instanceof List<?> required) {
            for (Object r : required) {
                if (!present.contains((String) r)) {
                    error(FindingCode.MISSING_FIELD, true, p, "needs the field '" + r + "'");
                }
            }
        }
        for (Map.Entry<String, Object> e : v.entrySet()) {
            String child = JsonPointer.child(p, e.getKey());
            if (p.isEmpty() && e.getKey().equals("status")) {
                continue;
            }
            if (properties == null) {
                if (s.get("additionalProperties") instanceof Map<?, ?> additional) {
                    node((Map<String, Object>) additional, e.getValue(), child);
                }
                continue;
            }
            Object ps = properties.get(e.getKey());
            if (ps == null) {
                error(FindingCode.UNKNOWN_FIELD, false, child, "is not a field of this object; known fields here: "
                        + String.join(", ", new TreeSet<>(properties.keySet())));
            } else if (!(p.isEmpty() && e.getKey().equals("metadata"))) {
                // metadata is checked as ObjectMeta, apart
                node((Map<String, Object>) ps, e.getValue(), child);
            }
        }
    }

    private static String fieldCount(Map<String, Object> properties, int bound, Set<String> present, String which) {
        String fields = properties == null ? "fields" : String.join(", ", new TreeSet<>(properties.keySet()));
        String found = present.isEmpty() ? "none" : String.join(", ", present);
        if (properties != null && bound == 1) {
            return "must set exactly one of " + fields + ", found " + found;
        }
        return "must set " + which + " " + bound + " of " + fields + ", found " + found;
    }

    private void error(FindingCode code, boolean blocking, String pointer, String message) {
        errors.add(new Error(code, blocking, pointer, message));
    }

    private static boolean hasType(Object v, String type) {
        return switch (type) {
            case "object" -> v instanceof Map<?, ?>;
            case "array" -> v instanceof List<?>;
            case "string" -> v instanceof String;
            case "integer" -> v instanceof Integer || v instanceof Long || v instanceof BigInteger;
            case "number" -> v instanceof Number;
            case "boolean" -> v instanceof Boolean;
            default -> true;
        };
    }

    private static String article(String type) {
        return switch (type) {
            case "object" -> "an object";
            case "array" -> "a list";
            case "integer" -> "an integer";
            default -> "a " + type;
        };
    }
}
