package io.github.netpol.report;

import io.github.netpol.analysis.AnalysisOptions;
import io.github.netpol.analysis.connectivity.ConnectivityResult;
import io.github.netpol.analysis.connectivity.WorkloadConnectivity;
import io.github.netpol.baseline.Baseline;
import io.github.netpol.baseline.BaselineOutcome;
import io.github.netpol.finding.Finding;
import io.github.netpol.gate.AcceptedChanges;
import io.github.netpol.gate.AcceptedChangesReader;
import io.github.netpol.gate.Check;
import io.github.netpol.gate.CheckRequest;
import io.github.netpol.gate.CheckResult;
import io.github.netpol.gate.FailPolicy;
import io.github.netpol.load.CollectedSources;
import io.github.netpol.load.SourceCollector;
import io.github.netpol.load.SourceFile;
import io.github.netpol.model.ManifestReader;
import io.github.netpol.model.ManifestSet;
import io.github.netpol.validate.ValidationRun;
import io.github.netpol.validate.lint.LintRule;
import io.github.netpol.validate.lint.LintSettings;
import io.github.netpol.validate.lint.engine.LintRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The bytes each goal writes, compared with the files under {@code src/test/resources/report/snapshots}: a
 * refactoring that changes a finding's text, id, order or a report's layout fails here by the file's name.
 * After an intended change, rewrite them with {@code -Dnetpol.updateSnapshots=true} and review the diff.
 */
class GoalOutputSnapshotTest {

    @TempDir
    Path out;

    /** The validation corpus: every API-server and loading error the plugin knows, and valid manifests. */
    @Test
    void validateJsonOfTheValidationCorpus() throws IOException {
        CollectedSources corpus = new SourceCollector().scan(Path.of("src/test/resources").toAbsolutePath(),
                List.of(Path.of("validate")));
        ValidationRun run = ValidationRun.of(corpus, "default", LintSettings.defaults());
        Snapshots.assertMatches("validate-corpus.json", json(validateInput(run, corpus)));
    }

    /**
     * Every lint rule's example that fires, each validated on its own (together they would mostly report one
     * another as duplicates), with cluster ranges configured so that every rule runs.
     */
    @Test
    void validateJsonOfEveryLintRuleExample() throws IOException {
        LintSettings settings = LintSettings.defaults()
                .withClusterCidrs(List.of("10.0.0.0/8"), List.of("172.16.0.0/12"), List.of("192.168.0.0/16"));
        List<SourceFile> files = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        for (LintRule rule : LintRules.all()) {
            SourceFile example = file("lint/" + rule.id() + ".yaml", rule.before());
            files.add(example);
            findings.addAll(ValidationRun.of(new CollectedSources(List.of(example), List.of(), List.of()), "default",
                    settings).findings());
        }
        ReportInput input = new ReportInput("validate", !settings.fails(findings), findings, Map.of(),
                ConsoleFormatter.summary("validate", findings, files.size()), "",
                files.stream().map(SourceFile::path).toList());
        Snapshots.assertMatches("validate-lint.json", json(input));
    }

    /** The example shop against its previous release, as the example's own build compares them. */
    @Test
    void checkJsonOfTheShopAgainstItsPreviousRelease() throws IOException {
        Path shop = Path.of("examples/shop").toAbsolutePath();
        List<SourceFile> current = new SourceCollector().collect(shop, List.of(Path.of("src/main/kubernetes")));
        List<SourceFile> previous = new SourceCollector().collect(shop, List.of(Path.of("previous-release")));
        CheckResult result = new Check().run(request(current, previous, AcceptedChanges.none()));
        Snapshots.assertMatches("check-shop.json", json(checkInput(result)));
    }

    /** One change of every kind the comparison reports, one of them accepted and one acceptance unused. */
    @Test
    void checkJsonOfEveryKindOfChange() throws IOException {
        AcceptedChanges accepted = new AcceptedChangesReader().read("netpol-accepted.yaml", """
                accepted:
                  - id: WIDENED_INGRESS/payments/allow-web
                    reason: "The web tier calls the metrics port (PAY-7)"
                  - id: WIDENED_EGRESS/shop/old-rule
                    reason: "An old rule"
                """);
        CheckResult result = new Check().run(request(List.of(file("k8s/all.yaml", KINDS_NEW)),
                List.of(file("k8s/all.yaml", KINDS_OLD)), accepted));
        Snapshots.assertMatches("check-kinds.json", json(checkInput(result)));
    }

    @Test
    void connectivityOfTheShopInEveryForm() throws IOException {
        Path shop = Path.of("examples/shop").toAbsolutePath();
        assertConnectivity("connectivity-shop", new SourceCollector().collect(shop, List.of(Path.of("src/main/kubernetes"))));
    }

    /** Address ranges of both families cut by ipBlocks and excepts, and named ports. */
    @Test
    void connectivityWithAddressRangesInEveryForm() throws IOException {
        assertConnectivity("connectivity-ranges", List.of(file("k8s/ranges.yaml", RANGES)));
    }

    private static void assertConnectivity(String name, List<SourceFile> files) throws IOException {
        ManifestSet set = new ManifestReader().read(files, "default");
        ConnectivityResult result = WorkloadConnectivity.compute(set, AnalysisOptions.defaults());
        Snapshots.assertMatches(name + ".txt", ConnectivityForms.text(result));
        Snapshots.assertMatches(name + ".json", ConnectivityForms.json(result));
        Snapshots.assertMatches(name + ".md", ConnectivityForms.markdown(result));
        Snapshots.assertMatches(name + ".csv", ConnectivityForms.csv(result));
        Snapshots.assertMatches(name + ".dot", ConnectivityForms.dot(result));
    }

    private static ReportInput validateInput(ValidationRun run, CollectedSources sources) {
        boolean passed = !LintSettings.defaults().fails(run.findings());
        return new ReportInput("validate", passed, run.findings(), Map.of(),
                ConsoleFormatter.summary("validate", run.findings(), sources.files().size()), "",
                sources.files().stream().map(SourceFile::path).toList());
    }

    private static ReportInput checkInput(CheckResult result) {
        return new ReportInput("check", result.passed(), result.findings(), result.baseline(), result.summary(), "",
                result.units());
    }

    private static CheckRequest request(List<SourceFile> current, List<SourceFile> previous, AcceptedChanges accepted) {
        Baseline old = new Baseline("dir:previous-release", "directory previous-release", previous);
        return new CheckRequest(current, List.of(), new BaselineOutcome.Found(old), accepted,
                FailPolicy.parse(List.of("widening", "isolation")), false, AnalysisOptions.defaults(), "default",
                LocalDate.of(2026, 1, 15), "netpol-accepted.yaml");
    }

    private String json(ReportInput input) throws IOException {
        return Files.readString(new JsonReportWriter().write(input, out), StandardCharsets.UTF_8);
    }

    private static SourceFile file(String path, String text) {
        return new SourceFile(path, text.getBytes(StandardCharsets.UTF_8));
    }

    private static final String NAMESPACES = """
            apiVersion: v1
            kind: Namespace
            metadata: {name: shop, labels: {team: web}}
            ---
            apiVersion: v1
            kind: Namespace
            metadata: {name: payments, labels: {team: pay}}
            ---
            apiVersion: v1
            kind: Namespace
            metadata: {name: monitoring}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: shop}
            spec:
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec:
                  containers:
                  - {name: web, image: web, ports: [{name: http, containerPort: 8080}]}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: api, namespace: payments}
            spec:
              selector: {matchLabels: {app: api}}
              template:
                metadata: {labels: {app: api}}
                spec:
                  containers:
                  - {name: api, image: api, ports: [{name: https, containerPort: 8443}, {name: metrics, containerPort: 9090}]}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: prometheus, namespace: monitoring}
            spec:
              selector: {matchLabels: {app: prometheus}}
              template:
                metadata: {labels: {app: prometheus}}
                spec:
                  containers:
                  - {name: prometheus, image: prometheus}
            """;

    private static final String KINDS_OLD = NAMESPACES + """
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: db, namespace: payments}
            spec:
              selector: {matchLabels: {app: db}}
              template:
                metadata: {labels: {app: db}}
                spec:
                  containers:
                  - {name: db, image: db, ports: [{name: https, containerPort: 5432}]}
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: default-deny, namespace: payments}
            spec:
              podSelector: {}
              policyTypes: [Ingress, Egress]
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: allow-web, namespace: payments}
            spec:
              podSelector: {matchLabels: {app: api}}
              ingress:
              - from:
                - namespaceSelector: {matchLabels: {team: web}}
                  podSelector: {matchLabels: {app: web}}
                ports: [{port: https}]
              - from:
                - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: monitoring}}
                ports: [{port: 9090}]
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: egress-to-payments, namespace: shop}
            spec:
              podSelector: {}
              policyTypes: [Egress]
              egress:
              - to:
                - namespaceSelector: {matchLabels: {team: pay}}
                ports: [{port: 8443}, {port: 5432}]
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: deny-egress, namespace: monitoring}
            spec:
              podSelector: {}
              policyTypes: [Egress]
            """;

    private static final String KINDS_NEW = NAMESPACES + """
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: db, namespace: payments}
            spec:
              selector: {matchLabels: {app: db}}
              template:
                metadata: {labels: {app: api}}
                spec:
                  containers:
                  - {name: db, image: db, ports: [{name: https, containerPort: 5432}]}
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: default-deny, namespace: payments}
            spec:
              podSelector: {}
              policyTypes: [Ingress, Egress]
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: allow-web, namespace: payments}
            spec:
              podSelector: {matchLabels: {app: api}}
              ingress:
              - from:
                - namespaceSelector: {matchLabels: {team: web}}
                  podSelector: {matchLabels: {app: web}}
                ports: [{port: https}, {port: metrics}]
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: egress-to-payments, namespace: shop}
            spec:
              podSelector: {}
              policyTypes: [Egress]
              egress:
              - to:
                - namespaceSelector: {matchLabels: {team: pay}}
                ports: [{port: 8443}, {port: 5432}]
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: deny-ingress, namespace: shop}
            spec:
              podSelector: {}
              policyTypes: [Ingress]
            ---
            apiVersion: projectcalico.org/v3
            kind: NetworkPolicy
            metadata: {name: l7, namespace: shop}
            spec:
              selector: all()
              types: [Ingress]
            """;

    private static final String RANGES = """
            apiVersion: v1
            kind: Pod
            metadata: {name: client, namespace: edge, labels: {app: client}}
            spec:
              containers:
              - {name: c, image: c}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: server, namespace: edge, labels: {app: server}}
            spec:
              containers:
              - {name: s, image: s, ports: [{name: web, containerPort: 8080}, {name: dns, containerPort: 53, protocol: UDP}]}
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: server, namespace: edge}
            spec:
              podSelector: {matchLabels: {app: server}}
              policyTypes: [Ingress, Egress]
              ingress:
              - from:
                - ipBlock: {cidr: 203.0.113.0/24, except: [203.0.113.128/25]}
                - ipBlock: {cidr: '2001:db8::/32', except: ['2001:db8:1::/48']}
                - podSelector: {matchLabels: {app: client}}
                ports: [{port: web}, {protocol: UDP, port: dns}, {port: 9000, endPort: 9010}]
              egress:
              - to:
                - ipBlock: {cidr: 0.0.0.0/0, except: [10.0.0.0/8, 192.168.0.0/16]}
                ports: [{protocol: SCTP}]
            """;
}
