package io.github.netpol.maven;

/**
 * One {@code <rule><id>…</id><severity>off|info|warning|error</severity></rule>} of the {@code rules}
 * parameter. Maven fills it by field name, so it stays a plain mutable bean.
 */
public class Rule {

    private String id;
    private String severity;

    public Rule() {
    }

    Rule(String id, String severity) {
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
