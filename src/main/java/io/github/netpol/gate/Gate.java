package io.github.netpol.gate;

import io.github.netpol.diff.ChangeKind;
import io.github.netpol.finding.Finding;
import io.github.netpol.finding.Severity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Decides the check: which findings fail the build, which are accepted, which entries are stale. */
public final class Gate {

    public static final String UNUSED_ACCEPTANCE = "unused-acceptance";

    private final FailPolicy policy;
    private final LocalDate today;

    public Gate(FailPolicy policy, LocalDate today) {
        this.policy = policy;
        this.today = today;
    }

    /**
     * @param findings the diff's findings (kinds of {@link ChangeKind}) and any errors met on the way
     *                 (loading or validation errors of either version), which always fail
     */
    public GateResult decide(List<Finding> findings, AcceptedChanges accepted) {
        List<Finding> out = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (Finding f : findings) {
            Optional<ChangeKind> kind = ChangeKind.of(f.kind());
            if (kind.isEmpty()) {
                out.add(f);
                continue;
            }
            if (!policy.fails(kind.get())) {
                Severity s = kind.get().category() == ChangeKind.Category.NARROWING ? Severity.INFO : Severity.WARNING;
                out.add(f.withSeverity(s));
                accepted.find(f.id()).ifPresent(e -> used.add(e.id()));
                continue;
            }
            Finding failing = f.withSeverity(Severity.ERROR);
            Optional<AcceptedChange> entry = accepted.find(f.id());
            if (entry.isEmpty()) {
                out.add(failing);
                continue;
            }
            used.add(entry.get().id());
            if (entry.get().expiredOn(today)) {
                out.add(new Finding(failing.id(), failing.kind(), Severity.ERROR,
                        failing.message() + " The acceptance at " + entry.get().location() + " expired on "
                                + entry.get().expires() + "; extend it with a new reason or fix the policy.",
                        failing.namespace(), failing.direction(), failing.location(), false, null,
                        failing.effective(), failing.witness()));
            } else {
                out.add(failing.accept(entry.get().reason()));
            }
        }
        out.addAll(accepted.problems());
        for (AcceptedChange e : accepted.entries()) {
            if (!used.contains(e.id())) {
                out.add(new Finding(UNUSED_ACCEPTANCE, UNUSED_ACCEPTANCE, Severity.WARNING,
                        "accepted entry " + e.id() + " matches no finding of this check; remove it"
                                + (e.expiredOn(today) ? " (it expired on " + e.expires() + ")" : ""),
                        null, null, e.location(), false, null, null, null));
            }
        }
        boolean passed = out.stream().noneMatch(Gate::failsBuild);
        return new GateResult(passed, out);
    }

    static boolean failsBuild(Finding f) {
        return f.severity() == Severity.ERROR && !f.accepted();
    }
}
