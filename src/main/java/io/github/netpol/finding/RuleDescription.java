package io.github.netpol.finding;

import java.util.Objects;

/**
 * What a finding kind means, for reports that list their rules (SARIF). It lives beside {@link Finding}
 * so that whoever creates findings (validation rules, the gate) can describe them without knowing the
 * report formats.
 *
 * @param id               the finding kind it describes ({@code WIDENED_INGRESS}, {@code invalid-label-value})
 * @param shortDescription one line
 * @param fullDescription  a few sentences: what the rule checks and why it matters
 * @param help             what to do about a finding of this kind
 */
public record RuleDescription(String id, String shortDescription, String fullDescription, String help) {

    public RuleDescription {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(shortDescription, "shortDescription");
        Objects.requireNonNull(fullDescription, "fullDescription");
        Objects.requireNonNull(help, "help");
    }
}
