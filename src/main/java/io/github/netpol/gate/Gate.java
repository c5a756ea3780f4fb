package io.github.netpol.gate;

import io.github.netpol.finding.Finding;
import io.github.netpol.finding.FindingCode;
import io.github.netpol.finding.Severity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Decides the check: which findings fail the build, which are accepted, which entries are stale. */
public final class Gate {

    private final FailPolicy policy;
    private final LocalDate today;

    public Gate(FailPolicy policy, LocalDate today) {
        this.policy = policy;
        this.today = today;
    }

    /**
     * @param findings the diff's findings (codes with a {@link FindingCode#change()}) and any errors met on the way
     *                 (loading or validation errors of either version), which always fail
     */
    public GateResult decide(List<Finding> findings, AcceptedChanges accepted) {
        return decide(findings, Map.of(), accepted);
    }

    /**
     * @param objectDigests by finding id, the digest of the one object a finding is about: an entry accepts such a
     *                      finding only with the same digest
     */
    public GateResult decide(List<Finding> findings, Map<String, String> objectDigests, AcceptedChanges accepted) {
        List<Finding> out = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (Finding f : findings) {
            Optional<FindingCode.Change> change = f.code().change();
            if (change.isEmpty()) {
                out.add(f);
                continue;
            }
            if (!policy.fails(change.get())) {
                Severity s = change.get() == FindingCode.Change.NARROWING ? Severity.INFO : Severity.WARNING;
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
            String digest = objectDigests.get(f.id());
            if (digest != null && !digest.equals(entry.get().digest())) {
                out.add(withNote(failing, " The object changed since it was accepted at " + entry.get().location()
                        + " (accepted: " + (entry.get().digest() == null ? "no digest" : entry.get().digest()) + ", now: "
                        + digest + "); review it again and put the new digest in the entry."));
            } else if (entry.get().expiredOn(today)) {
                out.add(withNote(failing, " The acceptance at " + entry.get().location() + " expired on "
                        + entry.get().expires() + "; extend it with a new reason or fix the policy."));
            } else {
                out.add(failing.accept(entry.get().reason()));
            }
        }
        out.addAll(accepted.problems());
        for (AcceptedChange e : accepted.entries()) {
            if (!used.contains(e.id())) {
                out.add(Finding.of(FindingCode.UNUSED_ACCEPTANCE, "accepted entry " + e.id()
                        + " matches no finding of this check; remove it"
                        + (e.expiredOn(today) ? " (it expired on " + e.expires() + ")" : "")).at(e.location()));
            }
        }
        boolean passed = out.stream().noneMatch(Gate::failsBuild);
        return new GateResult(passed, out);
    }

    /** The failing finding with why its acceptance does not hold. */
    private static Finding withNote(Finding f, String note) {
        return f.prefixed(note.strip() + " ").withSeverity(Severity.ERROR);
    }

    static boolean failsBuild(Finding f) {
        return f.severity() == Severity.ERROR && !f.accepted();
    }
}
