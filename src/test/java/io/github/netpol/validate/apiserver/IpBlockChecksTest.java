package io.github.netpol.validate.apiserver;

import io.github.netpol.finding.Finding;
import io.github.netpol.finding.Severity;
import io.github.netpol.load.SourceFile;
import io.github.netpol.model.ManifestReader;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** ipBlock checks read CIDRs as the API server does, IPv4-mapped IPv6 forms included. */
class IpBlockChecksTest {

    private static List<Finding> validate(String cidr, String except) {
        String yaml = """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: p, namespace: shop}
                spec:
                  podSelector: {}
                  egress:
                  - to: [{ipBlock: {cidr: "%s", except: ["%s"]}}]
                """.formatted(cidr, except);
        return new ApiServerValidator().validate(new ManifestReader()
                .read(List.of(new SourceFile("p.yaml", yaml.getBytes(StandardCharsets.UTF_8))), "default"));
    }

    @Test
    void anIpv4MappedCidrIsAcceptedWithAWarningThatNamesItsIpv4Form() {
        assertThat(validate("::ffff:10.0.0.0/104", "::ffff:10.1.0.0/112")).hasSize(2).allSatisfy(f -> {
            assertThat(f.id()).isEqualTo("non-canonical-cidr");
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
        }).first().satisfies(f -> assertThat(f.message()).isEqualTo("The cidr '::ffff:10.0.0.0/104' is an IPv4-mapped"
                + " IPv6 form and means the IPv4 network 10.0.0.0/8; write that instead."));
    }

    @Test
    void anExceptIsASubsetByContainmentAndWrittenPrefixAsInGo() {
        assertThat(validate("10.0.0.0/8", "::ffff:10.1.0.0/112")).extracting(Finding::id).containsExactly("non-canonical-cidr");
        assertThat(validate("::ffff:10.0.0.0/104", "10.1.0.0/16")).extracting(Finding::id)
                .containsExactly("non-canonical-cidr", "except-not-subset");
        assertThat(validate("10.0.0.0/8", "2001:db8::/64")).filteredOn(f -> f.id().equals("except-not-subset"))
                .singleElement().satisfies(f -> assertThat(f.message()).contains("(it is of the other IP family)"));
    }
}
