package io.github.netpol.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The official SARIF 2.1.0 schema (OASIS, errata 01, draft-04), kept in test resources. */
final class SarifSchema {

    private static final JsonSchema SCHEMA = load();

    private SarifSchema() {
    }

    private static JsonSchema load() {
        try (InputStream in = SarifSchema.class.getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Set<ValidationMessage> errors(JsonNode sarif) {
        return SCHEMA.validate(sarif);
    }

    /** Reads a written file and asserts it is valid SARIF 2.1.0. */
    static JsonNode assertValid(Path file) throws IOException {
        JsonNode sarif = new ObjectMapper().readTree(file.toFile());
        assertThat(errors(sarif)).as("schema errors of %s", file).isEmpty();
        return sarif;
    }
}
