package io.github.netpol.validate.apiserver;

import io.github.netpol.finding.Finding;
import io.github.netpol.finding.Severity;
import io.github.netpol.load.SourceFile;
import io.github.netpol.model.ManifestReader;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DuplicateObjectCheckTest {

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
              namespace: shop
            spec:
              template:
                metadata:
                  labels:
                    app: %s
            """;

    @Test
    void anIdenticalCopyInAnotherFileIsAWarning() {
        List<Finding> findings = duplicates(DEPLOYMENT.formatted("web"), DEPLOYMENT.formatted("web"));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.message()).isEqualTo("Deployment shop/web is an identical copy of the one at a.yaml:4:3; remove one copy.");
            assertThat(f.location().file()).isEqualTo("b.yaml");
        });
    }

    @Test
    void aDifferentObjectWithTheSameNameIsAnError() {
        List<Finding> findings = duplicates(DEPLOYMENT.formatted("web"), DEPLOYMENT.formatted("api"));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.message()).startsWith("Deployment shop/web is already defined at a.yaml:4:3");
        });
    }

    /**
     * The BaselineAdminNetworkPolicy is a singleton: its CRD rule admits only the name {@code default}, so a second
     * one is the same object and an error here, and no lint is needed for "more than one".
     */
    @Test
    void aSecondBaselineAdminNetworkPolicyIsTheSameObject() {
        String banp = """
                apiVersion: policy.networking.k8s.io/v1alpha1
                kind: BaselineAdminNetworkPolicy
                metadata:
                  name: default
                spec:
                  subject:
                    namespaces: {}
                  ingress:
                  - action: %s
                    from:
                    - namespaces: {}
                """;
        assertThat(duplicates(banp.formatted("Deny"), banp.formatted("Allow"))).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.message()).startsWith("BaselineAdminNetworkPolicy default is already defined at a.yaml:4:3");
        });
    }

    private static List<Finding> duplicates(String a, String b) {
        var set = new ManifestReader().read(List.of(
                new SourceFile("a.yaml", a.getBytes(StandardCharsets.UTF_8)),
                new SourceFile("b.yaml", b.getBytes(StandardCharsets.UTF_8))), "default");
        return new ApiServerValidator().validate(set).stream().filter(f -> f.id().equals("duplicate-object")).toList();
    }
}
