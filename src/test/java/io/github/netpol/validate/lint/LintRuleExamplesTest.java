package io.github.netpol.validate.lint;

import io.github.netpol.model.ManifestSet;
import io.github.netpol.validate.lint.engine.LintRules;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every rule's documented examples are its first positive and negative test: the "before" must fire
 * the rule, the "after" must not. This also keeps docs/rules.md honest.
 */
class LintRuleExamplesTest {

    @TestFactory
    Stream<DynamicTest> beforeFiresAndAfterDoesNot() {
        return LintRules.all().stream().flatMap(rule -> Stream.of(
                DynamicTest.dynamicTest(rule.id() + " fires on its before example", () -> {
                    ManifestSet set = ManifestFixture.load(rule.before());
                    assertThat(set.problems()).isEmpty();
                    List<Violation> found = rule.check(new LintContext(set, LintRulesTest.SETTINGS));
                    assertThat(found).as(rule.id()).isNotEmpty();
                    assertThat(found).allSatisfy(v -> assertThat(v.message()).isNotBlank());
                }),
                DynamicTest.dynamicTest(rule.id() + " is quiet on its after example", () -> {
                    ManifestSet set = ManifestFixture.load(rule.after());
                    assertThat(set.problems()).isEmpty();
                    assertThat(rule.check(new LintContext(set, LintRulesTest.SETTINGS))).as(rule.id()).isEmpty();
                })));
    }
}
