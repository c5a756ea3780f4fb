package io.github.netpol.validate.lint.engine;

import io.github.netpol.validate.lint.Subject;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/** Reads {@code netpol.io/ignore: "rule-a,rule-b"} and its reason from an object's annotations. */
final class Suppressions {
    static final String IGNORE = "netpol.io/ignore";
    static final String REASON = "netpol.io/ignore-reason";

    private Suppressions() {
    }

    static Set<String> ruleIds(Subject subject) {
        String value = subject.annotations().get(IGNORE);
        Set<String> ids = new LinkedHashSet<>();
        if (value != null) {
            Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(ids::add);
        }
        return ids;
    }

    static boolean hasReason(Subject subject) {
        String reason = subject.annotations().get(REASON);
        return reason != null && !reason.isBlank();
    }
}
