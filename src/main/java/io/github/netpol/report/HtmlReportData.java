package io.github.netpol.report;

import io.github.netpol.analysis.AnalysisOptions;
import io.github.netpol.analysis.connectivity.WorkloadConnectivity;
import io.github.netpol.model.ManifestSet;

import java.util.List;

/**
 * What {@code report.html} shows: the findings of a goal and, when the analysis is at hand (the
 * {@code report} goal), the connectivity matrix and the per-namespace isolation of the current version.
 *
 * @param matrix    the connectivity matrix, compared with the baseline when there is one; {@code null}
 *                  for a findings-only page
 * @param isolation one entry a namespace with policies or workloads; empty for a findings-only page
 */
public record HtmlReportData(ReportInput input, ConnectivityMatrix matrix, List<NamespaceIsolation> isolation) {

    public HtmlReportData {
        isolation = List.copyOf(isolation);
    }

    /** The page {@code validate} and {@code check} write with {@code netpol.formats=html}. */
    public static HtmlReportData findingsOnly(ReportInput input) {
        return new HtmlReportData(input, null, List.of());
    }

    /**
     * The full page.
     *
     * @param baseline the baseline version, or {@code null} when there is none
     */
    public static HtmlReportData of(ReportInput input, ManifestSet current, ManifestSet baseline, AnalysisOptions options) {
        if (!WorkloadConnectivity.covers(current) || baseline != null && !WorkloadConnectivity.covers(baseline)) {
            // a matrix without the Cilium policies the analysis refuses would show connections they deny
            return findingsOnly(input);
        }
        ConnectivityMatrix matrix = ConnectivityMatrixBuilder.build(WorkloadConnectivity.compute(current, options),
                baseline == null ? null : WorkloadConnectivity.compute(baseline, options));
        if (current.hasTierPolicies() || !current.ciliumPolicies().isEmpty()) {
            // the isolation summary reads NetworkPolicies only: beside the tiers or Cilium policies it would call
            // isolated pods open
            return new HtmlReportData(input, matrix, List.of());
        }
        return new HtmlReportData(input, matrix, IsolationSummary.of(current));
    }

    /** Whether the page compares with a baseline (and so splits widening from narrowing). */
    public boolean compared() {
        return matrix != null && matrix.compared();
    }
}
