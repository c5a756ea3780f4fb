package io.github.netpol.gate;

import io.github.netpol.analysis.AnalysisOptions;
import io.github.netpol.baseline.BaselineOutcome;
import io.github.netpol.finding.Finding;
import io.github.netpol.load.SourceFile;
import io.github.netpol.validate.ReadVersion;
import io.github.netpol.validate.apiserver.CrdChannel;

import java.time.LocalDate;
import java.util.List;

/**
 * Everything the check needs, gathered by the caller (the Mojo): the current files, the baseline
 * already obtained, the accepted changes already read, and the settings.
 *
 * @param sourceProblems problems met while collecting the current files (e.g. a file too large)
 * @param currentRead    {@code current} already read with {@code defaultNamespace} (by {@code validate} in
 *                       the same build), or {@code null} to read it here
 */
public record CheckRequest(List<SourceFile> current, List<Finding> sourceProblems, BaselineOutcome baseline,
                           AcceptedChanges accepted, FailPolicy failPolicy, boolean failIfNoBaseline,
                           AnalysisOptions analysis, String defaultNamespace, LocalDate today, String acceptedFile,
                           ReadVersion currentRead, CrdChannel channel) {

    public CheckRequest {
        current = List.copyOf(current);
        sourceProblems = List.copyOf(sourceProblems);
        channel = channel == null ? CrdChannel.STANDARD : channel;
    }

    /** A request that reads the current files itself. */
    public CheckRequest(List<SourceFile> current, List<Finding> sourceProblems, BaselineOutcome baseline,
                        AcceptedChanges accepted, FailPolicy failPolicy, boolean failIfNoBaseline,
                        AnalysisOptions analysis, String defaultNamespace, LocalDate today, String acceptedFile) {
        this(current, sourceProblems, baseline, accepted, failPolicy, failIfNoBaseline, analysis, defaultNamespace,
                today, acceptedFile, null, CrdChannel.STANDARD);
    }

    /** The same request with the current files already read. */
    public CheckRequest withCurrentRead(ReadVersion read) {
        return new CheckRequest(current, sourceProblems, baseline, accepted, failPolicy, failIfNoBaseline, analysis,
                defaultNamespace, today, acceptedFile, read, channel);
    }

    /** The same request for a channel of the Network Policy API CRDs (both versions are read under it). */
    public CheckRequest withChannel(CrdChannel newChannel) {
        return new CheckRequest(current, sourceProblems, baseline, accepted, failPolicy, failIfNoBaseline, analysis,
                defaultNamespace, today, acceptedFile, currentRead, newChannel);
    }
}
