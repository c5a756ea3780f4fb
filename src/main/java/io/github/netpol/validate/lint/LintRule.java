package io.github.netpol.validate.lint;

import io.github.netpol.finding.Severity;

import java.util.List;

/** One lint check over a loaded repository. Implementations are stateless. */
public interface LintRule {

    /** Kebab-case id, used as finding id and kind, in configuration and in {@code netpol.io/ignore}. */
    String id();

    Severity defaultSeverity();

    /** What it catches, one line. */
    String title();

    /** Why it matters, one or two sentences. */
    String rationale();

    /** YAML that triggers the rule (documentation; the tests check that it fires). */
    String before();

    /** The fixed YAML (documentation; the tests check that it does not fire). */
    String after();

    List<Violation> check(LintContext context);
}
