package io.github.netpol.model;

import io.fabric8.kubernetes.api.model.Quantity;
import io.github.netpol.load.JsonPointer;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Walks a raw object tree along the fabric8 class that models it, so that every field is checked
 * against the schema Kubernetes publishes (fabric8 is generated from the OpenAPI schema): fields
 * the type does not know and values of the wrong JSON type are reported with their JSON pointer.
 * Known fields come from {@link SchemaTable}, generated from the fabric8 classes as Jackson sees them.
 * Stateless and thread-safe.
 */
public final class SchemaWalker {

    /** What the walk reports. */
    public interface Visitor {
        default void unknownField(String pointer, String field, Set<String> knownFields) {
        }

        default void wrongType(String pointer, String expected, Object actual) {
        }

        /**
         * A value of the right JSON type that Jackson's conversion into the fabric8 class may still refuse (an
         * integer beyond 32 bits for an int field, a quantity that does not parse, a field a class cannot keep):
         * only that conversion can tell, and its message is the one to report.
         */
        default void doubtful(String pointer) {
        }
    }

    private final SchemaTable table = SchemaTable.get();

    public void walk(Class<?> type, Object raw, String pointer, Visitor visitor) {
        walk(table.bean(type), raw, new Path(null, pointer, -1), visitor);
    }

    /**
     * Where the walk is. The JSON pointer string is built only when something is reported: nearly every
     * node is fine, and building a pointer per node was a large part of the walk.
     */
    private record Path(Path parent, String key, int index) {
        Path child(String childKey) {
            return new Path(this, childKey, -1);
        }

        Path child(int childIndex) {
            return new Path(this, null, childIndex);
        }

        String pointer() {
            if (parent == null) {
                return key;
            }
            return key != null ? JsonPointer.child(parent.pointer(), key) : JsonPointer.child(parent.pointer(), index);
        }
    }

    private void walk(SchemaTable.Type type, Object raw, Path path, Visitor visitor) {
        if (raw == null) {
            return; // null means omitted in Kubernetes
        }
        if (type instanceof SchemaTable.MapOf map) {
            if (!(raw instanceof Map<?, ?> values)) {
                visitor.wrongType(path.pointer(), "a map", raw);
                return;
            }
            values.forEach((k, v) -> walk(map.content(), v, path.child(String.valueOf(k)), visitor));
        } else if (type instanceof SchemaTable.ListOf list) {
            if (!(raw instanceof List<?> items)) {
                visitor.wrongType(path.pointer(), "a list", raw);
                return;
            }
            for (int i = 0; i < items.size(); i++) {
                walk(list.content(), items.get(i), path.child(i), visitor);
            }
        } else if (type instanceof SchemaTable.Scalar scalar) {
            scalar(scalar, raw, path, visitor);
        } else if (type instanceof SchemaTable.Bean bean) {
            bean(bean, raw, path, visitor);
        } else {
            visitor.doubtful(path.pointer()); // free-form here, decoded by Jackson its own way
        }
    }

    private static void scalar(SchemaTable.Scalar scalar, Object raw, Path path, Visitor visitor) {
        switch (scalar) {
            case STRING -> expect(raw instanceof String, path, "a string", raw, visitor);
            case INT32, INT64 -> {
                if (expect(raw instanceof Integer || raw instanceof Long, path, "an integer", raw, visitor)
                        && scalar == SchemaTable.Scalar.INT32 && raw instanceof Long) {
                    visitor.doubtful(path.pointer()); // out of range of int
                }
            }
            case BOOLEAN -> expect(raw instanceof Boolean, path, "true or false", raw, visitor);
            case DOUBLE, FLOAT -> {
                if (expect(raw instanceof Number, path, "a number", raw, visitor) && (scalar == SchemaTable.Scalar.FLOAT
                        || !(raw instanceof Integer || raw instanceof Long || raw instanceof Double))) {
                    visitor.doubtful(path.pointer());
                }
            }
            case INT_OR_STRING -> {
                if (expect(raw instanceof Integer || raw instanceof Long || raw instanceof String, path,
                        "an integer or a string", raw, visitor) && raw instanceof Long) {
                    visitor.doubtful(path.pointer()); // IntOrString takes an int or a string only
                }
            }
            case QUANTITY -> {
                if (expect(raw instanceof Number || raw instanceof String, path, "a number or a string", raw, visitor)
                        && !parsesAsQuantity(raw)) {
                    visitor.doubtful(path.pointer());
                }
            }
            case OBJECT -> {
            }
        }
    }

    /** What Jackson's deserializer of {@link Quantity} does with a string or an integer, short of failing. */
    private static boolean parsesAsQuantity(Object raw) {
        if (!(raw instanceof String || raw instanceof Integer || raw instanceof Long)) {
            return false;
        }
        try {
            Quantity.parse(String.valueOf(raw));
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private void bean(SchemaTable.Bean bean, Object raw, Path path, Visitor visitor) {
        if (bean.custom()) {
            visitor.doubtful(path.pointer());
        }
        Map<String, SchemaTable.Property> props = bean.properties();
        if (props.isEmpty()) {
            // free-form (FieldsV1, ...): a map of anything is kept, anything else is Jackson's to judge
            if (!(raw instanceof Map<?, ?>) || !bean.keepsUnknown()) {
                visitor.doubtful(path.pointer());
            }
            return;
        }
        if (!(raw instanceof Map<?, ?> map)) {
            visitor.wrongType(path.pointer(), "an object (" + bean.simpleName() + ")", raw);
            return;
        }
        map.forEach((k, v) -> {
            String key = String.valueOf(k);
            Path child = path.child(key);
            SchemaTable.Property property = props.get(key);
            if (property == null) {
                visitor.unknownField(child.pointer(), key, props.keySet());
                if (!bean.keepsUnknown()) {
                    visitor.doubtful(child.pointer());
                }
            } else {
                if (property.custom() && v != null) {
                    visitor.doubtful(child.pointer());
                }
                walk(property.type(), v, child, visitor);
            }
        });
    }

    private static boolean expect(boolean ok, Path path, String expected, Object raw, Visitor visitor) {
        if (!ok) {
            visitor.wrongType(path.pointer(), expected, raw);
        }
        return ok;
    }

    /** How a raw value reads in a message: {@code the string "abc"}, {@code a list}, ... */
    public static String describe(Object raw) {
        if (raw instanceof String s) {
            return "the string \"" + (s.length() > 40 ? s.substring(0, 37) + "..." : s) + "\"";
        }
        if (raw instanceof Boolean || raw instanceof Number) {
            return (raw instanceof Boolean ? "the boolean " : "the number ") + raw;
        }
        return typeOf(raw);
    }

    /**
     * The type of a raw value without the value: {@code a string}, {@code a list}, ... For what may not be a
     * manifest at all, whose bytes a message must not echo.
     */
    public static String typeOf(Object raw) {
        if (raw instanceof String) {
            return "a string";
        }
        if (raw instanceof Boolean || raw instanceof Number) {
            return raw instanceof Boolean ? "a boolean" : "a number";
        }
        if (raw instanceof List<?>) {
            return "a list";
        }
        if (raw instanceof Map<?, ?>) {
            return "a map";
        }
        return "a " + raw.getClass().getSimpleName();
    }
}
