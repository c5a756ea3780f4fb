package io.github.netpol.model;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * Plain trees (maps, lists, strings, numbers, booleans, {@code null}) as JSON through jackson-core's streaming
 * generator: indented as Jackson's {@code INDENT_OUTPUT} indents (reports), or canonical (keys sorted, no white
 * space: digests). The bytes are those Jackson's {@code ObjectMapper} writes for the same tree, without loading
 * its databind for a handful of findings.
 */
public final class JsonText {

    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonText() {
    }

    /** The tree indented, map entries in their map's order. */
    public static String pretty(Object tree) {
        return text(tree, true, false);
    }

    /** Writes the tree indented into a file (UTF-8, no final line break). */
    public static void write(Path file, Object tree) throws IOException {
        try (OutputStream out = Files.newOutputStream(file);
             JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            write(g, tree, true, false);
        }
    }

    /** The tree with the keys of every map sorted and no white space: the same text for the same content. */
    public static byte[] canonical(Object tree) {
        return text(tree, false, true).getBytes(StandardCharsets.UTF_8);
    }

    private static String text(Object tree, boolean indent, boolean sortKeys) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            write(g, tree, indent, sortKeys);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void write(JsonGenerator g, Object tree, boolean indent, boolean sortKeys) throws IOException {
        if (indent) {
            g.useDefaultPrettyPrinter();
        }
        value(g, tree, sortKeys);
    }

    private static void value(JsonGenerator g, Object v, boolean sortKeys) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof String s) {
            g.writeString(s);
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            g.writeNumber(((Number) v).intValue());
        } else if (v instanceof Long l) {
            g.writeNumber(l);
        } else if (v instanceof Double d) {
            g.writeNumber(d);
        } else if (v instanceof Float f) {
            g.writeNumber(f);
        } else if (v instanceof BigInteger b) {
            g.writeNumber(b);
        } else if (v instanceof BigDecimal b) {
            g.writeNumber(b);
        } else if (v instanceof Map<?, ?> map) {
            g.writeStartObject();
            Map<?, ?> entries = sortKeys && !(map instanceof TreeMap<?, ?>) ? sorted(map) : map;
            for (Map.Entry<?, ?> e : entries.entrySet()) {
                g.writeFieldName(String.valueOf(e.getKey()));
                value(g, e.getValue(), sortKeys);
            }
            g.writeEndObject();
        } else if (v instanceof Collection<?> list) {
            g.writeStartArray();
            for (Object item : list) {
                value(g, item, sortKeys);
            }
            g.writeEndArray();
        } else {
            throw new IllegalArgumentException("not a JSON value: " + v.getClass().getName());
        }
    }

    private static Map<String, Object> sorted(Map<?, ?> map) {
        Map<String, Object> out = new TreeMap<>();
        map.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }
}
