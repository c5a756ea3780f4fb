package io.github.netpol.maven;

import io.github.netpol.analysis.AnalysisOptions;
import io.github.netpol.baseline.BaselineSpec;
import io.github.netpol.gate.FailPolicy;

import java.nio.file.Path;

/**
 * The configuration of the goals that compare with a baseline, {@code check} and {@code report}.
 *
 * @param baseline         {@code netpol.baseline}
 * @param failIfNoBaseline {@code netpol.failIfNoBaseline}
 * @param accepted         {@code netpol.accepted}, absolute
 * @param failOn           {@code netpol.failOn}
 * @param analysis         {@code netpol.namespaceLabels}
 */
record CompareSettings(CommonSettings common, BaselineSpec baseline, boolean failIfNoBaseline, Path accepted,
                       FailPolicy failOn, AnalysisOptions analysis) implements GoalSettings {
}
