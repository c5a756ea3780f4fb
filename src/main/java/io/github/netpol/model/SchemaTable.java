package io.github.netpol.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON schema of the kinds the plugin reads, as Jackson sees the fabric8 model classes: per class its
 * properties and their types. Read from a resource generated from those classes at build time (the test
 * {@code SchemaTableTest} regenerates it and fails on any difference), so a run needs neither Jackson's
 * introspection nor the classes themselves to check a manifest's fields.
 */
final class SchemaTable {

    /** The type of a property. */
    sealed interface Type permits Scalar, MapOf, ListOf, Bean, Opaque {
    }

    /** A leaf type. */
    enum Scalar implements Type {
        STRING, INT32, INT64, BOOLEAN, DOUBLE, FLOAT, INT_OR_STRING, QUANTITY,
        /** {@code java.lang.Object}: any JSON value. */
        OBJECT
    }

    /** A map with string keys. */
    record MapOf(Type content) implements Type {
    }

    record ListOf(Type content) implements Type {
    }

    /** A type the walk leaves free-form and Jackson decodes in its own way (an interface, an enum, a JDK class). */
    record Opaque(String className) implements Type {
    }

    /**
     * A model class.
     *
     * @param keepsUnknown whether it keeps fields it does not know ({@code @JsonAnySetter}) rather than rejecting them
     * @param custom       whether Jackson decodes it with a deserializer of its own
     * @param properties   by JSON name, in name order; empty for a free-form class
     */
    record Bean(String className, String simpleName, boolean keepsUnknown, boolean custom,
                Map<String, Property> properties) implements Type {
    }

    /** @param custom whether Jackson decodes this property with a deserializer of its own */
    record Property(Type type, boolean custom) {
    }

    private static final String RESOURCE = "kubernetes-schema.txt";

    private final Map<String, Bean> beans;

    private SchemaTable(Map<String, Bean> beans) {
        this.beans = beans;
    }

    /** The table of the resource; built on first use and immutable afterwards. */
    static SchemaTable get() {
        return Holder.TABLE;
    }

    private static final class Holder {
        static final SchemaTable TABLE = load();
    }

    /** The model class of this name; fails for a class outside the recognized kinds' schema. */
    Bean bean(Class<?> type) {
        Bean bean = beans.get(type.getName());
        if (bean == null) {
            throw new IllegalArgumentException(type.getName() + " is not in the schema table");
        }
        return bean;
    }

    private static SchemaTable load() {
        try (InputStream in = SchemaTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the resource " + RESOURCE + " is missing from the plugin");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the resource " + RESOURCE, e);
        }
    }

    /** Two passes: the classes first, so that properties can refer to classes listed later. */
    private static SchemaTable parse(BufferedReader reader) throws IOException {
        Map<String, Bean> beans = new HashMap<>();
        Map<String, Map<String, String>> declared = new LinkedHashMap<>();
        Map<String, String[]> headers = new HashMap<>();
        Map<String, String> current = null;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("kinds ")) {
                continue;
            }
            String[] words = line.split(" ");
            if (line.startsWith("@")) {
                String name = words[0].substring(1);
                headers.put(name, words);
                current = new LinkedHashMap<>();
                declared.put(name, current);
            } else if (current != null) {
                current.put(words[0], line.substring(words[0].length() + 1));
            }
        }
        Map<String, Map<String, Property>> properties = new HashMap<>();
        for (String name : declared.keySet()) {
            String[] header = headers.get(name);
            Map<String, Property> props = new LinkedHashMap<>();
            properties.put(name, props);
            beans.put(name, new Bean(name, simpleName(name), has(header, "any"), has(header, "custom"),
                    Collections.unmodifiableMap(props)));
        }
        declared.forEach((name, props) -> props.forEach((property, text) -> {
            boolean custom = text.endsWith(" custom");
            String type = custom ? text.substring(0, text.length() - " custom".length()) : text;
            properties.get(name).put(property, new Property(type(type, beans), custom));
        }));
        return new SchemaTable(beans);
    }

    private static boolean has(String[] words, String flag) {
        for (int i = 1; i < words.length; i++) {
            if (words[i].equals(flag)) {
                return true;
            }
        }
        return false;
    }

    private static Type type(String text, Map<String, Bean> beans) {
        if (text.startsWith("map<")) {
            return new MapOf(type(text.substring(4, text.length() - 1), beans));
        }
        if (text.startsWith("list<")) {
            return new ListOf(type(text.substring(5, text.length() - 1), beans));
        }
        if (text.startsWith("opaque:")) {
            return new Opaque(text.substring("opaque:".length()));
        }
        return switch (text) {
            case "string" -> Scalar.STRING;
            case "int32" -> Scalar.INT32;
            case "int64" -> Scalar.INT64;
            case "boolean" -> Scalar.BOOLEAN;
            case "double" -> Scalar.DOUBLE;
            case "float" -> Scalar.FLOAT;
            case "intOrString" -> Scalar.INT_OR_STRING;
            case "quantity" -> Scalar.QUANTITY;
            case "object" -> Scalar.OBJECT;
            default -> {
                Bean bean = beans.get(text);
                if (bean == null) {
                    throw new IllegalStateException("the schema table names the class " + text + " but does not describe it");
                }
                yield bean;
            }
        };
    }

    /** What {@link Class#getSimpleName()} gives for a top-level or nested class of this binary name. */
    private static String simpleName(String className) {
        String s = className.substring(className.lastIndexOf('.') + 1);
        return s.substring(s.lastIndexOf('$') + 1);
    }
}
