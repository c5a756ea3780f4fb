package io.github.netpol.model;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schema table the walk reads is the fabric8 classes as Jackson introspects them: regenerated here and
 * compared with the committed resource. After a fabric8 upgrade, rerun with {@code -Dnetpol.updateSnapshots=true}
 * and review the difference.
 */
class SchemaTableTest {

    private static final Path RESOURCE = Path.of("src/main/resources/io/github/netpol/model/kubernetes-schema.txt");

    @Test
    void theResourceIsWhatTheFabric8ClassesSay() throws IOException {
        String generated = new SchemaTableGenerator().generate();
        if (Boolean.getBoolean("netpol.updateSnapshots")) {
            Files.writeString(RESOURCE, generated, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(RESOURCE, StandardCharsets.UTF_8))
                .as("%s (rewrite with -Dnetpol.updateSnapshots=true)", RESOURCE).isEqualTo(generated);
    }

    @Test
    void everyRecognizedKindIsInTheTable() {
        for (KubernetesKinds.Kind kind : KubernetesKinds.table()) {
            KubernetesKinds.known(kind.kind()).ifPresent(known ->
                    assertThat(SchemaTable.get().bean(known.type()).properties()).as(known.kind()).containsKey("metadata"));
        }
    }
}
