package io.github.netpol.diff;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static io.github.netpol.diff.DiffFixture.diff;
import static io.github.netpol.diff.WideningTrapsTest.NS;
import static io.github.netpol.diff.WideningTrapsTest.policy;
import static org.assertj.core.api.Assertions.assertThat;

/** Edits that change the text but not what is allowed: the gate must stay quiet (no finding at all). */
class EquivalentChangesTest {

    static Stream<Arguments> equivalentEdits() {
        String twoRules = policy("from: [{podSelector: {matchLabels: {app: web}}}]\n- from: [{podSelector: {matchLabels: {app: batch}}}]");
        String swapped = policy("from: [{podSelector: {matchLabels: {app: batch}}}]\n- from: [{podSelector: {matchLabels: {app: web}}}]");
        String combined = policy("from: [{podSelector: {matchLabels: {app: web}}}, {podSelector: {matchLabels: {app: batch}}}]");
        String split = policy("from: [{podSelector: {matchLabels: {app: web}}}]") + "---\n"
                + policy("from: [{podSelector: {matchLabels: {app: batch}}}]").replace("name: allow-api", "name: allow-api-batch");
        return Stream.of(
                Arguments.of("reordering rules", twoRules, swapped),
                Arguments.of("reordering documents", split,
                        policy("from: [{podSelector: {matchLabels: {app: batch}}}]").replace("name: allow-api", "name: allow-api-batch")
                                + "---\n" + policy("from: [{podSelector: {matchLabels: {app: web}}}]")),
                Arguments.of("renaming a policy", combined, combined.replace("name: allow-api", "name: api-ingress")),
                Arguments.of("splitting a policy into two with the same union", combined, split),
                Arguments.of("matchLabels spelled as In", policy("from: [{podSelector: {matchLabels: {app: web}}}]"),
                        policy("from: [{podSelector: {matchExpressions: [{key: app, operator: In, values: [web]}]}}]")),
                Arguments.of("explicit TCP", policy("from: [{podSelector: {}}]\n  ports: [{port: 8080}]"),
                        policy("from: [{podSelector: {}}]\n  ports: [{port: 8080, protocol: TCP}]")),
                Arguments.of("endPort equal to port", policy("from: [{podSelector: {}}]\n  ports: [{port: 8080}]"),
                        policy("from: [{podSelector: {}}]\n  ports: [{port: 8080, endPort: 8080}]")),
                Arguments.of("a range written as two adjacent ranges", policy("from: [{podSelector: {}}]\n  ports: [{port: 8000, endPort: 8100}]"),
                        policy("from: [{podSelector: {}}]\n  ports: [{port: 8000, endPort: 8049}, {port: 8050, endPort: 8100}]")),
                Arguments.of("CIDR split into halves", policy("from: [{ipBlock: {cidr: 10.0.0.0/8}}]"),
                        policy("from: [{ipBlock: {cidr: 10.0.0.0/9}}, {ipBlock: {cidr: 10.128.0.0/9}}]")),
                Arguments.of("except written as the remaining halves", policy("from: [{ipBlock: {cidr: 10.0.0.0/8, except: [10.128.0.0/9]}}]"),
                        policy("from: [{ipBlock: {cidr: 10.0.0.0/9}}]")),
                Arguments.of("namespace by name label vs In", policy("from: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: dev}}}]"),
                        policy("from: [{namespaceSelector: {matchExpressions: [{key: kubernetes.io/metadata.name, operator: In, values: [dev]}]}}]")),
                Arguments.of("omitted policyTypes for an ingress-only policy",
                        policy("from: [{podSelector: {}}]"), policy("from: [{podSelector: {}}]").replace("  policyTypes: [Ingress]\n", "")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("equivalentEdits")
    void noFinding(String name, String before, String after) {
        DiffResult r = diff(NS + before, NS + after);
        assertThat(r.findings()).as(name).isEmpty();
    }
}
