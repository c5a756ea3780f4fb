package io.github.netpol.gate;

import io.github.netpol.analysis.AnalysisOptions;
import io.github.netpol.baseline.Baseline;
import io.github.netpol.baseline.BaselineOutcome;
import io.github.netpol.baseline.RenderedFiles;
import io.github.netpol.finding.Finding;
import io.github.netpol.finding.Severity;
import io.github.netpol.load.CollectedSources;
import io.github.netpol.load.SourceEnvironment;
import io.github.netpol.load.SourceFile;
import io.github.netpol.render.RenderSpec;
import io.github.netpol.render.RenderedEnvironment;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Each rendered environment is gated on its own against the baseline's environment of the same name. */
class CheckEnvironmentsTest {

    static final String DENY = """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: default-deny, namespace: %s}
            spec:
              podSelector: {}
              policyTypes: [Ingress]
            """;
    static final String OPEN = DENY + "  ingress: [{}]\n";

    @Test
    void aWideningFailsOnlyItsEnvironment() {
        CheckResult r = check(List.of(env("staging", DENY.formatted("shop")), env("prod", OPEN.formatted("shop"))),
                List.of(old("staging", DENY.formatted("shop")), old("prod", DENY.formatted("shop"))));

        assertThat(r.passed()).isFalse();
        List<Finding> errors = r.findings().stream().filter(f -> f.severity() == Severity.ERROR).toList();
        assertThat(errors).isNotEmpty().allSatisfy(f -> {
            assertThat(f.environment()).isEqualTo("prod");
            assertThat(f.id()).startsWith("prod:");
            assertThat(f.location().file()).isEqualTo("target/netpol/rendered/prod/manifests.yaml");
        });
        assertThat(r.findings()).noneMatch(f -> "staging".equals(f.environment()) && f.severity() == Severity.ERROR);
    }

    static final String TIER = """
            apiVersion: v1
            kind: Namespace
            metadata: {name: tenant-a, labels: {tenant: a}}
            ---
            apiVersion: policy.networking.k8s.io/v1alpha2
            kind: ClusterNetworkPolicy
            metadata: {name: isolate-tenant-a}
            spec:
              tier: Admin
              priority: 10
              subject:
                namespaces: {matchLabels: {tenant: a}}
              ingress:
              - name: deny-tenant-b
                action: %s
                from:
                - namespaces: {matchLabels: {tenant: b}}
            """;

    @Test
    void aTierWideningCarriesItsEnvironmentInItsId() {
        CheckResult r = check(List.of(env("staging", TIER.formatted("Deny")), env("prod", TIER.formatted("Pass"))),
                List.of(old("staging", TIER.formatted("Deny")), old("prod", TIER.formatted("Deny"))));

        assertThat(r.passed()).isFalse();
        List<Finding> errors = r.findings().stream().filter(f -> f.severity() == Severity.ERROR).toList();
        assertThat(errors).isNotEmpty().allSatisfy(f -> {
            assertThat(f.environment()).isEqualTo("prod");
            assertThat(f.id()).startsWith("prod:").doesNotStartWith("prod:prod:");
            assertThat(f.location().file()).isEqualTo("target/netpol/rendered/prod/manifests.yaml");
        });
        assertThat(errors).anySatisfy(f -> {
            assertThat(f.id()).startsWith("prod:WIDENED_INGRESS/tenant-a");
            assertThat(f.message()).contains("isolate-tenant-a").contains("deny-tenant-b");
        });
    }

    @Test
    void theSameChangeInAnotherEnvironmentIsComparedWithThatEnvironmentOnly() {
        // prod was open already and stays open; staging opens: only staging widens, prod is not compared with staging
        CheckResult r = check(List.of(env("staging", OPEN.formatted("shop")), env("prod", OPEN.formatted("shop"))),
                List.of(old("staging", DENY.formatted("shop")), old("prod", OPEN.formatted("shop"))));

        assertThat(r.passed()).isFalse();
        assertThat(r.findings().stream().filter(f -> f.severity() == Severity.ERROR).map(Finding::environment))
                .containsOnly("staging");
    }

    @Test
    void anEnvironmentOnOneSideIsReportedAndANewOneIsNotAWidening() {
        CheckResult r = check(List.of(env("prod", DENY.formatted("shop")), env("dev", OPEN.formatted("dev"))),
                List.of(old("prod", DENY.formatted("shop")), old("qa", DENY.formatted("qa"))));

        assertThat(r.passed()).isTrue();
        assertThat(r.findings()).filteredOn(f -> f.kind().equals("environment-added")).singleElement().satisfies(f -> {
            assertThat(f.environment()).isEqualTo("dev");
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
        });
        assertThat(r.findings()).filteredOn(f -> f.kind().equals("environment-removed")).singleElement().satisfies(f -> {
            assertThat(f.environment()).isEqualTo("qa");
            assertThat(f.message()).contains("Environment qa of the baseline");
        });
        assertThat(r.findings()).noneMatch(f -> f.severity() == Severity.ERROR);
    }

    private static CheckResult check(List<SourceEnvironment> current, List<RenderedFiles> old) {
        Baseline baseline = new Baseline("git:v1.0.0", "git tag v1.0.0", List.of(), old);
        return new Check().run(new CheckRequest(current, new BaselineOutcome.Found(baseline), AcceptedChanges.none(),
                FailPolicy.parse(List.of("widening", "isolation")), false, AnalysisOptions.defaults(), "default",
                LocalDate.of(2026, 11, 30), "netpol-accepted.yaml", Map.of()));
    }

    private static SourceEnvironment env(String name, String text) {
        RenderSpec spec = RenderSpec.of(name, RenderSpec.Kind.KUSTOMIZE, "overlays/" + name);
        String path = "target/netpol/rendered/" + name + "/manifests.yaml";
        return new SourceEnvironment(name, new CollectedSources(List.of(file(path, text)), List.of(), List.of()),
                new RenderedEnvironment(spec, Path.of(path), "kubectl kustomize", "0".repeat(64), false, List.of()));
    }

    private static RenderedFiles old(String name, String text) {
        return new RenderedFiles(name, "overlays/" + name, "kubectl kustomize", "1".repeat(64),
                List.of(file("rendered/" + name + "/manifests.yaml", text)));
    }

    private static SourceFile file(String path, String text) {
        return new SourceFile(path, text.getBytes(StandardCharsets.UTF_8));
    }
}
