package io.github.netpol.maven;

/**
 * One {@code <rule><id>…</id><severity>off|info|warning|error</severity></rule>} of the {@code rules}
 * parameter (a lint rule's severity). Maven fills it by field name, so it stays a plain mutable bean; it finds
 * the class from the parameter's element type, since no class is named after the {@code <rule>} element.
 */
public class LintRuleSeverity {

    private String id;
    private String severity;

    public LintRuleSeverity() {
    }

    LintRuleSeverity(String id, String severity) {
        this.id = id;
        this.severity = severity;
    }

    public String getId() {
        return id;
    }

    public String getSeverity() {
        return severity;
    }
}
