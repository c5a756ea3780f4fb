package io.github.netpol.validate.lint;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/rules.md must be exactly what the rule classes generate. */
class RulesDocumentTest {

    @Test
    void docsRulesMdIsUpToDate() throws IOException {
        String expected = RulesDocument.render(LintRules.all());
        Path file = Path.of(RulesDocument.PATH);
        if (Boolean.getBoolean("netpol.updateDocs")) {
            RulesDocument.main(new String[] {file.toString()});
        }
        String actual = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        assertThat(actual)
                .as("docs/rules.md is out of date; regenerate it with "
                        + "./mvnw test -Dtest=RulesDocumentTest -Dnetpol.updateDocs=true and commit it")
                .isEqualTo(expected);
    }

    @Test
    void everyRuleHasARowAndASection() {
        String doc = RulesDocument.render(LintRules.all());
        for (LintRule rule : LintRules.all()) {
            assertThat(doc).contains("| [`" + rule.id() + "`](#" + rule.id() + ") | " + rule.defaultSeverity().label())
                    .contains("\n## " + rule.id() + "\n");
        }
    }
}
