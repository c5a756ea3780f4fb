package io.github.netpol.report;

import io.github.netpol.gate.Check;
import io.github.netpol.gate.CheckRequest;
import io.github.netpol.gate.CheckResult;
import io.github.netpol.model.ManifestReader;
import io.github.netpol.model.ManifestSet;

/**
 * The {@code report} goal without Maven: runs the check (its findings and verdict head the page) and
 * adds the connectivity and isolation of the current version, compared with the baseline when there is one.
 */
public final class HtmlReportBuilder {

    private final ManifestReader reader = new ManifestReader();

    /**
     * @param request          the check of one environment ({@link CheckRequest#forEnvironment})
     * @param repositoryPrefix the project base directory relative to the repository root, for paths
     */
    public HtmlReportData build(CheckRequest request, String repositoryPrefix) {
        CheckResult result = new Check().run(request);
        ReportInput input = new ReportInput("check", result.passed(), result.findings(), result.baseline(),
                result.summary(), repositoryPrefix, result.units());
        ManifestSet current = reader.read(request.current(), request.defaultNamespace());
        String environment = request.environments().isEmpty() ? null : request.environments().get(0).name();
        ManifestSet baseline = request.baselineFiles(environment)
                .map(files -> reader.read(files, request.defaultNamespace())).orElse(null);
        return HtmlReportData.of(input, current, baseline, request.analysis());
    }
}
