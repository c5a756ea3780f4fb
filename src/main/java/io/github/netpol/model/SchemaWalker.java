package io.github.netpol.model;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Quantity;
import io.github.netpol.load.JsonPointer;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Walks a raw object tree along the fabric8 class that models it, so that every field is checked
 * against the schema Kubernetes publishes (fabric8 is generated from the OpenAPI schema): fields
 * the type does not know and values of the wrong JSON type are reported with their JSON pointer.
 * Known fields are found by Jackson introspection, not kept by hand.
 */
public final class SchemaWalker {

    /** What the walk reports. */
    public interface Visitor {
        default void unknownField(String pointer, String field, Set<String> knownFields) {
        }

        default void wrongType(String pointer, String expected, Object actual) {
        }
    }

    private final ObjectMapper mapper;
    private final Map<JavaType, Map<String, JavaType>> properties = new ConcurrentHashMap<>();

    public SchemaWalker(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** A walker over a new mapper that knows the Kubernetes types ({@link KubernetesMapper}). */
    public static SchemaWalker kubernetes() {
        return new SchemaWalker(KubernetesMapper.create());
    }

    /**
     * The mapper whose types the walker follows. Thread-safe, like the walker: readers and validators of one
     * run share both, since building a mapper's deserializers for the Kubernetes types costs tens of
     * milliseconds each time, more than reading a small repository.
     */
    public ObjectMapper mapper() {
        return mapper;
    }

    public void walk(Class<?> type, Object raw, String pointer, Visitor visitor) {
        walk(mapper.constructType(type), raw, new Path(null, pointer, -1), visitor);
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

    private void walk(JavaType type, Object raw, Path path, Visitor visitor) {
        if (raw == null) {
            return; // null means omitted in Kubernetes
        }
        Class<?> cls = type.getRawClass();
        if (type.isMapLikeType()) {
            if (!(raw instanceof Map<?, ?> map)) {
                visitor.wrongType(path.pointer(), "a map", raw);
                return;
            }
            map.forEach((k, v) -> walk(type.getContentType(), v, path.child(String.valueOf(k)), visitor));
        } else if (type.isCollectionLikeType() || type.isArrayType()) {
            if (!(raw instanceof List<?> list)) {
                visitor.wrongType(path.pointer(), "a list", raw);
                return;
            }
            for (int i = 0; i < list.size(); i++) {
                walk(type.getContentType(), list.get(i), path.child(i), visitor);
            }
        } else if (cls == String.class) {
            expect(raw instanceof String, path, "a string", raw, visitor);
        } else if (cls == Integer.class || cls == int.class || cls == Long.class || cls == long.class) {
            expect(raw instanceof Integer || raw instanceof Long, path, "an integer", raw, visitor);
        } else if (cls == Boolean.class || cls == boolean.class) {
            expect(raw instanceof Boolean, path, "true or false", raw, visitor);
        } else if (cls == Double.class || cls == Float.class) {
            expect(raw instanceof Number, path, "a number", raw, visitor);
        } else if (cls == IntOrString.class) {
            expect(raw instanceof Integer || raw instanceof Long || raw instanceof String, path,
                    "an integer or a string", raw, visitor);
        } else if (cls == Quantity.class) {
            expect(raw instanceof Number || raw instanceof String, path, "a number or a string", raw, visitor);
        } else {
            Map<String, JavaType> props = properties(type);
            if (props.isEmpty()) {
                return; // free-form (Object, FieldsV1, RawExtension, ...)
            }
            if (!(raw instanceof Map<?, ?> map)) {
                visitor.wrongType(path.pointer(), "an object (" + cls.getSimpleName() + ")", raw);
                return;
            }
            map.forEach((k, v) -> {
                String key = String.valueOf(k);
                Path child = path.child(key);
                JavaType propType = props.get(key);
                if (propType == null) {
                    visitor.unknownField(child.pointer(), key, props.keySet());
                } else {
                    walk(propType, v, child, visitor);
                }
            });
        }
    }

    /** The declared fields of a model class by JSON name, in name order; empty for free-form and non-bean types. */
    public Map<String, JavaType> properties(JavaType type) {
        return properties.computeIfAbsent(type, t -> {
            Class<?> cls = t.getRawClass();
            if (cls == Object.class || cls.isInterface() || cls.isPrimitive() || cls.getName().startsWith("java.")) {
                return Map.of();
            }
            BeanDescription desc = mapper.getDeserializationConfig().introspect(t);
            Map<String, JavaType> result = new TreeMap<>();
            for (BeanPropertyDefinition p : desc.findProperties()) {
                if (p.hasSetter() || p.hasField() || p.hasConstructorParameter()) {
                    result.put(p.getName(), p.getPrimaryType());
                }
            }
            // in name order, so a message listing them reads the same in every run (Map.copyOf's order
            // changes from one JVM to the next)
            return Collections.unmodifiableMap(new LinkedHashMap<>(result));
        });
    }

    public Optional<JavaType> property(JavaType type, String name) {
        return Optional.ofNullable(properties(type).get(name));
    }

    private static void expect(boolean ok, Path path, String expected, Object raw, Visitor visitor) {
        if (!ok) {
            visitor.wrongType(path.pointer(), expected, raw);
        }
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
