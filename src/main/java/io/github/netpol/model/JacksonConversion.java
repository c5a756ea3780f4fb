package io.github.netpol.model;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.netpol.load.JsonPointer;

import java.util.Map;

/**
 * Jackson's conversion of a raw tree into a fabric8 class, for what {@link KubernetesObjects} does not build by
 * hand and for the values only Jackson can judge ({@link SchemaWalker.Visitor#doubtful}). Its own class, created
 * on first need, so that a run whose manifests never need it does not load Jackson's databind at all.
 */
final class JacksonConversion {

    private final ObjectMapper mapper = KubernetesMapper.create();

    KubernetesObjects.Conversion convert(Map<String, Object> raw, Class<?> type) {
        try {
            return new KubernetesObjects.Converted(mapper.convertValue(raw, type));
        } catch (IllegalArgumentException e) {
            String pointer = e.getCause() instanceof JsonMappingException jme ? pointer(jme) : "";
            return new KubernetesObjects.Refused(pointer, "Field '" + JsonPointer.display(pointer)
                    + "' has a value of the wrong type: " + firstLine(e.getMessage()));
        }
    }

    private static String pointer(JsonMappingException e) {
        StringBuilder p = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            p.append(ref.getFieldName() != null ? JsonPointer.child("", ref.getFieldName())
                    : JsonPointer.child("", ref.getIndex()));
        }
        return p.toString();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
