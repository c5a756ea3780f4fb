package io.github.netpol.validate.lint;

import io.github.netpol.finding.Direction;
import io.github.netpol.finding.Finding;
import io.github.netpol.finding.FindingCode;
import io.github.netpol.finding.Severity;
import io.github.netpol.model.ManifestSet;
import io.github.netpol.validate.lint.engine.LintEngine;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LintEngineTest {
    private static final String ALLOW_ALL = """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: open
              namespace: shop
              annotations:
                netpol.io/ignore: "allow-all-rule"
                netpol.io/ignore-reason: "public demo"
            spec:
              podSelector: {}
              policyTypes: [Ingress]
              ingress:
              - {}
            """;

    private final LintEngine engine = new LintEngine();

    private static List<Finding> of(List<Finding> findings, String id) {
        return findings.stream().filter(f -> f.id().equals(id)).toList();
    }

    @Test
    void findingCarriesRuleIdSeverityNamespaceDirectionAndExactPosition() {
        ManifestSet set = ManifestFixture.load(ALLOW_ALL.replace("    netpol.io/ignore: \"allow-all-rule\"\n", ""));
        Finding f = of(engine.run(set, LintSettings.defaults()), "allow-all-rule").get(0);
        assertThat(f.kind()).isEqualTo("allow-all-rule");
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.namespace()).isEqualTo("shop");
        assertThat(f.direction()).isEqualTo(Direction.INGRESS);
        assertThat(f.location().file()).isEqualTo("test.yaml");
        assertThat(f.location().line()).isEqualTo(12);
        assertThat(f.message()).contains("shop/open").contains("ingress rule 1");
        assertThat(f.consoleLine()).startsWith("test.yaml:12:5: warning: NetworkPolicy shop/open");
    }

    @Test
    void severityOverrideChangesOrDisablesARule() {
        ManifestSet set = ManifestFixture.load(ALLOW_ALL.replace("    netpol.io/ignore: \"allow-all-rule\"\n", ""));
        var asError = engine.run(set, LintSettings.defaults().withRuleLevels(Map.of("allow-all-rule", LintRuleLevel.ERROR)));
        assertThat(of(asError, "allow-all-rule")).extracting(Finding::severity).containsExactly(Severity.ERROR);
        var off = engine.run(set, LintSettings.defaults().withRuleLevels(Map.of("allow-all-rule", LintRuleLevel.OFF)));
        assertThat(of(off, "allow-all-rule")).isEmpty();
    }

    @Test
    void unknownRuleIdInSettingsIsRejected() {
        LintSettings settings = LintSettings.defaults().withRuleLevels(Map.of("allow-al-rule", LintRuleLevel.OFF));
        assertThatThrownBy(() -> engine.run(ManifestSet.empty(), settings))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("allow-al-rule");
    }

    @Test
    void annotationSuppressesTheRuleOnThatObjectOnly() {
        String other = ALLOW_ALL.replace("name: open", "name: open2")
                .replace("    netpol.io/ignore: \"allow-all-rule\"\n    netpol.io/ignore-reason: \"public demo\"\n", "");
        List<Finding> findings = engine.run(ManifestFixture.load(ALLOW_ALL + "---\n" + other), LintSettings.defaults());
        assertThat(of(findings, "allow-all-rule")).extracting(Finding::message)
                .singleElement().asString().contains("shop/open2");
        assertThat(of(findings, FindingCode.UNUSED_SUPPRESSION.id())).isEmpty();
        assertThat(of(findings, FindingCode.SUPPRESSION_WITHOUT_REASON.id())).isEmpty();
    }

    @Test
    void suppressionThatSuppressesNothingIsAWarningAtTheAnnotation() {
        String yaml = ALLOW_ALL.replace("\"allow-all-rule\"", "\"allow-all-rule, cidr-host-bits,no-such-rule\"");
        List<Finding> unused = of(engine.run(ManifestFixture.load(yaml), LintSettings.defaults()),
                FindingCode.UNUSED_SUPPRESSION.id());
        assertThat(unused).hasSize(2).allSatisfy(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.location().line()).isEqualTo(7);
        });
        assertThat(unused).extracting(Finding::message).anySatisfy(m -> assertThat(m).contains("'cidr-host-bits' suppresses nothing"))
                .anySatisfy(m -> assertThat(m).contains("'no-such-rule' names no lint rule"));
    }

    @Test
    void suppressionOfADisabledRuleIsNotReportedAsUnused() {
        var settings = LintSettings.defaults().withRuleLevels(Map.of("allow-all-rule", LintRuleLevel.OFF));
        assertThat(of(engine.run(ManifestFixture.load(ALLOW_ALL), settings), FindingCode.UNUSED_SUPPRESSION.id())).isEmpty();
    }

    @Test
    void suppressionWithoutReasonIsAWarning() {
        String yaml = ALLOW_ALL.replace("    netpol.io/ignore-reason: \"public demo\"\n", "");
        List<Finding> findings = engine.run(ManifestFixture.load(yaml), LintSettings.defaults());
        assertThat(of(findings, "allow-all-rule")).isEmpty();
        assertThat(of(findings, FindingCode.SUPPRESSION_WITHOUT_REASON.id())).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("netpol.io/ignore-reason"));
    }

    @Test
    void namespaceAnnotationSuppressesRequiredIsolation() {
        String yaml = """
                apiVersion: v1
                kind: Namespace
                metadata:
                  name: sandbox
                  annotations:
                    netpol.io/ignore: required-isolation,namespace-without-policy
                    netpol.io/ignore-reason: throwaway experiments
                """;
        List<Finding> findings = engine.run(ManifestFixture.load(yaml), LintSettings.defaults());
        assertThat(findings).isEmpty();
    }

    @Test
    void findingsAreSortedByLocation() {
        String yaml = ALLOW_ALL.replace("    netpol.io/ignore: \"allow-all-rule\"\n", "");
        List<Finding> findings = engine.run(ManifestFixture.load(Map.of("b.yaml", yaml, "a.yaml", yaml.replace("open", "a"))),
                LintSettings.defaults());
        assertThat(findings).extracting(f -> f.location().file()).startsWith("a.yaml").endsWith("b.yaml");
        assertThat(findings).isSortedAccordingTo(LintEngine.ORDER);
    }

    @Test
    void failOnSeverityDecidesTheVerdict() {
        List<Finding> warnings = List.of(Finding.of(FindingCode.UNUSED_SUPPRESSION, "m"));
        assertThat(LintSettings.defaults().fails(warnings)).isFalse();
        assertThat(LintSettings.defaults().withFailOnSeverity(Severity.WARNING).fails(warnings)).isTrue();
        assertThat(LintSettings.defaults().withFailOnSeverity(Severity.WARNING).fails(List.of(warnings.get(0).accept("ok"))))
                .isFalse();
    }

    @Test
    void settingsRejectBadCidrsAndLevels() {
        assertThatThrownBy(() -> LintSettings.defaults().withClusterCidrs(List.of("10.0.0.0"), List.of(), List.of()))
                .hasMessageContaining("podCidrs").hasMessageContaining("10.0.0.0");
        assertThatThrownBy(() -> LintRuleLevel.parse("fatal")).hasMessageContaining("off, info, warning or error");
        assertThat(LintRuleLevel.parse(" Warning ")).isEqualTo(LintRuleLevel.WARNING);
        assertThat(IsolationDirections.parse("both").directions()).containsExactly(Direction.INGRESS, Direction.EGRESS);
    }

    @Test
    void emptyRepositoryHasNoFindings() {
        assertThat(engine.run(ManifestSet.empty(), LintSettings.defaults())).isEmpty();
    }
}
