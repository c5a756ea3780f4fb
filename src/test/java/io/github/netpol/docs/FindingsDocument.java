package io.github.netpol.docs;

import io.github.netpol.finding.FindingCode;

import java.util.Locale;

/**
 * Generates {@code docs/findings.md} from the catalogue of finding codes ({@link FindingCode}), so the
 * documentation cannot drift from the code; {@link GeneratedDocsTest} checks it.
 */
final class FindingsDocument {
    static final String PATH = "docs/findings.md";

    private FindingsDocument() {
    }

    static String render() {
        StringBuilder md = new StringBuilder("""
                # Finding codes

                <!-- Generated from io.github.netpol.finding.FindingCode; do not edit.
                     Regenerate: ./mvnw test -Dtest=GeneratedDocsTest -Dnetpol.updateDocs=true -->

                Every finding carries a code (`kind` in the JSON report, the rule in SARIF) and an id built from
                it (`id` in the JSON report, `[id]` at the end of a console line, the SARIF fingerprint). For most
                codes the id is the code itself; a change found by `check` has an id that names what changed, and
                that id is what the accepted-changes file lists.

                How a finding stops failing the build, other than by fixing its cause:

                """);
        for (FindingCode.Handling h : FindingCode.Handling.values()) {
            md.append("- **").append(word(h)).append("**: ").append(h.text()).append('\n');
        }
        md.append('\n').append(MessageStyle.render());
        for (FindingCode.Group group : FindingCode.Group.values()) {
            md.append("\n## ").append(group.title()).append("\n\n").append(group.description()).append("\n\n")
                    .append("| code | finding id | default severity | handling | what it means | what to do |\n")
                    .append("| --- | --- | --- | --- | --- | --- |\n");
            for (FindingCode code : FindingCode.of(group)) {
                String name = group == FindingCode.Group.LINT && !code.help().startsWith("Remove") && !code.help().startsWith("Add")
                        ? "[`" + code.id() + "`](rules.md#" + code.id() + ")" : "`" + code.id() + "`";
                md.append("| ").append(name).append(" | `").append(code.idPattern()).append("` | ")
                        .append(code.defaultSeverity().label()).append(" | ").append(word(code.handling())).append(" | **")
                        .append(cell(code.title())).append(".** ").append(cell(code.description())).append(" | ")
                        .append(cell(code.help())).append(" |\n");
            }
        }
        return md.toString();
    }

    private static String word(FindingCode.Handling handling) {
        return handling.name().toLowerCase(Locale.ROOT);
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
