package io.github.netpol.fork;

import io.github.netpol.gate.Check;
import io.github.netpol.gate.CheckRequest;
import io.github.netpol.gate.CheckResult;
import io.github.netpol.report.ConsoleLine;
import io.github.netpol.report.ReportInput;
import io.github.netpol.report.ReportPublisher;

import java.util.function.Consumer;

/**
 * The {@code check} goal's work after its inputs are gathered: the check, then its console lines and report files.
 * Maven's JVM and a forked JVM run exactly this, so a check prints and writes the same wherever it runs.
 */
public final class CheckRun {

    /** The goal's name, as its reports give it. */
    public static final String GOAL = "check";

    /**
     * What a check came to.
     *
     * @param writeFailure why a report file could not be written, or null
     */
    public record Outcome(boolean passed, String summary, String writeFailure) {
    }

    private final ReportSettings reports;
    private final Consumer<String> stageDone;

    /** @param stageDone told the name of each stage as it ends, for timings */
    public CheckRun(ReportSettings reports, Consumer<String> stageDone) {
        this.reports = reports;
        this.stageDone = stageDone;
    }

    public Outcome run(CheckRequest request, ConsoleLine.Sink console) {
        CheckResult result = new Check(stageDone).run(request);
        ReportInput input = new ReportInput(GOAL, result.passed(), result.findings(), result.baseline(),
                result.summary(), reports.repositoryPrefix(), result.units());
        String failure = null;
        try {
            reports.publisher().publish(reports.module() == null ? input : input.withModule(reports.module()), console);
        } catch (ReportPublisher.WriteFailure e) {
            failure = e.getMessage();
        }
        stageDone.accept("reports");
        return new Outcome(result.passed(), result.summary(), failure);
    }
}
