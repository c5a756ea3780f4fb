package io.github.netpol.diff;

import io.github.netpol.finding.Endpoint;
import io.github.netpol.finding.Finding;
import org.junit.jupiter.api.Test;

import static io.github.netpol.diff.DiffFixture.diff;
import static io.github.netpol.diff.DiffFixture.of;
import static io.github.netpol.diff.WideningTrapsTest.NS;
import static io.github.netpol.diff.WideningTrapsTest.policy;
import static io.github.netpol.diff.WideningTrapsTest.single;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where the analysis used to read a manifest otherwise than the API server, now that every layer reads it
 * through {@code model.semantics}; each witness is confirmed by the brute-force oracle.
 */
class SharedSemanticsTest {

    private static String egress(String to) {
        return NS + """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: out, namespace: payments}
                spec:
                  podSelector: {}
                  policyTypes: [Egress]
                  egress:
                  - to: [{ipBlock: {cidr: "%s"}}]
                """.formatted(to);
    }

    /** {@code ::ffff:0.0.0.0/96} is every IPv4 address: replacing {@code ::/0} with it opens IPv4. */
    @Test
    void anIpv4MappedBlockOpensIpv4() {
        Finding f = single(diff(egress("::/0"), egress("::ffff:0.0.0.0/96")), "WIDENED_EGRESS");
        assertThat(f.witness().destination()).isInstanceOfSatisfying(Endpoint.Ip.class,
                ip -> assertThat(ip.ip()).doesNotContain(":"));
    }

    @Test
    void anIpv4MappedBlockAndItsIpv4FormAreTheSame() {
        assertThat(diff(egress("::ffff:0.0.0.0/96"), egress("0.0.0.0/0")).findings()).isEmpty();
        assertThat(diff(egress("::ffff:10.0.0.0/104"), egress("10.0.0.0/8")).findings()).isEmpty();
    }

    /** A ports item written as {@code null} is {@code {}}: every TCP port, not every protocol. */
    @Test
    void aNullPortItemIsEveryTcpPortSoOmittingPortsWidens() {
        DiffResult r = diff(NS + policy("from: [{podSelector: {}}]\n  ports: [~]"), NS + policy("from: [{podSelector: {}}]"));
        Finding f = single(r, "WIDENED_INGRESS");
        assertThat(f.witness().protocol()).isNotEqualTo("TCP");
        assertThat(diff(NS + policy("from: [{podSelector: {}}]\n  ports: [~]"),
                NS + policy("from: [{podSelector: {}}]\n  ports: [{protocol: TCP}]")).findings()).isEmpty();
    }

    /** An ingress rule written as {@code null} is the empty rule: it allows every peer on every port. */
    @Test
    void aNullRuleAllowsEverything() {
        DiffResult r = diff(NS + policy("from: [{podSelector: {matchLabels: {app: web}}}]"), NS + policy("~"));
        assertThat(of(r, "WIDENED_INGRESS")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("from anyone (every pod of every namespace and every address)"));
    }
}
