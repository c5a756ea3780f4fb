package io.github.netpol.analysis;

import io.github.netpol.load.SourceFile;
import io.github.netpol.model.ManifestReader;
import io.github.netpol.model.ManifestSet;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CiliumRulesTest {

    private static CiliumRules of(String yaml) {
        ManifestSet set = new ManifestReader().read(List.of(new SourceFile("p.yaml",
                yaml.getBytes(StandardCharsets.UTF_8))), "default");
        return CiliumRules.of(set);
    }

    private static CiliumRules read(String matchLabels) {
        String yaml = """
                apiVersion: cilium.io/v2
                kind: CiliumNetworkPolicy
                metadata: {name: api, namespace: shop}
                spec:
                  endpointSelector: {}
                  ingress:
                  - fromEndpoints:
                    - matchLabels: %s
                """.formatted(matchLabels);
        return of(yaml);
    }

    private static CiliumRules fqdn(String pattern) {
        return of("""
                apiVersion: cilium.io/v2
                kind: CiliumNetworkPolicy
                metadata: {name: api, namespace: shop}
                spec:
                  endpointSelector: {}
                  egress:
                  - toFQDNs:
                    - matchPattern: "%s"
                    toPorts:
                    - ports: [{port: "443", protocol: TCP}]
                """.formatted(pattern));
    }

    @Test
    void aToFqdnsPatternOverAnyNumberOfLabelsIsRefusedOneLabelIsRead() {
        // '**.' matches names of any depth below the domain; the analysis reads only one-label wildcards
        assertThat(fqdn("**.example.com").refused()).hasEntrySatisfying("CiliumNetworkPolicy/shop/api",
                reason -> assertThat(reason).contains("matchPattern with '**' is not analysed"));
        assertThat(fqdn("*.example.com").refused()).isEmpty();
        assertThat(fqdn("*.example.com").rules()).isNotEmpty();
        assertThat(fqdn("api.**.example.com").refused()).hasSize(1);
    }

    @Test
    void aLabelNamedTwiceWithDifferentValuesIsRefusedTheAgentKeepsEitherAtRandom() {
        assertThat(read("{app: web, 'any:app': api}").refused())
                .hasEntrySatisfying("CiliumNetworkPolicy/shop/api", reason -> assertThat(reason)
                        .contains("'any.app' twice with different values"));
        assertThat(read("{app: web, 'any:app': web}").refused()).isEmpty();
        assertThat(read("{app: web, 'k8s:app': api}").refused()).as("k8s.app and any.app are two labels").isEmpty();
    }
}
