package io.github.netpol.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The JSON report is the same bytes for the same findings: no map whose order changes between JVM runs. */
class JsonReportWriterTest {

    @Test
    void labelsAreSortedAndLocationsAndPortsKeepTheirOrder(@TempDir Path dir) throws Exception {
        String json = Files.readString(new JsonReportWriter().write(ReportFixtures.failingCheck(), dir));
        String compact = json.replaceAll("\\s+", "");
        assertThat(compact).contains("\"namespaceLabels\":{\"kubernetes.io/metadata.name\":\"shop\",\"team\":\"web\"}");
        assertThat(compact).contains("\"location\":{\"file\":\"src/main/kubernetes/payments/allow-api.yaml\",\"line\":12,\"column\":7}");
        assertThat(compact).contains("\"namedPorts\":[{\"name\":\"http\",\"protocol\":\"TCP\",\"port\":8080}]");
    }
}
