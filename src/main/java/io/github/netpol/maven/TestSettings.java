package io.github.netpol.maven;

import io.github.netpol.analysis.AnalysisOptions;

import java.nio.file.Path;
import java.util.List;

/**
 * The configuration of the {@code test} goal.
 *
 * @param testSources {@code netpol.testSources}, relative to the base directory where they lie inside it
 * @param skipTests   {@code skipTests}
 * @param analysis    {@code netpol.namespaceLabels}
 */
record TestSettings(CommonSettings common, List<Path> testSources, boolean skipTests, AnalysisOptions analysis)
        implements GoalSettings {

    TestSettings {
        testSources = List.copyOf(testSources);
    }
}
