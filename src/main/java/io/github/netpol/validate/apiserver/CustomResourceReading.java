package io.github.netpol.validate.apiserver;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.github.netpol.finding.FindingCode;
import io.github.netpol.load.JsonPointer;
import io.github.netpol.model.KubernetesMapper;
import io.github.netpol.model.SchemaWalker;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * What the checks of every custom-resource kind share: the schema errors as findings, the metadata checks, and
 * label selectors read from the object as written. Jackson is made on first use only: a version without these
 * kinds does not pay for it.
 */
final class CustomResourceReading {

    private volatile ObjectMapper mapper;
    private final SchemaWalker metadataSchema = new SchemaWalker();

    /**
     * Reports the schema's errors; {@code hint} adds to the message of an unknown field (given its pointer).
     *
     * @return whether an error blocks the CRD's CEL rules
     */
    static boolean schemaErrors(String kindName, StructuralSchema walk, UnaryOperator<String> hint, FindingSink sink) {
        boolean blocked = false;
        for (StructuralSchema.Error e : walk.errors()) {
            blocked |= e.blocking();
            String field = JsonPointer.display(e.pointer());
            String message = kindName + " " + (field.isEmpty() ? "" : "field '" + field + "' ") + e.message()
                    + (e.code() == FindingCode.UNKNOWN_FIELD ? hint.apply(e.pointer()) : "") + ".";
            sink.error(e.code(), e.pointer(), message);
        }
        return blocked;
    }

    /** {@code metadata} as the API server checks a custom resource's: a DNS-1123 subdomain name, labels, annotations. */
    void metadata(String kindName, Map<String, Object> raw, FindingSink sink) {
        ObjectMeta meta;
        try {
            meta = raw.get("metadata") == null ? null : mapper().convertValue(raw.get("metadata"), ObjectMeta.class);
        } catch (IllegalArgumentException e) {
            sink.error(FindingCode.WRONG_TYPE, "/metadata", kindName + " metadata has a value of the wrong type.");
            return;
        }
        MetadataChecks.check(meta, kindName, true, sink);
        // strict decoding reads metadata as ObjectMeta, whatever the CRD: a field it lacks is unknown
        metadataSchema.walk(ObjectMeta.class, raw.get("metadata"), "/metadata", new SchemaWalker.Visitor() {
            @Override
            public void unknownField(String pointer, String field, Set<String> knownFields) {
                sink.error(FindingCode.UNKNOWN_FIELD, pointer, "Unknown field '" + JsonPointer.display(pointer) + "' in "
                        + kindName + UnknownFieldCheck.hint(field, knownFields));
            }
        });
    }

    /** A label selector as written; empty when a value inside has the wrong type (which the schema reported). */
    Optional<LabelSelector> selector(Object raw) {
        try {
            return Optional.ofNullable(mapper().convertValue(raw, LabelSelector.class));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private ObjectMapper mapper() {
        ObjectMapper m = mapper;
        if (m == null) {
            m = KubernetesMapper.create();
            mapper = m;
        }
        return m;
    }
}
