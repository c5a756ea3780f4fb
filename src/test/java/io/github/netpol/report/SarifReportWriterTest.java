package io.github.netpol.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.netpol.finding.FindingCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SarifReportWriterTest {

    @TempDir
    Path out;

    /** Every SARIF these tests write goes through here, so every one is checked against the schema. */
    private JsonNode write(SarifReportWriter writer, ReportInput input) throws IOException {
        Path file = writer.write(input, out);
        assertThat(file.getFileName()).hasToString(input.goal() + ".sarif");
        return SarifSchema.assertValid(file);
    }

    @Test
    void failingCheckIsOneRunWithARuleForEachKindAndAResultForEachFinding() throws IOException {
        JsonNode sarif = write(new SarifReportWriter(), ReportFixtures.failingCheck());

        assertThat(sarif.path("version").asText()).isEqualTo("2.1.0");
        assertThat(sarif.path("runs")).hasSize(1);
        JsonNode run = sarif.path("runs").get(0);
        JsonNode driver = run.path("tool").path("driver");
        assertThat(driver.path("name").asText()).isEqualTo("netpol-maven-plugin");
        List<String> ruleIds = new ArrayList<>();
        driver.path("rules").forEach(r -> {
            ruleIds.add(r.path("id").asText());
            assertThat(r.path("shortDescription").path("text").asText()).isNotBlank();
            assertThat(r.path("fullDescription").path("text").asText()).isNotBlank();
            assertThat(r.path("help").path("text").asText()).isNotBlank();
        });
        assertThat(ruleIds).containsExactly("NARROWED_EGRESS", "WIDENED_EGRESS", "WIDENED_INGRESS", "unused-acceptance");

        JsonNode results = run.path("results");
        assertThat(results).hasSize(5);
        JsonNode first = results.get(0);
        assertThat(first.path("ruleId").asText()).isEqualTo("WIDENED_INGRESS");
        assertThat(ruleIds.get(first.path("ruleIndex").asInt())).isEqualTo("WIDENED_INGRESS");
        assertThat(first.path("level").asText()).isEqualTo("error");
        assertThat(first.path("message").path("text").asText()).startsWith("allow-api newly allows ingress");
        JsonNode physical = first.path("locations").get(0).path("physicalLocation");
        assertThat(physical.path("artifactLocation").path("uri").asText())
                .isEqualTo("services/shop/src/main/kubernetes/payments/allow-api.yaml");
        assertThat(physical.path("region").path("startLine").asInt()).isEqualTo(12);
        assertThat(physical.path("region").path("startColumn").asInt()).isEqualTo(7);
        assertThat(first.path("partialFingerprints").path(SarifReportWriter.FINGERPRINT).asText())
                .isEqualTo("WIDENED_INGRESS/payments/allow-api");
        JsonNode properties = first.path("properties");
        assertThat(properties.path("effective").asBoolean()).isTrue();
        assertThat(properties.path("direction").asText()).isEqualTo("ingress");
        JsonNode witness = properties.path("witness");
        assertThat(witness.path("protocol").asText()).isEqualTo("TCP");
        assertThat(witness.path("port").asInt()).isEqualTo(8080);
        assertThat(witness.path("source").path("podLabels").path("app").asText()).isEqualTo("web");
        assertThat(witness.path("destination").path("namedPorts").get(0).path("name").asText()).isEqualTo("http");
        assertThat(results.get(1).path("properties").path("witness").path("destination").path("ip").asText())
                .isEqualTo("203.0.113.7");
        assertThat(results.get(1).path("properties").path("effective").asBoolean(true)).isFalse();
        assertThat(results.get(1).has("suppressions")).isFalse();
        assertThat(results.get(3).path("level").asText()).isEqualTo("warning");
        assertThat(results.get(4).path("level").asText()).isEqualTo("note");

        assertThat(run.path("properties").path("verdict").asText()).isEqualTo("fail");
        assertThat(run.path("properties").path("baseline").path("resolved").asText()).isEqualTo("git:v1.4.0");
        assertThat(run.path("automationDetails").path("id").asText()).isEqualTo("netpol/check/");
    }

    @Test
    void eachModuleHasItsOwnCategory() throws IOException {
        // code scanning keeps one analysis per category: modules of one repository must not replace each other
        for (String module : new String[] {"shop", "payments"}) {
            JsonNode run = write(new SarifReportWriter(), ReportFixtures.failingCheck().withModule(module))
                    .path("runs").get(0);
            assertThat(run.path("automationDetails").path("id").asText()).isEqualTo("netpol/check/" + module + "/");
        }
    }

    @Test
    void acceptedFindingCarriesAnExternalSuppressionWithItsReason() throws IOException {
        JsonNode accepted = write(new SarifReportWriter(), ReportFixtures.failingCheck())
                .path("runs").get(0).path("results").get(2);

        JsonNode suppression = accepted.path("suppressions").get(0);
        assertThat(suppression.path("kind").asText()).isEqualTo("external");
        assertThat(suppression.path("status").asText()).isEqualTo("accepted");
        assertThat(suppression.path("justification").asText()).isEqualTo("The shop front end is public (SHOP-12)");
    }

    @Test
    void rulesAreDescribedFromTheCatalogueOfFindingCodes() throws IOException {
        JsonNode driver = write(new SarifReportWriter("1.2.3"), ReportFixtures.failingCheck())
                .path("runs").get(0).path("tool").path("driver");

        assertThat(driver.path("version").asText()).isEqualTo("1.2.3");
        assertThat(driver.path("rules")).extracting(r -> r.path("id").asText())
                .containsExactly("NARROWED_EGRESS", "WIDENED_EGRESS", "WIDENED_INGRESS", "unused-acceptance");
        JsonNode unused = driver.path("rules").get(3);
        assertThat(unused.path("shortDescription").path("text").asText()).isEqualTo(FindingCode.UNUSED_ACCEPTANCE.title());
        assertThat(unused.path("help").path("text").asText()).isEqualTo("Remove the entry from the accepted-changes file.");
        assertThat(driver.path("rules").get(2).path("shortDescription").path("text").asText())
                .isEqualTo("A policy change allows new incoming connections");
    }

    @Test
    void passingCheckWithNoFindingsIsStillValid() throws IOException {
        JsonNode run = write(new SarifReportWriter(), ReportFixtures.passingCheck()).path("runs").get(0);

        assertThat(run.path("results")).isEmpty();
        assertThat(run.path("tool").path("driver").path("rules")).isEmpty();
        assertThat(run.path("properties").path("verdict").asText()).isEqualTo("pass");
    }

    @Test
    void hostileTextStaysValidAndPathsBecomeUriReferences() throws IOException {
        JsonNode results = write(new SarifReportWriter(), ReportFixtures.hostileValidate()).path("runs").get(0).path("results");

        assertThat(results.get(0).path("message").path("text").asText()).contains(ReportFixtures.HOSTILE);
        assertThat(results.get(0).path("locations").get(0).path("physicalLocation").path("artifactLocation").path("uri").asText())
                .isEqualTo("src/main/kubernetes/we%20ird/%3Cp%3E&%22q%22.yaml");
        assertThat(results.get(2).has("locations")).as("a finding with no file has no location").isFalse();
    }

    @Test
    void relativePathsNeverReadAsASchemeAndNonAsciiIsEncoded() {
        assertThat(SarifReportWriter.uri("c:odd/file.yaml")).isEqualTo("./c:odd/file.yaml");
        assertThat(SarifReportWriter.uri("dir/a:b.yaml")).isEqualTo("dir/a:b.yaml");
        assertThat(SarifReportWriter.uri("über/ß.yaml")).isEqualTo("%C3%BCber/%C3%9F.yaml");
    }

    @Test
    void theSchemaCheckRejectsABrokenLog() throws IOException {
        JsonNode sarif = write(new SarifReportWriter(), ReportFixtures.failingCheck());
        ((ObjectNode) sarif.path("runs").get(0).path("results").get(0)).put("level", "fatal");

        assertThat(SarifSchema.errors(sarif)).isNotEmpty();
    }

    @Test
    void theSchemaCheckRejectsAnUnencodedPath() throws IOException {
        JsonNode sarif = write(new SarifReportWriter(), ReportFixtures.failingCheck());
        ((ObjectNode) sarif.path("runs").get(0).path("results").get(0).path("locations").get(0)
                .path("physicalLocation").path("artifactLocation")).put("uri", "we ird/<p>.yaml");

        assertThat(SarifSchema.errors(sarif)).isNotEmpty();
    }

    @Test
    void outputIsStableAcrossRunsAndMatchesSnapshot() throws IOException {
        SarifReportWriter writer = new SarifReportWriter("0.1.0");
        String first = Files.readString(writer.write(ReportFixtures.failingCheck(), out));
        String second = Files.readString(writer.write(ReportFixtures.failingCheck(), out.resolve("again")));

        assertThat(second).isEqualTo(first);
        Snapshots.assertMatches("check-failing.sarif", first);
    }
}
