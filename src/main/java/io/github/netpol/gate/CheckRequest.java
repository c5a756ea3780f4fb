package io.github.netpol.gate;

import io.github.netpol.analysis.AnalysisOptions;
import io.github.netpol.baseline.Baseline;
import io.github.netpol.baseline.BaselineOutcome;
import io.github.netpol.baseline.RenderedFiles;
import io.github.netpol.finding.Finding;
import io.github.netpol.load.CollectedSources;
import io.github.netpol.load.SourceEnvironment;
import io.github.netpol.load.ParseStore;
import io.github.netpol.load.SourceFile;
import io.github.netpol.validate.ReadVersion;
import io.github.netpol.validate.apiserver.CrdChannel;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the check needs, gathered by the caller (the Mojo): the current environments, the baseline
 * already obtained, the accepted changes already read, and the settings.
 *
 * @param environments the current sources: the plain manifests and every rendered environment
 * @param currentReads by {@link SourceEnvironment#key() environment key}, an environment already read with
 *                     {@code defaultNamespace} (by {@code validate} in the same build); the others are read here
 * @param channel      the channel of the Network Policy API CRDs the cluster runs; both versions are read under it
 * @param parseStore   where parsed files are kept between builds, or null to parse every file of this run
 */
public record CheckRequest(List<SourceEnvironment> environments, BaselineOutcome baseline, AcceptedChanges accepted,
                           FailPolicy failPolicy, boolean failIfNoBaseline, AnalysisOptions analysis,
                           String defaultNamespace, LocalDate today, String acceptedFile,
                           Map<String, ReadVersion> currentReads, CrdChannel channel, ParseStore parseStore) {

    public CheckRequest {
        environments = List.copyOf(environments);
        currentReads = Map.copyOf(currentReads);
        channel = channel == null ? CrdChannel.STANDARD : channel;
    }

    /** A request under the standard channel of the Network Policy API CRDs. */
    public CheckRequest(List<SourceEnvironment> environments, BaselineOutcome baseline, AcceptedChanges accepted,
                        FailPolicy failPolicy, boolean failIfNoBaseline, AnalysisOptions analysis,
                        String defaultNamespace, LocalDate today, String acceptedFile,
                        Map<String, ReadVersion> currentReads) {
        this(environments, baseline, accepted, failPolicy, failIfNoBaseline, analysis, defaultNamespace, today,
                acceptedFile, currentReads, CrdChannel.STANDARD, null);
    }

    /** A request for plain manifests only, read here. */
    public CheckRequest(List<SourceFile> current, List<Finding> sourceProblems, BaselineOutcome baseline,
                        AcceptedChanges accepted, FailPolicy failPolicy, boolean failIfNoBaseline,
                        AnalysisOptions analysis, String defaultNamespace, LocalDate today, String acceptedFile) {
        this(List.of(SourceEnvironment.plain(new CollectedSources(current, List.of(), sourceProblems))), baseline,
                accepted, failPolicy, failIfNoBaseline, analysis, defaultNamespace, today, acceptedFile, Map.of(),
                CrdChannel.STANDARD, null);
    }

    /** Every current file, of every environment. */
    public List<SourceFile> current() {
        return environments.stream().flatMap(e -> e.files().stream()).toList();
    }

    /** Every problem met while collecting the current files. */
    public List<Finding> sourceProblems() {
        return environments.stream().flatMap(e -> e.sources().problems().stream()).toList();
    }

    /** The same request with one environment already read. */
    public CheckRequest withCurrentRead(String key, ReadVersion read) {
        Map<String, ReadVersion> reads = new HashMap<>(currentReads);
        reads.put(key, read);
        return new CheckRequest(environments, baseline, accepted, failPolicy, failIfNoBaseline, analysis,
                defaultNamespace, today, acceptedFile, reads, channel, parseStore);
    }

    /** The same request for a channel of the Network Policy API CRDs (both versions are read under it). */
    public CheckRequest withChannel(CrdChannel newChannel) {
        return new CheckRequest(environments, baseline, accepted, failPolicy, failIfNoBaseline, analysis,
                defaultNamespace, today, acceptedFile, currentReads, newChannel, parseStore);
    }

    /** The request for one environment alone, the baseline narrowed to that environment. */
    public CheckRequest forEnvironment(SourceEnvironment environment) {
        BaselineOutcome narrowed = baseline;
        if (baseline instanceof BaselineOutcome.Found found) {
            Baseline b = found.baseline();
            narrowed = new BaselineOutcome.Found(environment.name() == null ? new Baseline(b.spec(), b.description(),
                    b.files()) : new Baseline(b.spec(), b.description(), List.of(),
                    b.environment(environment.name()).map(List::of).orElse(List.of())));
        }
        return new CheckRequest(List.of(environment), narrowed, accepted, failPolicy, failIfNoBaseline, analysis,
                defaultNamespace, today, acceptedFile, currentReads, channel, parseStore);
    }

    /** The baseline's files of an environment, if the baseline was found and has it. */
    public Optional<List<SourceFile>> baselineFiles(String environment) {
        if (!(baseline instanceof BaselineOutcome.Found found)) {
            return Optional.empty();
        }
        Baseline b = found.baseline();
        return environment == null ? Optional.of(b.files()) : b.environment(environment).map(RenderedFiles::files);
    }
}
