package io.github.netpol.docs;

import io.github.netpol.validate.lint.LintRule;

import java.util.List;

/**
 * Generates {@code docs/rules.md} from the rule classes and their codes, so the documentation cannot drift from
 * the code; {@link GeneratedDocsTest} checks it.
 */
final class RulesDocument {
    static final String PATH = "docs/rules.md";

    private RulesDocument() {
    }

    static String render(List<LintRule> rules) {
        StringBuilder md = new StringBuilder();
        md.append("""
                # Lint rules of the `validate` goal

                <!-- Generated from the rule classes in io.github.netpol.validate.lint; do not edit.
                     Regenerate: ./mvnw test -Dtest=GeneratedDocsTest -Dnetpol.updateDocs=true -->

                These rules flag manifests that Kubernetes accepts but that are almost always mistakes.
                Each finding names the rule id, the policy and the exact line. Change a rule's severity
                (`off`, `info`, `warning`, `error`) in the plugin configuration:

                ```xml
                <rules>
                  <rule><id>policy-types-omitted</id><severity>off</severity></rule>
                </rules>
                ```

                Suppress a rule for one object with annotations on that object (a NetworkPolicy, a
                Namespace or a workload):

                ```yaml
                metadata:
                  annotations:
                    netpol.io/ignore: "allow-all-rule,omitted-peer-list"
                    netpol.io/ignore-reason: "public health endpoint"
                ```

                A suppression that suppresses nothing is reported as `unused-suppression` (warning), and one
                without a reason as `suppression-without-reason` (warning); both can be configured like rules.
                Rules about declared workloads stay quiet when the repository declares none.
                Every other finding code is listed in [findings.md](findings.md).

                | id | default severity | what it catches | why it matters |
                | --- | --- | --- | --- |
                """);
        for (LintRule rule : rules) {
            md.append("| [`").append(rule.id()).append("`](#").append(rule.id()).append(") | ")
                    .append(rule.defaultSeverity().label()).append(" | ").append(cell(rule.title())).append(" | ")
                    .append(cell(rule.rationale())).append(" |\n");
        }
        for (LintRule rule : rules) {
            md.append("\n## ").append(rule.id()).append("\n\n")
                    .append("Default severity: ").append(rule.defaultSeverity().label()).append(".\n\n")
                    .append(rule.title()).append(". ").append(rule.rationale()).append("\n\n")
                    .append("Before (reported):\n\n```yaml\n").append(rule.before().stripTrailing()).append("\n```\n\n")
                    .append("After:\n\n```yaml\n").append(rule.after().stripTrailing()).append("\n```\n");
        }
        return md.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
