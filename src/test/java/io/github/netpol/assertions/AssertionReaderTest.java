package io.github.netpol.assertions;

import io.github.netpol.finding.Finding;
import io.github.netpol.finding.FindingCode;
import io.github.netpol.finding.Severity;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class AssertionReaderTest {

    private final AssertionReader reader = new AssertionReader(Set.of("payments/StatefulSet/db"));

    @Test
    void readsEveryEndpointFormPortAndScope() {
        AssertionFile f = reader.read("t.yaml", """
                tests:
                  - name: a
                    from: {namespace: shop, pods: {app: web}}
                    to: {workload: payments/StatefulSet/db}
                    port: "8000-8100"
                    protocol: UDP
                    expect: allowed
                    scope: declared
                  - name: b
                    from: {namespaces: {env: dev}}
                    to: {ipBlock: 0.0.0.0/0}
                    expect: denied
                """);
        assertThat(f.problems()).isEmpty();
        Assertion a = f.assertions().get(0);
        assertThat(a.from()).isEqualTo(new EndpointSpec.Pods("shop", null, java.util.Map.of("app", "web"), a.from().location()));
        assertThat(a.ports().protocols()).containsExactly("UDP");
        assertThat(a.ports().describe()).isEqualTo("UDP 8000-8100");
        assertThat(a.scope()).isEqualTo(Assertion.Scope.DECLARED);
        assertThat(a.location().line()).isEqualTo(2);
        Assertion b = f.assertions().get(1);
        assertThat(b.ports().protocols()).containsExactlyInAnyOrder("TCP", "UDP", "SCTP");
        assertThat(b.to()).isInstanceOf(EndpointSpec.Addresses.class);
        assertThat(b.expect()).isEqualTo(Assertion.Expectation.DENIED);
    }

    @Test
    void aPortWithoutProtocolIsTcp() {
        AssertionFile f = reader.read("t.yaml", "tests:\n  - {name: a, from: {pods: {}}, to: {namespace: x}, port: 53, expect: denied}\n");
        assertThat(f.problems()).isEmpty();
        assertThat(f.assertions().get(0).ports().describe()).isEqualTo("TCP 53");
    }

    @Test
    void everyBadEntryIsAnErrorAtItsLine() {
        AssertionFile f = reader.read("src/test/netpol/bad.yaml", """
                tests:
                  - name: unknown key
                    form: {namespace: shop}
                    to: {namespace: shop}
                    expect: allowed
                  - name: no expectation
                    from: {namespace: shop}
                    to: {namespace: shop}
                  - name: bad port
                    from: {namespace: shop}
                    to: {namespace: shop}
                    port: 70000
                    expect: denied
                  - name: unknown workload
                    from: {namespace: shop}
                    to: {workload: shop/Deployment/nope}
                    expect: denied
                  - name: both namespace forms
                    from: {namespace: shop, namespaces: {env: dev}}
                    to: {namespace: shop}
                    expect: denied
                  - name: bad expect
                    from: {namespace: shop}
                    to: {ipBlock: 10.0.0.0/33}
                    expect: maybe
                  - name: unknown key
                    from: {ipBlock: 0.0.0.0/0}
                    to: {ipBlock: 10.0.0.0/8}
                    expect: denied
                """);
        assertThat(f.assertions()).isEmpty();
        assertThat(f.problems()).allSatisfy(p -> {
            assertThat(p.severity()).isEqualTo(Severity.ERROR);
            assertThat(p.kind()).isEqualTo(FindingCode.ASSERTION_FILE.id());
        });
        assertThat(lines(f.problems())).containsExactly(
                "3:5 Unknown key 'form' in a test (known: expect, from, name, port, protocol, scope, to).",
                "2:5 The test has no 'from'.",
                "6:5 The test has no 'expect' (allowed or denied).",
                "12:11 'port' 70000 is not a port or range within 1-65535.",
                "16:20 Unknown workload 'shop/Deployment/nope'; give namespace/Kind/name of a workload in the sources,"
                        + " e.g. payments/StatefulSet/db.",
                "19:41 'from' has both 'namespace' (one namespace by name) and 'namespaces' (by labels); keep one.",
                "25:13 'expect' must be allowed or denied, not 'maybe'.",
                "24:19 'ipBlock' must be a CIDR such as 0.0.0.0/0 or 203.0.113.0/24, not '10.0.0.0/33'.",
                "26:11 Another test is already called 'unknown key'; names must be unique.",
                "26:5 Both ends are addresses; at least one end must be pods or a workload.");
    }

    @Test
    void malformedYamlAndWrongShapesAreErrorsNotExceptions() {
        assertThat(lines(reader.read("t.yaml", "tests: [\n").problems())).singleElement().asString().startsWith("2:1 Invalid YAML");
        assertThat(lines(reader.read("t.yaml", "- a\n").problems()))
                .containsExactly("1:1 An assertion file is a mapping with one key, 'tests:', holding a list of tests.");
        assertThat(lines(reader.read("t.yaml", "test: []\n").problems())).containsExactly(
                "1:1 Unknown key 'test'; an assertion file has only 'tests:'.",
                "1:1 Missing 'tests:' (a list of {name, from, to, port, expect}).");
        assertThat(lines(reader.read("t.yaml", "tests:\n  - !!python/object:os.system {}\n").problems())).isNotEmpty();
        assertThat(reader.read("t.yaml", "").problems()).isEmpty();
    }

    private static List<String> lines(List<Finding> findings) {
        return findings.stream().map(p -> p.location().line() + ":" + p.location().column() + " " + p.message()).toList();
    }
}
