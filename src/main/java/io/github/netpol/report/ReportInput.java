package io.github.netpol.report;

import io.github.netpol.analysis.connectivity.ConnectivityResult;
import io.github.netpol.finding.Finding;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What every report format is written from.
 *
 * @param goal           {@code validate}, {@code check}, {@code test}, ...
 * @param passed         the verdict
 * @param findings       every finding, accepted ones included, in a stable order
 * @param baseline       description of the baseline for {@code check} (keys such as {@code spec},
 *                       {@code resolved}); empty when there is none or it does not apply
 * @param summary        the one-line summary printed last on the console
 * @param repositoryPrefix path of the project base directory relative to the repository root
 *                       ({@code ""} when they are the same); SARIF and code hosts want
 *                       repository-relative paths
 * @param units          the units that were checked, each one test case in JUnit XML: for
 *                       {@code validate} the files ({@code location.file()} of a finding names its
 *                       unit), for {@code check} {@code namespace/direction} (e.g. {@code shop/ingress}),
 *                       for {@code test} the assertion names (a finding's {@code id} names its unit)
 * @param connectivity   for {@code connectivity}, what it computed; {@code null} for the other goals
 * @param module         the project's artifactId, which tells the reports of the modules of one repository apart
 *                       (SARIF's category), or {@code null}
 */
public record ReportInput(String goal, boolean passed, List<Finding> findings, Map<String, Object> baseline,
                          String summary, String repositoryPrefix, List<String> units,
                          ConnectivityResult connectivity, String module) {

    /** The input of a goal that reports findings. */
    public ReportInput(String goal, boolean passed, List<Finding> findings, Map<String, Object> baseline,
                       String summary, String repositoryPrefix, List<String> units) {
        this(goal, passed, findings, baseline, summary, repositoryPrefix, units, null, null);
    }

    public ReportInput(String goal, boolean passed, List<Finding> findings, Map<String, Object> baseline,
                       String summary, String repositoryPrefix, List<String> units, ConnectivityResult connectivity) {
        this(goal, passed, findings, baseline, summary, repositoryPrefix, units, connectivity, null);
    }

    /** The same input for the module (artifactId) it was made in. */
    public ReportInput withModule(String artifactId) {
        return new ReportInput(goal, passed, findings, baseline, summary, repositoryPrefix, units, connectivity, artifactId);
    }

    /** The input of the {@code connectivity} goal: its result and summary, no findings. */
    public static ReportInput connectivity(ConnectivityResult result, String summary) {
        return new ReportInput("connectivity", true, List.of(), Map.of(), summary, "", List.of(), result);
    }

    public ReportInput {
        findings = List.copyOf(findings);
        // in the order the baseline describes itself: the reports write it as it comes
        baseline = Collections.unmodifiableMap(new LinkedHashMap<>(baseline));
        units = List.copyOf(units);
    }

    public String verdict() {
        return passed ? "pass" : "fail";
    }
}
