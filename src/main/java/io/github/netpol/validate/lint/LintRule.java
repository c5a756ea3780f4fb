package io.github.netpol.validate.lint;

import io.github.netpol.finding.FindingCode;
import io.github.netpol.finding.Severity;

import java.util.List;

/** One lint check over a loaded repository, documented by its finding code. Implementations are stateless. */
public interface LintRule {

    /** The rule's code in the catalogue: its id, default severity, title and rationale. */
    FindingCode code();

    /** Kebab-case id, used as finding id and kind, in configuration and in {@code netpol.io/ignore}. */
    default String id() {
        return code().id();
    }

    default Severity defaultSeverity() {
        return code().defaultSeverity();
    }

    /** What it catches, one line. */
    default String title() {
        return code().title();
    }

    /** Why it matters, one or two sentences. */
    default String rationale() {
        return code().description();
    }

    /** YAML that triggers the rule (documentation; the tests check that it fires). */
    String before();

    /** The fixed YAML (documentation; the tests check that it does not fire). */
    String after();

    List<Violation> check(LintContext context);
}
