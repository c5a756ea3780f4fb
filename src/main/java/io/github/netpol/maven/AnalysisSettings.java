package io.github.netpol.maven;

import io.github.netpol.analysis.AnalysisOptions;

/** The configuration of the {@code connectivity} goal: the shared parameters and {@code netpol.namespaceLabels}. */
record AnalysisSettings(CommonSettings common, AnalysisOptions analysis) implements GoalSettings {
}
