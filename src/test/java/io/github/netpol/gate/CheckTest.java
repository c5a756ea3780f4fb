package io.github.netpol.gate;

import io.github.netpol.analysis.AnalysisOptions;
import io.github.netpol.baseline.Baseline;
import io.github.netpol.baseline.BaselineOutcome;
import io.github.netpol.finding.Finding;
import io.github.netpol.finding.Severity;
import io.github.netpol.load.SourceFile;
import io.github.netpol.validate.ReadVersion;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The check fails closed: what cannot be read or validated in either version fails it, with that error. */
class CheckTest {

    static final String GOOD = """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: deny, namespace: shop}
            spec:
              podSelector: {}
              policyTypes: [Ingress]
            """;

    @Test
    void unchangedPolicyPasses() {
        CheckResult r = run(List.of(file("k8s/a.yaml", GOOD)), found(file("k8s/a.yaml", GOOD)), false);
        assertThat(r.passed()).isTrue();
        assertThat(r.findings()).isEmpty();
        assertThat(r.summary()).isEqualTo("netpol check passed against test baseline: no widening");
        assertThat(r.units()).containsExactly("shop/ingress", "shop/egress");
    }

    @Test
    void anInvalidCurrentManifestFailsWithItsError() {
        String bad = GOOD.replace("policyTypes: [Ingress]", "policyTypes: [Ingres]");
        CheckResult r = run(List.of(file("k8s/a.yaml", bad)), found(file("k8s/a.yaml", GOOD)), false);
        assertThat(r.passed()).isFalse();
        assertThat(r.findings()).anySatisfy(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.location().file()).isEqualTo("k8s/a.yaml");
            assertThat(f.location().line()).isEqualTo(6);
        });
        assertThat(r.summary()).contains("must load and validate");
    }

    @Test
    void anUnreadableBaselineFailsTooAndSaysItIsTheBaseline() {
        CheckResult r = run(List.of(file("k8s/a.yaml", GOOD)), found(file("k8s/a.yaml", "kind: [")), false);
        assertThat(r.passed()).isFalse();
        assertThat(r.findings()).extracting(Finding::message).anySatisfy(m -> assertThat(m).startsWith("baseline test baseline: "));
    }

    @Test
    void aTemplateInTheSourcesFailsClosed() {
        CheckResult r = run(List.of(file("k8s/a.yaml", GOOD.replace("name: deny", "name: {{ .Values.name }}"))),
                found(file("k8s/a.yaml", GOOD)), false);
        assertThat(r.passed()).isFalse();
    }

    @Test
    void aProvenFirstReleaseWarnsOrFailsAsConfigured() {
        BaselineOutcome absent = new BaselineOutcome.Absent(List.of("no release", "no tag"));
        CheckResult warn = run(List.of(file("k8s/a.yaml", GOOD)), absent, false);
        assertThat(warn.passed()).isTrue();
        assertThat(warn.summary()).isEqualTo("netpol check passed against no baseline: no widening");
        assertThat(warn.findings()).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.message()).contains("no baseline to compare with: this is a first release (no release; no tag)")
                    .contains("Set netpol.failIfNoBaseline=true once you have released");
        });
        CheckResult fail = run(List.of(file("k8s/a.yaml", GOOD)), absent, true);
        assertThat(fail.passed()).isFalse();
        assertThat(fail.findings()).singleElement().satisfies(f -> assertThat(f.message()).contains("netpol.failIfNoBaseline=true"));
    }

    @Test
    void baselineNoneSaysTheUserChoseIt() {
        BaselineOutcome none = new BaselineOutcome.NotRequested();
        CheckResult warn = run(List.of(file("k8s/a.yaml", GOOD)), none, false);
        assertThat(warn.passed()).isTrue();
        assertThat(warn.summary()).isEqualTo("netpol check passed against no baseline (netpol.baseline=none): no widening");
        assertThat(warn.findings()).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.message()).startsWith("nothing was compared because netpol.baseline=none was chosen")
                    .doesNotContain("first release");
        });
        assertThat(run(List.of(file("k8s/a.yaml", GOOD)), none, true).passed()).isFalse();
    }

    @Test
    void deletingTheDefaultDenyFailsWithTwoFindings() {
        CheckResult r = run(List.of(), found(file("k8s/a.yaml", GOOD)), false);
        assertThat(r.passed()).isFalse();
        assertThat(r.findings()).extracting(Finding::id)
                .containsExactlyInAnyOrder("ISOLATION_DROPPED/shop/deny/ingress", "WIDENED_INGRESS/shop/deny");
        assertThat(r.summary()).isEqualTo("netpol check FAILED against test baseline: 1 widening, 1 dropped isolation");
    }

    @Test
    void theCurrentVersionAsValidateReadItGivesTheSameAnswer() {
        String widened = GOOD.replace("policyTypes: [Ingress]", "policyTypes: [Ingress]\n  ingress: [{}]");
        String invalid = GOOD.replace("policyTypes: [Ingress]", "policyTypes: [Ingres]");
        for (String text : List.of(GOOD, widened, invalid)) {
            List<SourceFile> current = List.of(file("k8s/a.yaml", text));
            CheckRequest request = request(current, found(file("k8s/a.yaml", GOOD)), false);
            CheckResult fresh = new Check().run(request);
            CheckResult reused = new Check().run(request.withCurrentRead("", ReadVersion.of(current, "default")));
            assertThat(reused).isEqualTo(fresh);
        }
        CheckResult widenedResult = run(List.of(file("k8s/a.yaml", widened)), found(file("k8s/a.yaml", GOOD)), false);
        assertThat(widenedResult.passed()).isFalse();
    }

    @Test
    void aReadVersionGivenIsUsedInsteadOfTheFiles() {
        // what validate read is trusted as the current version: here it has no policy, so the default deny is gone
        CheckRequest request = request(List.of(file("k8s/a.yaml", GOOD)), found(file("k8s/a.yaml", GOOD)), false)
                .withCurrentRead("", ReadVersion.of(List.of(), "default"));
        assertThat(new Check().run(request).findings()).extracting(Finding::id)
                .contains("ISOLATION_DROPPED/shop/deny/ingress");
    }

    static final String ANP = """
            apiVersion: policy.networking.k8s.io/v1alpha1
            kind: AdminNetworkPolicy
            metadata: {name: allow-all}
            spec:
              priority: 10
              subject: {namespaces: {}}
              ingress:
                - action: Allow
                  from: [{namespaces: {}}]
            """;

    static final String FQDN = """
            apiVersion: networking.gke.io/v1alpha3
            kind: FQDNNetworkPolicy
            metadata: {name: allow-api, namespace: shop}
            spec:
              podSelector: {}
              egress: [{matches: [{name: "api.example.com"}]}]
            """;

    @Test
    void anUnanalysedObjectPrintsTheEntryToPasteAndTheEntryHoldsOnlyForThatObject() {
        List<SourceFile> current = List.of(file("k8s/a.yaml", GOOD), file("k8s/fqdn.yaml", FQDN));
        CheckResult r = run(current, found(file("k8s/a.yaml", GOOD)), false);
        assertThat(r.passed()).isFalse();
        Finding f = r.findings().stream().filter(x -> x.kind().equals("UNSUPPORTED_POLICY_KIND")).findFirst().orElseThrow();
        assertThat(f.message()).endsWith("accept this object as it is now with this entry under 'accepted:' in"
                + " netpol-accepted.yaml (the digest binds the acceptance to the object: any change to it fails the check"
                + " again; review it again by the expiry date):");
        String entry = f.fix();
        assertThat(entry).matches("  - id: UNSUPPORTED_POLICY_KIND/shop/FQDNNetworkPolicy/allow-api\n"
                + "    digest: sha256:[0-9a-f]{64}\n"
                + "    reason: \"<who reviewed it, and why it is safe>\"\n"
                + "    expires: 2027-02-24");

        // pasted with a reason, the entry accepts the object
        AcceptedChanges pasted = new AcceptedChangesReader().read("netpol-accepted.yaml",
                "accepted:\n" + entry.replace("<who reviewed it, and why it is safe>", "reviewed (NET-12)") + "\n");
        assertThat(pasted.problems()).isEmpty();
        assertThat(new Check().run(request(current, found(file("k8s/a.yaml", GOOD)), false, pasted)).passed()).isTrue();

        // the object changes: the acceptance no longer holds
        List<SourceFile> changed = List.of(file("k8s/a.yaml", GOOD),
                file("k8s/fqdn.yaml", FQDN.replace("api.example.com", "other.example.com")));
        CheckResult again = new Check().run(request(changed, found(file("k8s/a.yaml", GOOD)), false, pasted));
        assertThat(again.passed()).isFalse();
        assertThat(again.findings()).anySatisfy(x -> assertThat(x.message()).contains("The object changed since it was accepted"));
    }

    static final String CNP = """
            apiVersion: cilium.io/v2
            kind: CiliumNetworkPolicy
            metadata: {name: api, namespace: shop}
            spec:
              endpointSelector: {matchLabels: {app: api}}
              ingress:
                - fromEndpoints: [{matchLabels: {app: web}}]
            """;

    @Test
    void anUnchangedCiliumPolicyIsAnalysedAndPasses() {
        List<SourceFile> current = List.of(file("k8s/a.yaml", GOOD), file("k8s/cnp.yaml", CNP));
        CheckResult r = run(current, found(file("k8s/a.yaml", GOOD), file("k8s/cnp.yaml", CNP)), false);
        assertThat(r.passed()).isTrue();
        assertThat(r.findings()).noneMatch(x -> x.kind().equals("UNSUPPORTED_POLICY_KIND"));
    }

    @Test
    void aCiliumPolicyWithAConstructNotAnalysedFailsTheCheckClosedNamingIt() {
        String fqdn = CNP.replace("ingress:\n    - fromEndpoints: [{matchLabels: {app: web}}]",
                "egress:\n    - toServices: [{k8sService: {serviceName: db}}]");
        assertThat(fqdn).contains("toServices");
        List<SourceFile> current = List.of(file("k8s/a.yaml", GOOD), file("k8s/cnp.yaml", fqdn));
        CheckResult r = run(current, found(file("k8s/a.yaml", GOOD), file("k8s/cnp.yaml", fqdn)), false);
        assertThat(r.passed()).isFalse();
        assertThat(r.findings()).filteredOn(x -> x.kind().equals("UNSUPPORTED_POLICY_KIND")).singleElement()
                .satisfies(x -> {
                    assertThat(x.id()).endsWith("/shop/CiliumNetworkPolicy/api");
                    assertThat(x.message()).contains("egress[0]: toServices is not analysed");
                });
    }

    @Test
    void aChangedWorkloadNowMatchedByACiliumRuleIsReportedWithTheRule() {
        String web = """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web, namespace: shop}
                spec:
                  selector: {matchLabels: {app: web}}
                  template:
                    metadata: {labels: {app: %s}}
                    spec: {containers: [{name: c, image: c}]}
                """;
        String api = web.replace("name: web", "name: api").replace("app: %s", "app: api");
        CheckResult r = run(List.of(file("k8s/a.yaml", GOOD), file("k8s/cnp.yaml", CNP), file("k8s/api.yaml", api),
                file("k8s/web.yaml", web.formatted("web"))), found(file("k8s/a.yaml", GOOD), file("k8s/cnp.yaml", CNP),
                file("k8s/api.yaml", api), file("k8s/web.yaml", web.formatted("other"))), false);
        assertThat(r.findings()).filteredOn(x -> x.kind().equals("WIDENED_CONNECTION")).singleElement()
                .satisfies(x -> {
                    assertThat(x.id()).contains("shop/Deployment/web");
                    assertThat(x.message()).contains("ingress[0] of CiliumNetworkPolicy shop/api");
                });
    }

    @Test
    void anAdminNetworkPolicyIsAnalysedAndItsRuleNamedInTheWidening() {
        List<SourceFile> current = List.of(file("k8s/a.yaml", GOOD), file("k8s/anp.yaml", ANP));
        CheckResult r = run(current, found(file("k8s/a.yaml", GOOD)), false);
        assertThat(r.passed()).isFalse();
        assertThat(r.findings()).noneMatch(x -> x.kind().equals("UNSUPPORTED_POLICY_KIND"));
        assertThat(r.findings()).anySatisfy(x -> {
            assertThat(x.kind()).isEqualTo("WIDENED_INGRESS");
            assertThat(x.id()).endsWith("/AdminNetworkPolicy/allow-all");
            assertThat(x.message()).contains("AdminNetworkPolicy allow-all (Admin, priority 10) lets more ingress of shop"
                    + " through than the baseline: the rule ingress[0] (Allow, 8:7) now accepts these connections");
        });
        // the same object in the baseline: nothing changed
        CheckResult same = run(current, found(file("k8s/a.yaml", GOOD), file("k8s/anp.yaml", ANP)), false);
        assertThat(same.findings()).noneMatch(x -> x.kind().startsWith("WIDENED"));
    }

    @Test
    void meshAuthorizationIsReportedAsNotAnalysedAndNewerKindsFailClosedInTheirNamespace() {
        String istio = """
                apiVersion: security.istio.io/v1
                kind: AuthorizationPolicy
                metadata: {name: allow-web, namespace: shop}
                spec:
                  action: ALLOW
                  rules: [{from: [{source: {principals: ["cluster.local/ns/shop/sa/web"]}}]}]
                """;
        CheckResult mesh = run(List.of(file("k8s/a.yaml", GOOD), file("k8s/istio.yaml", istio)), found(file("k8s/a.yaml", GOOD)),
                false);
        assertThat(mesh.passed()).isTrue();
        assertThat(mesh.findings()).singleElement().satisfies(f -> {
            assertThat(f.id()).isEqualTo("MESH_POLICY_NOT_ANALYSED/shop/AuthorizationPolicy/allow-web");
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.message()).contains("is enforced by a service mesh (Istio), not analysed: it can only restrict"
                    + " further what the network policies allow");
        });

        String fqdn = """
                apiVersion: networking.gke.io/v1alpha3
                kind: FQDNNetworkPolicy
                metadata: {name: allow-api}
                spec:
                  podSelector: {}
                  egress: [{matches: [{name: "api.example.com"}]}]
                """;
        CheckResult gke = run(List.of(file("k8s/a.yaml", GOOD), file("k8s/fqdn.yaml", fqdn)), found(file("k8s/a.yaml", GOOD)),
                false);
        assertThat(gke.passed()).isFalse();
        assertThat(gke.findings()).extracting(Finding::id)
                .containsExactly("UNSUPPORTED_POLICY_KIND/default/FQDNNetworkPolicy/allow-api");
    }

    private static CheckResult run(List<SourceFile> current, BaselineOutcome baseline, boolean failIfNoBaseline) {
        return new Check().run(request(current, baseline, failIfNoBaseline));
    }

    private static CheckRequest request(List<SourceFile> current, BaselineOutcome baseline, boolean failIfNoBaseline) {
        return request(current, baseline, failIfNoBaseline, AcceptedChanges.none());
    }

    private static CheckRequest request(List<SourceFile> current, BaselineOutcome baseline, boolean failIfNoBaseline,
                                        AcceptedChanges accepted) {
        return new CheckRequest(current, List.of(), baseline, accepted,
                FailPolicy.parse(List.of("widening", "isolation")), failIfNoBaseline, AnalysisOptions.defaults(),
                "default", LocalDate.of(2026, 11, 26), "netpol-accepted.yaml");
    }

    private static BaselineOutcome found(SourceFile... files) {
        return new BaselineOutcome.Found(new Baseline("dir:old", "test baseline", List.of(files)));
    }

    private static SourceFile file(String path, String text) {
        return new SourceFile(path, text.getBytes(StandardCharsets.UTF_8));
    }
}
