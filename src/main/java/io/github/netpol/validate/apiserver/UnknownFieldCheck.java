package io.github.netpol.validate.apiserver;

import io.github.netpol.finding.FindingCode;
import io.github.netpol.finding.Severity;
import io.github.netpol.load.JsonPointer;
import io.github.netpol.model.KubernetesKinds;
import io.github.netpol.model.ManifestObject;
import io.github.netpol.model.SchemaWalker;

import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Strict field checking as {@code kubectl --validate=strict} does: a field the schema does not know
 * is an error that names the closest known field. Unknown fields of workloads are warnings, since
 * the plugin only reads their labels and ports.
 */
final class UnknownFieldCheck {

    private final SchemaWalker schema = new SchemaWalker();

    void check(ManifestObject object, FindingSink sink) {
        Optional<KubernetesKinds.Known> known = KubernetesKinds.known(object.kind())
                .filter(k -> k.apiVersion().equals(object.apiVersion()));
        if (known.isEmpty()) {
            return;
        }
        Severity severity = known.get().workload() ? Severity.WARNING : Severity.ERROR;
        schema.walk(known.get().type(), object.raw(), "", new SchemaWalker.Visitor() {
            @Override
            public void unknownField(String pointer, String field, Set<String> knownFields) {
                String hint = hint(field, knownFields);
                sink.add(FindingCode.UNKNOWN_FIELD, severity, pointer, "Unknown field '" + JsonPointer.display(pointer)
                        + "' in " + object.kind() + hint);
            }
        });
    }

    /** {@code ; did you mean 'x'?}, or the fields known there. */
    static String hint(String field, Set<String> knownFields) {
        return closest(field, knownFields).map(c -> "; did you mean '" + c + "'?")
                .orElse("; known fields here: " + String.join(", ", knownFields) + ".");
    }

    static Optional<String> closest(String field, Set<String> candidates) {
        String lower = field.toLowerCase(Locale.ROOT);
        int limit = Math.max(2, field.length() / 3);
        return candidates.stream()
                .filter(c -> distance(lower, c.toLowerCase(Locale.ROOT)) <= limit)
                .min(Comparator.comparingInt((String c) -> distance(lower, c.toLowerCase(Locale.ROOT)))
                        .thenComparing(Comparator.naturalOrder()));
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
