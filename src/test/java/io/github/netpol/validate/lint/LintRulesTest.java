package io.github.netpol.validate.lint;

import io.github.netpol.finding.FindingCode;
import io.github.netpol.validate.lint.engine.LintRules;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class LintRulesTest {
    /** Settings with cluster ranges configured, so the overlap rules have something to check. */
    static final LintSettings SETTINGS = LintSettings.defaults()
            .withClusterCidrs(List.of("10.244.0.0/16"), List.of("10.96.0.0/12"), List.of("192.168.10.0/24"));

    @Test
    void idsAreUniqueKebabCaseAndThereAreAtLeast25Rules() {
        Set<String> ids = new HashSet<>();
        for (LintRule rule : LintRules.all()) {
            assertThat(rule.id()).matches("[a-z0-9]+(-[a-z0-9]+)*");
            assertThat(ids.add(rule.id())).as("duplicate id " + rule.id()).isTrue();
            assertThat(rule.title()).isNotBlank();
            assertThat(rule.rationale()).isNotBlank();
        }
        assertThat(ids).hasSizeGreaterThanOrEqualTo(25).doesNotContain(FindingCode.UNUSED_SUPPRESSION.id());
    }

    @Test
    void everyLintCodeOfTheCatalogueHasItsRule() {
        List<FindingCode> ruled = LintRules.all().stream().map(LintRule::code).toList();
        assertThat(FindingCode.of(FindingCode.Group.LINT)).containsExactlyElementsOf(
                concat(ruled, List.of(FindingCode.UNUSED_SUPPRESSION, FindingCode.SUPPRESSION_WITHOUT_REASON)));
    }

    private static List<FindingCode> concat(List<FindingCode> a, List<FindingCode> b) {
        List<FindingCode> out = new java.util.ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    @Test
    void byIdFindsARule() {
        assertThat(LintRules.byId("required-isolation")).isPresent();
        assertThat(LintRules.byId("no-such-rule")).isEmpty();
    }
}
