package io.github.netpol.report;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportWritersTest {

    private final ReportWriters writers = ReportWriters.standard(null, name -> null);

    @Test
    void selectsTheFileWritersInTheGivenOrderAndLeavesConsoleToTheCaller() {
        List<ReportWriter> selected = writers.select(List.of("console", " JUnit ", "sarif", "markdown", "sarif", ""));

        assertThat(selected).extracting(ReportWriter::format).containsExactly("junit", "sarif", "markdown");
        assertThat(selected.get(0)).isInstanceOf(JUnitReportWriter.class);
    }

    @Test
    void rejectsAnUnknownFormatListingTheKnownOnes() {
        assertThatThrownBy(() -> writers.select(List.of("console", "pdf")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'pdf' is not a report format; use console, json, sarif, markdown, junit, html");
        assertThatThrownBy(() -> writers.forFormat("xml")).hasMessageContaining("use console, json, sarif");
    }

    @Test
    void takesMoreWritersSuchAsJsonAndRefusesTwoForOneName() {
        ReportWriter json = new ReportWriter() {
            @Override
            public String format() {
                return "json";
            }

            @Override
            public Path write(ReportInput input, Path outputDirectory) {
                return outputDirectory.resolve(input.goal() + ".json");
            }
        };
        ReportWriters more = new ReportWriters(List.of(new JUnitReportWriter(), json));

        assertThat(more.forFormat("JSON")).isSameAs(json);
        assertThat(more.formats()).containsExactly("console", "junit", "json");
        assertThatThrownBy(() -> new ReportWriters(List.of(json, json))).hasMessageContaining("two writers for the format json");
    }

    @Test
    void eachStandardWriterIsMadeForTheNameItIsKnownByAndOnlyWhenSelected() {
        for (String format : ReportWriters.STANDARD) {
            assertThat(writers.forFormat(format).format()).isEqualTo(format);
        }
        assertThat(writers.requireKnown(List.of("console", "SARIF", "json", "sarif"))).containsExactly("sarif", "json");
        assertThat(writers.select(List.of("json"))).hasSize(1).allMatch(w -> w instanceof JsonReportWriter);
    }
}
