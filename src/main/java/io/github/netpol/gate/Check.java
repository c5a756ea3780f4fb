package io.github.netpol.gate;

import io.github.netpol.baseline.Baseline;
import io.github.netpol.baseline.BaselineOutcome;
import io.github.netpol.baseline.RenderedFiles;
import io.github.netpol.diff.DiffResult;
import io.github.netpol.diff.VersionDiff;
import io.github.netpol.finding.Finding;
import io.github.netpol.finding.FindingCode;
import io.github.netpol.finding.Severity;
import io.github.netpol.load.ParsedFiles;
import io.github.netpol.load.SourceEnvironment;
import io.github.netpol.load.SourceFile;
import io.github.netpol.model.KubernetesObjects;
import io.github.netpol.model.SharedReading;
import io.github.netpol.validate.ReadVersion;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The {@code check} goal without Maven: reads both versions of every environment, refuses to judge any if it does
 * not load or validate (fail closed), compares each environment with the baseline's environment of the same name
 * and applies the gate to all of them at once (so that an accepted change of one environment is not reported as
 * unused by another). An environment on one side only is reported, never compared with another.
 */
public final class Check {

    private final Consumer<String> stageDone;

    public Check() {
        this(stage -> { });
    }

    /** @param stageDone told the name of each stage as it ends (reading both versions, comparing), for timings */
    public Check(Consumer<String> stageDone) {
        this.stageDone = stageDone;
    }

    public CheckResult run(CheckRequest request) {
        Gate gate = new Gate(request.failPolicy(), request.today());
        KubernetesObjects objects = new KubernetesObjects();
        Baseline baseline = request.baseline() instanceof BaselineOutcome.Found found ? found.baseline() : null;
        // most files of the two versions are the same: each content is parsed once, or not at all when kept
        ParsedFiles parsed = new ParsedFiles(request.parseStore());
        // ... and each document of the same tree is read and checked once, by whichever version reaches it first
        SharedReading shared = new SharedReading(parsed);
        // the baseline loads and validates on another core while this thread does the current version
        Map<String, CompletableFuture<ReadVersion>> oldLoads = new LinkedHashMap<>();
        for (SourceEnvironment env : request.environments()) {
            // the plain sources' baseline may come parsed from the bundle cache (Baseline.load)
            request.baselineFiles(env.name()).ifPresent(files -> oldLoads.put(env.key(),
                    CompletableFuture.supplyAsync(() -> env.name() == null
                            ? ReadVersion.of(baseline.load(parsed), request.defaultNamespace(), objects, request.channel(),
                                    shared.baseline())
                            : ReadVersion.of(files, request.defaultNamespace(), objects, request.channel(),
                                    shared.baseline()))));
        }
        List<Finding> errors = new ArrayList<>();
        Map<String, ReadVersion> currentReads = new LinkedHashMap<>();
        for (SourceEnvironment env : request.environments()) {
            ReadVersion read = request.currentReads().containsKey(env.key()) ? request.currentReads().get(env.key())
                    : ReadVersion.of(env.files(), request.defaultNamespace(), objects, request.channel(),
                            shared.current());
            currentReads.put(env.key(), read);
            List<Finding> blocking = new ArrayList<>(env.sources().problems());
            blocking.addAll(read.blockingErrors());
            errors.addAll(env.annotate(blocking));
        }
        String environments = summaryText(request.environments());
        if (baseline == null) {
            errors.add(noBaseline(request));
            GateResult r = gate.decide(errors, request.accepted());
            return new CheckResult(r.passed(), r.findings(), Map.of(), List.of(),
                    summary(r, request.baseline() instanceof BaselineOutcome.NotRequested
                            ? "no baseline (netpol.baseline=none)" : "no baseline") + environments);
        }
        String prefix = "baseline " + baseline.description() + ": ";
        Map<String, ReadVersion> oldReads = new LinkedHashMap<>();
        for (SourceEnvironment env : request.environments()) {
            CompletableFuture<ReadVersion> load = oldLoads.get(env.key());
            if (load != null) {
                ReadVersion old = load.join();
                oldReads.put(env.key(), old);
                errors.addAll(env.annotate(old.blockingErrors().stream()
                        .map(f -> f.prefixed(prefix)).toList()));
            }
        }
        String contents = parsed.summary();
        stageDone.accept("both versions read and validated" + (contents.isEmpty() ? "" : " (file contents: " + contents + ")"));
        if (!errors.isEmpty()) {
            GateResult r = gate.decide(errors, request.accepted());
            return new CheckResult(false, r.findings(), baseline.describe(), List.of(),
                    summary(r, baseline.description()) + environments
                            + "; the manifests must load and validate before they can be compared");
        }
        List<Finding> findings = new ArrayList<>();
        Map<String, String> digests = new LinkedHashMap<>();
        List<String> units = new ArrayList<>();
        for (SourceEnvironment env : request.environments()) {
            ReadVersion old = oldReads.get(env.key());
            if (old == null) {
                findings.add(added(env.name(), baseline, request.failIfNoBaseline()));
                continue;
            }
            DiffResult diff = new VersionDiff(request.analysis(), request.acceptedFile(), request.today(), env.name())
                    .compare(old.set(), currentReads.get(env.key()).set());
            List<SourceFile> both = new ArrayList<>(env.files());
            both.addAll(request.baselineFiles(env.name()).orElse(List.of()));
            findings.addAll(SourceEnvironment.annotate(env.name(), diff.findings(), () -> SourceEnvironment.origins(both)));
            digests.putAll(diff.objectDigests());
            diff.units().forEach(u -> units.add(SourceEnvironment.unit(env.name(), u)));
        }
        findings.addAll(removed(request.environments(), baseline));
        GateResult r = gate.decide(findings, digests, request.accepted());
        stageDone.accept("analysis, comparison and verdict");
        return new CheckResult(r.passed(), r.findings(), baseline.describe(), units,
                summary(r, baseline.description()) + perEnvironment(r, request.environments()));
    }

    /** An environment the baseline does not have: nothing to compare it with, and not a widening of another. */
    private static Finding added(String name, Baseline baseline, boolean failIfNoBaseline) {
        String which = name == null ? "The plain sources have" : "Environment " + name + " has";
        String message = which + " no counterpart in the baseline " + baseline.description() + (baseline.environments()
                .isEmpty() ? "" : " (it has " + baseline.environments().stream().map(RenderedFiles::name)
                .collect(Collectors.joining(", ")) + ")") + ", so " + (name == null ? "they are" : "it is") + " not"
                + " compared this time: a new environment is not a widening of another."
                + (failIfNoBaseline ? " netpol.failIfNoBaseline=true makes this an error." : " If it was renamed, keep"
                + " its old name so that it is compared.");
        return Finding.of(FindingCode.ENVIRONMENT_ADDED, message).withId(FindingCode.ENVIRONMENT_ADDED.id()
                        + (name == null ? "" : "/" + name)).inEnvironment(name)
                .withSeverity(failIfNoBaseline ? Severity.ERROR : Severity.WARNING);
    }

    /** Environments of the baseline that the current sources no longer have. */
    private static List<Finding> removed(List<SourceEnvironment> current, Baseline baseline) {
        Set<String> names = current.stream().map(SourceEnvironment::key).collect(Collectors.toSet());
        List<Finding> out = new ArrayList<>();
        if (!names.contains("") && !baseline.files().isEmpty()) {
            out.add(Finding.of(FindingCode.ENVIRONMENT_REMOVED, "The baseline " + baseline.description() + " has "
                    + baseline.files().size() + " plain manifest file(s), and the current build reads no plain sources,"
                    + " so they are not compared. If they moved into a rendered environment, that environment is"
                    + " compared from the next release on."));
        }
        for (RenderedFiles env : baseline.environments()) {
            if (!names.contains(env.name())) {
                out.add(Finding.of(FindingCode.ENVIRONMENT_REMOVED, "Environment " + env.name() + " of the baseline "
                        + baseline.description() + " (rendered from " + env.source() + ") is not rendered any more, so it"
                        + " is not compared. If it was renamed, keep its old name so that it is compared.")
                        .withId(FindingCode.ENVIRONMENT_REMOVED.id() + "/" + env.name()).inEnvironment(env.name()));
            }
        }
        return out;
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

    private static String summaryText(List<SourceEnvironment> environments) {
        return SourceEnvironment.summaryText(environments);
    }

    /** With rendered environments, what each one found: {@code " (prod: 1 widening; staging: no widening)"}. */
    private static String perEnvironment(GateResult r, List<SourceEnvironment> environments) {
        if (environments.stream().allMatch(e -> e.name() == null)) {
            return "";
        }
        Set<String> seen = new TreeSet<>();
        List<String> parts = new ArrayList<>();
        for (SourceEnvironment env : environments) {
            if (!seen.add(env.key())) {
                continue;
            }
            List<Finding> own = r.findings().stream().filter(f -> java.util.Objects.equals(f.environment(), env.name()))
                    .toList();
            parts.add((env.name() == null ? "plain sources" : env.name()) + ": " + counts(own, r.passed()));
        }
        return " (" + String.join("; ", parts) + ")";
    }

    private static String summary(GateResult r, String against) {
        return "netpol check " + (r.passed() ? "passed" : "FAILED") + " against " + against + ": "
                + counts(r.findings(), r.passed()) + (r.accepted() > 0 ? " (" + r.accepted() + " accepted)" : "");
    }

    private static String counts(List<Finding> findings, boolean passed) {
        Map<FindingCode.Change, Integer> counts = new EnumMap<>(FindingCode.Change.class);
        for (Finding f : findings) {
            f.code().change().ifPresent(c -> counts.merge(c, 1, Integer::sum));
        }
        long errors = findings.stream().filter(f -> f.severity() == Severity.ERROR && f.code().change().isEmpty()).count();
        if (counts.isEmpty() && errors == 0) {
            return "no widening";
        }
        List<String> parts = new ArrayList<>();
        counts.forEach((k, v) -> parts.add(v + " " + word(k, v)));
        if (errors > 0) {
            parts.add(errors + " error" + (errors == 1 ? "" : "s"));
        }
        return String.join(", ", parts);
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
