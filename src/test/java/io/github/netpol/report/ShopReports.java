package io.github.netpol.report;

import io.github.netpol.analysis.AnalysisOptions;
import io.github.netpol.baseline.Baseline;
import io.github.netpol.baseline.BaselineOutcome;
import io.github.netpol.gate.AcceptedChanges;
import io.github.netpol.gate.CheckRequest;
import io.github.netpol.gate.FailPolicy;
import io.github.netpol.load.SourceCollector;
import io.github.netpol.load.SourceFile;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code report.html} inputs for the tests: {@code examples/shop} against a baseline that differs in two
 * rules (so the shop widens once and narrows once), and a project whose manifests are full of markup.
 */
public final class ShopReports {

    static final Path SHOP = Path.of("examples/shop");
    static final String POLICIES = "src/main/kubernetes/shop/policies.yaml";

    /** The api's egress rule to payments, which the baseline lacks: the shop widens api -> payments on 8443. */
    static final String API_TO_PAYMENTS = """
                - to:
                    - namespaceSelector:
                        matchLabels:
                          kubernetes.io/metadata.name: payments
                      podSelector:
                        matchLabels:
                          app: payments
                  ports:
                    - port: 8443
            """;

    /** Text in names and labels that would run if it were not escaped. */
    static final String SCRIPT = "<script>document.title='pwned';window.pwned=1</script>";

    private ShopReports() {
    }

    public static List<SourceFile> shop() {
        return new SourceCollector().collect(SHOP.toAbsolutePath(), List.of(Path.of("src/main/kubernetes")));
    }

    /**
     * The shop a release ago: the api did not call payments yet, and the web tier also took TCP 443 from
     * the internet.
     */
    public static List<SourceFile> baseline() {
        List<SourceFile> out = new ArrayList<>();
        for (SourceFile f : shop()) {
            if (!f.path().endsWith("shop/policies.yaml")) {
                out.add(f);
                continue;
            }
            String text = new String(f.content(), StandardCharsets.UTF_8);
            String old = text.replace(API_TO_PAYMENTS, "")
                    .replaceFirst("        - port: http\n  egress:", "        - port: http\n        - port: 443\n  egress:");
            if (old.equals(text) || old.length() != text.length() - API_TO_PAYMENTS.length() + "        - port: 443\n".length()) {
                throw new IllegalStateException("examples/shop changed: update ShopReports.baseline()");
            }
            out.add(new SourceFile(f.path(), old.getBytes(StandardCharsets.UTF_8)));
        }
        return out;
    }

    static CheckRequest request(List<SourceFile> current, BaselineOutcome baseline) {
        return new CheckRequest(current, List.of(), baseline, AcceptedChanges.none(),
                FailPolicy.parse(List.of("widening", "isolation")), false, AnalysisOptions.defaults(), "default",
                LocalDate.of(2026, 1, 15), "netpol-accepted.yaml");
    }

    /** The shop compared with {@link #baseline()}: fails on one widening. */
    static HtmlReportData shopAgainstBaseline() {
        Baseline old = new Baseline("dir:baseline", "directory baseline", baseline());
        return new HtmlReportBuilder().build(request(shop(), new BaselineOutcome.Found(old)), "examples/shop");
    }

    /** A namespace, a workload and a policy whose names and label values hold markup and quotes. */
    static HtmlReportData hostile() {
        String yaml = """
                apiVersion: v1
                kind: Namespace
                metadata:
                  name: "x\\"><script>document.title='pwned'</script>"
                  labels:
                    team: "%1$s"
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: "web\\"'><script>window.pwned=1</script>"
                  namespace: "x\\"><script>document.title='pwned'</script>"
                spec:
                  selector:
                    matchLabels:
                      app: "%1$s"
                  template:
                    metadata:
                      labels:
                        app: "%1$s"
                    spec:
                      containers:
                        - name: web
                          image: nginx
                          ports:
                            - name: http
                              containerPort: 8080
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata:
                  name: "deny\\"'><script>window.pwned=1</script>"
                  namespace: "x\\"><script>document.title='pwned'</script>"
                spec:
                  podSelector:
                    matchLabels:
                      app: "%1$s"
                  policyTypes: [Ingress]
                """.formatted(SCRIPT);
        List<SourceFile> files = List.of(new SourceFile("src/main/kubernetes/<b>\"q\".yaml", yaml.getBytes(StandardCharsets.UTF_8)));
        return new HtmlReportBuilder().build(request(files, new BaselineOutcome.NotRequested()), "");
    }
}
