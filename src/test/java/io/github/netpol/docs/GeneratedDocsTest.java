package io.github.netpol.docs;

import io.github.netpol.finding.FindingCode;
import io.github.netpol.validate.lint.LintRule;
import io.github.netpol.validate.lint.engine.LintRules;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code docs/rules.md} and {@code docs/findings.md} must be exactly what the code generates. After an intended
 * change, rewrite them with {@code ./mvnw test -Dtest=GeneratedDocsTest -Dnetpol.updateDocs=true} and commit them.
 */
class GeneratedDocsTest {

    @Test
    void docsRulesMdIsUpToDate() throws IOException {
        assertUpToDate(RulesDocument.PATH, RulesDocument.render(LintRules.all()));
    }

    @Test
    void docsFindingsMdIsUpToDate() throws IOException {
        assertUpToDate(FindingsDocument.PATH, FindingsDocument.render());
    }

    @Test
    void everyRuleHasARowAndASection() {
        String doc = RulesDocument.render(LintRules.all());
        for (LintRule rule : LintRules.all()) {
            assertThat(doc).contains("| [`" + rule.id() + "`](#" + rule.id() + ") | " + rule.defaultSeverity().label())
                    .contains("\n## " + rule.id() + "\n");
        }
    }

    @Test
    void everyCodeHasARowAndLintRulesLinkToTheirExample() {
        String doc = FindingsDocument.render();
        for (FindingCode code : FindingCode.values()) {
            assertThat(doc).contains("`" + code.id() + "`");
        }
        for (LintRule rule : LintRules.all()) {
            assertThat(doc).contains("[`" + rule.id() + "`](rules.md#" + rule.id() + ")");
        }
    }

    private static void assertUpToDate(String path, String expected) throws IOException {
        Path file = Path.of(path);
        if (Boolean.getBoolean("netpol.updateDocs")) {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, expected, StandardCharsets.UTF_8);
        }
        String actual = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        assertThat(actual).as("%s is out of date; regenerate it with "
                + "./mvnw test -Dtest=GeneratedDocsTest -Dnetpol.updateDocs=true and commit it", path).isEqualTo(expected);
    }
}
