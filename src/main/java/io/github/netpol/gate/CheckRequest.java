package io.github.netpol.gate;

import io.github.netpol.analysis.AnalysisOptions;
import io.github.netpol.baseline.BaselineOutcome;
import io.github.netpol.finding.Finding;
import io.github.netpol.load.SourceFile;

import java.time.LocalDate;
import java.util.List;

/**
 * Everything the check needs, gathered by the caller (the Mojo): the current files, the baseline
 * already obtained, the accepted changes already read, and the settings.
 *
 * @param sourceProblems problems met while collecting the current files (e.g. a file too large)
 */
public record CheckRequest(List<SourceFile> current, List<Finding> sourceProblems, BaselineOutcome baseline,
                           AcceptedChanges accepted, FailPolicy failPolicy, boolean failIfNoBaseline,
                           AnalysisOptions analysis, String defaultNamespace, LocalDate today, String acceptedFile) {

    public CheckRequest {
        current = List.copyOf(current);
        sourceProblems = List.copyOf(sourceProblems);
    }
}
