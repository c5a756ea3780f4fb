package io.github.netpol.gate;

import io.github.netpol.baseline.Baseline;
import io.github.netpol.baseline.BaselineOutcome;
import io.github.netpol.diff.DiffResult;
import io.github.netpol.diff.VersionDiff;
import io.github.netpol.finding.Finding;
import io.github.netpol.finding.FindingCode;
import io.github.netpol.finding.Severity;
import io.github.netpol.model.ManifestSet;
import io.github.netpol.model.KubernetesObjects;
import io.github.netpol.validate.ReadVersion;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The {@code check} goal without Maven: reads both versions, refuses to judge either if it does not
 * load or validate (fail closed), compares them and applies the gate.
 */
public final class Check {

    public CheckResult run(CheckRequest request) {
        Gate gate = new Gate(request.failPolicy(), request.today());
        // the baseline loads and validates on another core while this thread does the current version
        KubernetesObjects objects = new KubernetesObjects();
        CompletableFuture<ReadVersion> baselineLoad = request.baseline() instanceof BaselineOutcome.Found found
                ? CompletableFuture.supplyAsync(() -> ReadVersion.of(found.baseline().files(), request.defaultNamespace(),
                objects))
                : null;
        List<Finding> errors = new ArrayList<>(request.sourceProblems());
        ReadVersion currentRead = request.currentRead() != null ? request.currentRead()
                : ReadVersion.of(request.current(), request.defaultNamespace(), objects);
        ManifestSet current = currentRead.set();
        errors.addAll(currentRead.blockingErrors());

        if (!(request.baseline() instanceof BaselineOutcome.Found)) {
            errors.add(noBaseline(request));
            GateResult r = gate.decide(errors, request.accepted());
            return new CheckResult(r.passed(), r.findings(), Map.of(), List.of(),
                    summary(r, request.baseline() instanceof BaselineOutcome.NotRequested
                            ? "no baseline (netpol.baseline=none)" : "no baseline"));
        }

        Baseline baseline = ((BaselineOutcome.Found) request.baseline()).baseline();
        ReadVersion oldRead = baselineLoad.join();
        ManifestSet old = oldRead.set();
        String prefix = "baseline " + baseline.description() + ": ";
        oldRead.blockingErrors().forEach(f -> errors.add(f.prefixed(prefix)));
        if (!errors.isEmpty()) {
            GateResult r = gate.decide(errors, request.accepted());
            return new CheckResult(false, r.findings(), baseline.describe(), List.of(),
                    summary(r, baseline.description()) + "; the manifests must load and validate before they can be compared");
        }
        DiffResult diff = new VersionDiff(request.analysis(), request.acceptedFile(), request.today()).compare(old, current);
        GateResult r = gate.decide(diff.findings(), diff.objectDigests(), request.accepted());
        return new CheckResult(r.passed(), r.findings(), baseline.describe(), diff.units(),
                summary(r, baseline.description()));
    }

    /**
     * Why nothing was compared: a proven first release (a warning, as expected once) or the user's choice of
     * {@code netpol.baseline=none}; either fails with {@code netpol.failIfNoBaseline=true}.
     */
    private static Finding noBaseline(CheckRequest request) {
        boolean fail = request.failIfNoBaseline();
        String message;
        if (request.baseline() instanceof BaselineOutcome.Absent absent) {
            message = "no baseline to compare with: this is a first release (" + String.join("; ", absent.proof())
                    + ")" + (fail ? " and netpol.failIfNoBaseline=true. If an earlier release exists, point"
                    + " netpol.baseline at it (release:<version>, git:<ref> or dir:<path>)."
                    : ", so nothing is gated. Set netpol.failIfNoBaseline=true once you have released.");
        } else {
            message = "nothing was compared because netpol.baseline=none was chosen"
                    + (fail ? ", and netpol.failIfNoBaseline=true." : ", so nothing is gated.")
                    + " Choose a baseline (auto, release, git:<ref>, dir:<path>) to gate changes.";
        }
        return Finding.of(FindingCode.NO_BASELINE, message).withSeverity(fail ? Severity.ERROR : Severity.WARNING);
    }

    private static String summary(GateResult r, String against) {
        Map<FindingCode.Change, Integer> counts = new EnumMap<>(FindingCode.Change.class);
        for (Finding f : r.findings()) {
            f.code().change().ifPresent(c -> counts.merge(c, 1, Integer::sum));
        }
        long errors = r.findings().stream().filter(f -> f.severity() == Severity.ERROR && f.code().change().isEmpty()).count();
        StringBuilder sb = new StringBuilder("netpol check ").append(r.passed() ? "passed" : "FAILED")
                .append(" against ").append(against).append(": ");
        if (counts.isEmpty() && errors == 0) {
            sb.append("no widening");
        } else {
            List<String> parts = new ArrayList<>();
            counts.forEach((k, v) -> parts.add(v + " " + word(k, v)));
            if (errors > 0) {
                parts.add(errors + " error" + (errors == 1 ? "" : "s"));
            }
            sb.append(String.join(", ", parts));
        }
        if (r.accepted() > 0) {
            sb.append(" (").append(r.accepted()).append(" accepted)");
        }
        return sb.toString();
    }

    private static String word(FindingCode.Change category, int count) {
        String s = count == 1 ? "" : "s";
        return switch (category) {
            case WIDENING -> "widening" + s;
            case ISOLATION -> "dropped isolation" + s;
            case NARROWING -> "narrowing" + s;
            case UNSUPPORTED -> "unsupported policy kind" + s;
        };
    }
}
