package io.github.netpol.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownReportWriterTest {

    @TempDir
    Path out;

    private final MarkdownReportWriter noSummary = new MarkdownReportWriter(name -> null);

    @Test
    void failingCheckMatchesSnapshot() throws IOException {
        Path file = noSummary.write(ReportFixtures.failingCheck(), out);

        assertThat(file.getFileName()).hasToString("check.md");
        String text = Files.readString(file);
        assertThat(text.lines().findFirst()).hasValue("## ❌ netpol check failed: 2 widenings");
        Snapshots.assertMatches("check-failing.md", text);
    }

    @Test
    void passingCheckIsShortAndMatchesSnapshot() throws IOException {
        String text = Files.readString(noSummary.write(ReportFixtures.passingCheck(), out));

        assertThat(text.lines().findFirst()).hasValue("## ✅ netpol check passed");
        assertThat(text.lines().count()).isLessThanOrEqualTo(5);
        Snapshots.assertMatches("check-passing.md", text);
    }

    @Test
    void failureGivesTheAcceptedFileLinesForEachBlockingFindingOnly() {
        String text = noSummary.render(ReportFixtures.failingCheck());

        assertThat(text).contains("  - id: WIDENED_INGRESS/payments/allow-api\n    reason: ")
                .contains("  - id: WIDENED_EGRESS/shop/web-egress\n")
                .doesNotContain("- id: WIDENED_INGRESS/shop/allow-frontend")
                .contains("| WIDENED_INGRESS/shop/allow-frontend | The shop front end is public (SHOP-12) |");
    }

    @Test
    void manifestTextCannotBreakTheTableOrInjectHtml() {
        String text = noSummary.render(ReportFixtures.hostileValidate());

        assertThat(text).doesNotContain("<script>").doesNotContain("`tick`").doesNotContain("[link](")
                .contains("&lt;script&gt;").contains("\\|").contains("\\`tick\\`").contains("\\[link\\]")
                .doesNotContain("\u0001").doesNotContain("\u0007");
        // every table row still has exactly the five cells of its header
        text.lines().filter(l -> l.startsWith("| error") || l.startsWith("| warning"))
                .forEach(row -> assertThat(row.split("(?<!\\\\)\\|", -1)).hasSize(7));
        assertThat(text).contains("Fix each error at the place shown");
    }

    @Test
    void quotesAnIdThatIsNotPlainYaml() {
        assertThat(MarkdownReportWriter.yamlScalar("WIDENED_INGRESS/payments/allow-api")).isEqualTo("WIDENED_INGRESS/payments/allow-api");
        assertThat(MarkdownReportWriter.yamlScalar("a: \"b\"\n#c")).isEqualTo("\"a: \\\"b\\\"\\x0a#c\"");
    }

    @Test
    void appendsTheSameTextToTheGithubStepSummary() throws IOException {
        Path summary = out.resolve("step-summary.md");
        Files.writeString(summary, "# Build\n");
        MarkdownReportWriter writer = new MarkdownReportWriter(Map.of("GITHUB_STEP_SUMMARY", summary.toString())::get);

        String check = Files.readString(writer.write(ReportFixtures.failingCheck(), out));
        String passing = Files.readString(writer.write(ReportFixtures.passingCheck(), out.resolve("second")));

        assertThat(Files.readString(summary)).isEqualTo("# Build\n\n" + check + "\n" + passing);
    }

    @Test
    void createsTheStepSummaryWhenItDoesNotExistYet() throws IOException {
        Path summary = out.resolve("new-summary.md");
        MarkdownReportWriter writer = new MarkdownReportWriter(Map.of("GITHUB_STEP_SUMMARY", summary.toString())::get);

        String text = Files.readString(writer.write(ReportFixtures.passingCheck(), out));

        assertThat(Files.readString(summary)).isEqualTo(text);
    }

    @Test
    void passingWithWarningsSaysSoInTheVerdict() {
        ReportInput input = new ReportInput("check", true, java.util.List.of(ReportFixtures.unusedAcceptance(), ReportFixtures.narrowed()),
                Map.of(), "passed", "", ReportFixtures.CHECK_UNITS);

        String text = noSummary.render(input);

        assertThat(text.lines().findFirst()).hasValue("## ✅ netpol check passed: 1 warning, 1 note");
        assertThat(text).doesNotContain("What to do next");
    }
}
