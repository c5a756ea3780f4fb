package io.github.netpol.docs;

import io.github.netpol.finding.FindingCode;
import io.github.netpol.validate.lint.LintRule;
import io.github.netpol.validate.lint.engine.LintRules;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

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

    @Test
    void theStyleHasABeforeAndAfterPairForEveryGroupWhoseAfterTextATestHolds() throws IOException {
        assertThat(Stream.concat(MessageStyle.PAIRS.stream().map(p -> p.code().group()), MessageStyle.NEW_IN_THIS_STYLE.stream())
                .distinct()).as("a pair for each kind of finding").containsExactlyInAnyOrder(FindingCode.Group.values());
        for (MessageStyle.Pair pair : MessageStyle.PAIRS) {
            assertThat(pair.before()).as("a pair shows a change").isNotEqualTo(pair.after());
            assertThat(pair.after()).as("the quoted part is the after text").contains(pair.fragment()
                    .replace("\"\n                        + \"", "").replace("\"", ""));
            assertThat(Files.readString(Path.of(pair.checkedBy()), StandardCharsets.UTF_8))
                    .as("%s still holds the after text of %s", pair.checkedBy(), pair.code().id()).contains(pair.fragment());
            if (pair.fix() != null) {
                assertThat(pair.after()).as("the block is apart from the message").doesNotContain(pair.fix());
                assertThat(pair.fix()).as("the block holds no finding id in brackets").doesNotContain("[" + pair.code().id());
            }
        }
        assertThat(FindingsDocument.render()).contains("## How findings are written").contains("### Before and after");
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
