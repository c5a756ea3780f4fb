package io.github.netpol.docs;

import io.github.netpol.finding.FindingCode;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The message style of {@code docs/findings.md}, and one message before and after it for each group of finding
 * codes. Each "after" is quoted from a test on the exact text (or a snapshot), which {@link GeneratedDocsTest}
 * checks still holds a distinctive part of it, so the page cannot show words the plugin no longer writes.
 */
final class MessageStyle {

    private MessageStyle() {
    }

    /** Groups whose findings were written in this style from the start: there is no "before" to show. */
    static final Set<FindingCode.Group> NEW_IN_THIS_STYLE = EnumSet.of(FindingCode.Group.RENDER);

    static final String STYLE = """
            ## How findings are written

            Every finding and error is one message a person acts on without reading this page, in this order:

            1. **What changed or is wrong, and where**: the file and line of the cause (the Namespace whose labels
               changed, the pod template, the removed policy), and the affected rule with its own file and line when
               that is somewhere else.
            2. **What it does**: to traffic (what may now connect, what is no longer isolated), or to the build.
            3. **One example a person recognises**: declared workloads and their declared ports (`Deployment
               shop/web -> StatefulSet db/db on TCP 5432 (the port it names 'postgres')`); otherwise the rule's own
               port; an external address is an ordinary host of the range (a documentation address such as
               `203.0.113.10` where the range allows it; never a network address or `0.0.0.0`), and ranges are
               printed per address family. Selectors read as people say them: "pods with app=api", "pods whose app
               is not db", "namespaces with env=prod".
            4. **The fix, or the acceptance entry**: the advice in words, then what to paste (the YAML to add, the
               entry for the accepted-changes file) as a block of its own on the lines after the message, exactly
               as it is to be pasted: the finding id in `[brackets]` ends the message line, never the block.

            The console writes `file:line:column: severity: message [id]` and the block below it; `report.html`
            shows the parts as Cause, Effect, Example and Fix; JSON and SARIF carry the message and the block
            (`fix`) apart. Each file is named once, relative to the project, and read failures say why in words.
            """;

    /**
     * One message before and after the style.
     *
     * @param checkedBy the test or snapshot (a path in the repository) that holds the "after" text
     * @param fragment  a part of the "after" text, exactly as the test or snapshot writes it
     */
    record Pair(FindingCode code, String what, String before, String after, String fix, String checkedBy, String fragment) {
    }

    static final List<Pair> PAIRS = List.of(
            new Pair(FindingCode.YAML_SYNTAX, "An indentation step, not a parser's token names",
                    "f.yaml:10:2: error: Invalid YAML: expected <block end>, but found '<block mapping start>'. Fix the"
                            + " YAML syntax. [yaml-syntax]",
                    "f.yaml:10:2: error: Invalid YAML: line 10 is indented by 1 space, which lines up with no block above"
                            + " it: the keys and list items above start at 0, 2, 4 or 6 spaces. YAML nests by indentation,"
                            + " so keys of one map (and items of one list) must start in the same column: indent"
                            + " 'policyTypes' like the key or item it belongs with. [yaml-syntax]",
                    null, "src/test/java/io/github/netpol/load/LoadMessagesTest.java",
                    "which lines up with no block above it: the keys and list"),
            new Pair(FindingCode.BINARY_FILE, "A Latin-1 file is re-saved, not removed",
                    "l.yaml:9:20: error: The file contains bytes that are not UTF-8 and is not a UTF-8 text manifest:"
                            + " remove it from the sources. [binary-file]",
                    "l.yaml:9:20: error: The byte 0xE9 here is not UTF-8: the file looks like Latin-1 (ISO-8859-1) or"
                            + " Windows-1252 text, where it is 'é'. Re-save the file as UTF-8 (in the editor's encoding"
                            + " menu, or with iconv -f WINDOWS-1252 -t UTF-8). [binary-file]",
                    null, "src/test/java/io/github/netpol/load/LoadMessagesTest.java",
                    "the file looks like Latin-1 (ISO-8859-1) or Windows-1252 text"),
            new Pair(FindingCode.DUPLICATE_OBJECT, "One finding, one piece of advice, for two identical files",
                    "b.yaml:4:3: warning: NetworkPolicy shop/api is an identical copy of the one at a.yaml:4:3; remove"
                            + " one copy. [duplicate-object]\n"
                            + "b.yaml:4:3: warning: NetworkPolicy shop/api is declared again (first at a.yaml:4:3); the one"
                            + " applied last replaces the other. Rename one or merge them. [duplicate-policy]",
                    "b.yaml:4:3: warning: NetworkPolicy shop/api is an identical copy of the one at a.yaml:4:3; remove"
                            + " one copy. [duplicate-object]",
                    null, "src/test/java/io/github/netpol/validate/lint/LintRuleCasesTest.java",
                    "of the one at a.yaml:4:3; remove one copy. [duplicate-object]"),
            new Pair(FindingCode.REQUIRED_ISOLATION, "How to choose the namespaces, and YAML that pastes",
                    "shop.yaml:4:3: error: Namespace shop must be isolated for ingress but no NetworkPolicy in it selects"
                            + " all pods (podSelector: {}) with policyTypes [Ingress]. Add NetworkPolicy"
                            + " shop/default-deny-ingress:\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n"
                            + "  name: default-deny-ingress\n  namespace: shop\nspec:\n  podSelector: {}\n"
                            + "  policyTypes: [Ingress] [required-isolation]",
                    "shop.yaml:4:3: error: Namespace shop has no default-deny ingress policy (a NetworkPolicy with"
                            + " podSelector: {} and Ingress in its policyTypes), which netpol.requireIsolation asks of every"
                            + " namespace the sources declare or use (the default). Until it has one, a new pod in shop starts"
                            + " open to all ingress traffic. Add the NetworkPolicy below; or leave shop out of the namespaces"
                            + " that must be isolated, e.g. -Dnetpol.requireIsolation='*,!shop' (globs; ! excludes; or list the"
                            + " namespaces you have isolated so far); or switch the rule off with"
                            + " -Dnetpol.requireIsolation=none: [required-isolation]",
                    "---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: default-deny-ingress\n"
                            + "  namespace: shop\nspec:\n  podSelector: {}\n  policyTypes: [Ingress]",
                    "src/test/java/io/github/netpol/validate/lint/LintRuleCasesTest.java",
                    " namespaces you have isolated so far); or switch the rule off with -Dnetpol.requireIsolation=none:"),
            new Pair(FindingCode.WIDENED_INGRESS, "The cause (a Namespace's new labels) before the rule it now matches",
                    "k8s/policies.yaml:69:11: error: db/allow-db now allows more ingress: ingress[0].from[0] (69:11): pods"
                            + " with app=db in db accept TCP port named 'postgres' from any pod in namespaces with env=prod."
                            + " Newly allowed, for example: pod {} in namespace payments {env=prod, team=payments} -> pod"
                            + " {app=db} in namespace db on TCP 1 (the pod names it 'postgres') (effective: the other side"
                            + " allows it too). If this is not intended, narrow the rule; if it is, accept it in"
                            + " netpol-accepted.yaml with '- id: WIDENED_INGRESS/db/allow-db' and a reason."
                            + " [WIDENED_INGRESS/db/allow-db]",
                    "k8s/policies.yaml:5:3: error: Namespace payments now has the labels env=prod, team=payments (before:"
                            + " team=payments). The rule ingress[0].from[0] of NetworkPolicy db/allow-db"
                            + " (k8s/policies.yaml:69:11), which did not change, now matches pods of namespace payments: pods"
                            + " with app=db in db accept TCP port named 'postgres' from any pod in namespaces with env=prod. So"
                            + " db/allow-db allows more ingress than the baseline (effective: the egress side allows the"
                            + " example too). For example: Deployment payments/api -> StatefulSet db/db on TCP 5432 (the port"
                            + " it names 'postgres'). If this is not intended, restore the Namespace's labels, or narrow the"
                            + " rule; if it is, accept it with this entry under 'accepted:' in netpol-accepted.yaml:"
                            + " [WIDENED_INGRESS/db/allow-db]",
                    "  - id: WIDENED_INGRESS/db/allow-db\n    reason: \"<why this change is intended>\"",
                    "src/test/java/io/github/netpol/diff/FindingMessagesTest.java",
                    "which did not change, now matches pods of namespace payments"),
            new Pair(FindingCode.ISOLATION_DROPPED, "The right direction, and an example with declared workloads",
                    "k8s/all.yaml:91:12: error: policy monitoring/deny-egress was removed (it was at k8s/all.yaml:91:12):"
                            + " pods such as pod {} in namespace monitoring are no longer isolated for egress, so every"
                            + " destination may reach them, e.g. pod {} in namespace monitoring -> pod {} in namespace"
                            + " monitoring on TCP 1. If this is not intended, restore the policy; if it is, accept it in"
                            + " netpol-accepted.yaml with '- id: ISOLATION_DROPPED/monitoring/deny-egress/egress' and a reason."
                            + " [ISOLATION_DROPPED/monitoring/deny-egress/egress]",
                    "k8s/all.yaml:91:12: error: NetworkPolicy monitoring/deny-egress was removed (it was at"
                            + " k8s/all.yaml:91:12). Pods such as Deployment monitoring/prometheus are no longer isolated for"
                            + " egress, so they may reach every destination. For example: Deployment monitoring/prometheus ->"
                            + " Deployment shop/web on TCP 8080 (the port it names 'http'). If this is not intended, restore"
                            + " the policy; if it is, accept it with this entry under 'accepted:' in netpol-accepted.yaml:"
                            + " [ISOLATION_DROPPED/monitoring/deny-egress/egress]",
                    "  - id: ISOLATION_DROPPED/monitoring/deny-egress/egress\n    reason: \"<why this change is intended>\"",
                    "src/test/resources/report/snapshots/check-kinds.json",
                    "are no longer isolated for egress, so they may reach every destination. For example: Deployment"
                            + " monitoring/prometheus -> Deployment shop/web on TCP 8080"),
            new Pair(FindingCode.NO_BASELINE, "The baseline named once, and what to do about it",
                    "netpol: cannot obtain the baseline git:x: git:x: no branch, tag or commit named 'x'",
                    "netpol: cannot obtain the baseline git:x: no branch, tag or commit named 'x' in /home/me/shop. Check"
                            + " the name with 'git rev-parse x', fetch the full history and the tags: actions/checkout with"
                            + " fetch-depth: 0, GIT_DEPTH: 0 in GitLab CI, or 'git fetch --unshallow --tags' (for a remote"
                            + " with tagOpt --no-tags, 'git config --unset remote.<name>.tagOpt' first), or choose another"
                            + " netpol.baseline.",
                    null, "src/test/java/io/github/netpol/maven/BaselineFailureTest.java",
                    "\"netpol: cannot obtain the\"\n                        + \" baseline git:x: no branch, tag or commit named 'x' in \""),
            new Pair(FindingCode.ASSERTION_FAILED, "The counterexample in words, on the declared port",
                    "... but pod {app=web} in namespace payments {env=prod} -> pod {app=db} in namespace payments"
                            + " {env=prod} on TCP 5432",
                    "... but a pod with app=web in namespace payments (namespace labels env=prod) -> a pod with app=db in"
                            + " namespace payments (namespace labels env=prod) on TCP 5432 (the port it names 'postgres') is"
                            + " denied",
                    null, "src/it/test-fail/verify.groovy",
                    "on TCP 5432 (the port it names 'postgres') is denied"));

    static String render() {
        StringBuilder md = new StringBuilder(STYLE).append("""

                ### Before and after

                One message of each group before this style and after it, the later ones as the tests on their exact
                text hold them (long lines are wrapped here and continue indented by four spaces).

                """);
        for (Pair p : PAIRS) {
            boolean finding = p.after().contains("[" + p.code().id());
            md.append("#### ").append(p.code().group().title()).append(": ").append(Character.toLowerCase(p.what().charAt(0))).append(p.what().substring(1))
                    .append(finding ? " (`" + p.code().id() + "`)" : "").append("\n\nBefore:\n\n")
                    .append(fence(p.before())).append("\nAfter:\n\n").append(fence(p.after()));
            if (p.fix() != null) {
                md.append("\nand the block to paste:\n\n").append(fence(p.fix()));
            }
            md.append('\n');
        }
        for (FindingCode.Group group : NEW_IN_THIS_STYLE) {
            md.append("#### ").append(group.title()).append("\n\nNew, and written in this style from the start: no message")
                    .append(" to show before it.\n");
        }
        return md.toString();
    }

    private static String fence(String text) {
        return "```text\n" + wrap(text) + "\n```\n";
    }

    /** Long console lines wrapped at word boundaries, so the page reads without sideways scrolling. */
    private static String wrap(String text) {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (!out.isEmpty()) {
                out.append('\n');
            }
            if (line.length() <= 100) {
                out.append(line);
                continue;
            }
            int column = 0;
            for (String word : line.split(" ", -1)) {
                if (column > 0 && column + 1 + word.length() > 100) {
                    out.append("\n    ");
                    column = 4;
                } else if (column > 0) {
                    out.append(' ');
                    column++;
                }
                out.append(word);
                column += word.length();
            }
        }
        return out.toString();
    }
}
