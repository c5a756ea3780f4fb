package io.github.netpol.maven;

import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One text for a value, the same in every JVM: records as their type and every component by name in declaration
 * order, maps and sets sorted by their elements' text, lists in order, strings quoted. Two values have the same
 * text exactly when they are equal parts of a goal's configuration.
 */
final class CanonicalText {

    private CanonicalText() {
    }

    static String of(Object value) {
        StringBuilder out = new StringBuilder();
        append(value, out);
        return out.toString();
    }

    private static void append(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            out.append('"').append(s.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        } else if (value instanceof Record r) {
            out.append(r.getClass().getSimpleName()).append('{');
            RecordComponent[] components = r.getClass().getRecordComponents();
            for (int i = 0; i < components.length; i++) {
                out.append(i == 0 ? "" : ",").append(components[i].getName()).append('=');
                append(component(r, components[i]), out);
            }
            out.append('}');
        } else if (value instanceof Map<?, ?> map) {
            List<String> entries = new ArrayList<>();
            map.forEach((k, v) -> entries.add(of(k) + "=" + of(v)));
            out.append('{').append(String.join(",", entries.stream().sorted().toList())).append('}');
        } else if (value instanceof Set<?> set) {
            out.append('{').append(String.join(",", set.stream().map(CanonicalText::of).sorted().toList())).append('}');
        } else if (value instanceof Collection<?> list) {
            out.append('[').append(String.join(",", list.stream().map(CanonicalText::of).toList())).append(']');
        } else if (value instanceof Enum<?> e) {
            out.append(e.getDeclaringClass().getSimpleName()).append('.').append(e.name());
        } else if (value instanceof Path || value instanceof File || value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else {
            throw new IllegalArgumentException("no canonical text for a " + value.getClass().getName()
                    + "; make it a record, enum, collection or plain value");
        }
    }

    private static Object component(Record r, RecordComponent c) {
        try {
            c.getAccessor().setAccessible(true);
            return c.getAccessor().invoke(r);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + c.getName() + " of " + r.getClass().getName(), e);
        }
    }
}
