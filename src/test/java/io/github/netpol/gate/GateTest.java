package io.github.netpol.gate;

import io.github.netpol.finding.Finding;
import io.github.netpol.finding.FindingCode;
import io.github.netpol.finding.Severity;
import io.github.netpol.finding.SourcePosition;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GateTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);
    private final Gate gate = new Gate(FailPolicy.parse(List.of("widening", "isolation")), TODAY);

    @Test
    void aWideningFailsAndANarrowingDoesNot() {
        GateResult r = gate.decide(List.of(change("WIDENED_INGRESS", "WIDENED_INGRESS/shop/a"),
                change("NARROWED_EGRESS", "NARROWED_EGRESS/shop/b")), AcceptedChanges.none());
        assertThat(r.passed()).isFalse();
        assertThat(r.findings()).extracting(Finding::severity).containsExactly(Severity.ERROR, Severity.INFO);
        assertThat(r.failing()).isEqualTo(1);
    }

    @Test
    void anAcceptedWideningPassesAndStaysReported() {
        GateResult r = gate.decide(List.of(change("WIDENED_INGRESS", "WIDENED_INGRESS/shop/a")),
                accepted(new AcceptedChange("WIDENED_INGRESS/shop/a", "intended", LocalDate.of(2027, 1, 1), at(2))));
        assertThat(r.passed()).isTrue();
        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.accepted()).isTrue();
            assertThat(f.acceptedReason()).isEqualTo("intended");
        });
    }

    @Test
    void anAcceptanceIsValidOnItsExpiryDayAndNotAfter() {
        Finding w = change("ISOLATION_DROPPED", "ISOLATION_DROPPED/shop/deny");
        assertThat(gate.decide(List.of(w), accepted(new AcceptedChange(w.id(), "r", TODAY, at(2)))).passed()).isTrue();
        GateResult expired = gate.decide(List.of(w), accepted(new AcceptedChange(w.id(), "r", TODAY.minusDays(1), at(7))));
        assertThat(expired.passed()).isFalse();
        assertThat(expired.findings()).singleElement().satisfies(f -> {
            assertThat(f.accepted()).isFalse();
            assertThat(f.message()).contains("expired on 2026-11-25").contains("acc.yaml:7:3");
        });
    }

    @Test
    void anEntryThatMatchesNothingIsAWarning() {
        GateResult r = gate.decide(List.of(), accepted(new AcceptedChange("WIDENED_EGRESS/x/y", "old", null, at(4))));
        assertThat(r.passed()).isTrue();
        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.kind()).isEqualTo(FindingCode.UNUSED_ACCEPTANCE.id());
            assertThat(f.location().line()).isEqualTo(4);
        });
    }

    @Test
    void failOnSelectsTheCategories() {
        List<Finding> both = List.of(change("WIDENED_INGRESS", "WIDENED_INGRESS/a/b"), change("ISOLATION_DROPPED", "ISOLATION_DROPPED/a/b"));
        assertThat(new Gate(FailPolicy.parse(List.of("isolation")), TODAY).decide(both, AcceptedChanges.none()).failing()).isEqualTo(1);
        GateResult none = new Gate(FailPolicy.parse(List.of("none")), TODAY).decide(both, AcceptedChanges.none());
        assertThat(none.passed()).isTrue();
        assertThat(none.findings()).extracting(Finding::severity).containsOnly(Severity.WARNING);
        assertThatThrownBy(() -> FailPolicy.parse(List.of("widen"))).hasMessageContaining("'widen'");
    }

    @Test
    void unsupportedKindsAndErrorsFailClosed() {
        Finding unsupported = change("UNSUPPORTED_POLICY_KIND", "UNSUPPORTED_POLICY_KIND/shop/cnp");
        assertThat(new Gate(FailPolicy.parse(List.of("widening")), TODAY).decide(List.of(unsupported), AcceptedChanges.none()).passed()).isFalse();
        Finding loadError = Finding.of(FindingCode.YAML_SYNTAX, "bad").at(at(1));
        assertThat(gate.decide(List.of(loadError), AcceptedChanges.none()).passed()).isFalse();
        AcceptedChanges broken = new AcceptedChanges(List.of(), List.of(Finding.of(FindingCode.ACCEPTED_FILE, "x").at(at(1))));
        assertThat(gate.decide(List.of(), broken).passed()).isFalse();
    }

    @Test
    void anAcceptedObjectPassesOnlyWhileItIsTheObjectThatWasAccepted() {
        String id = "UNSUPPORTED_POLICY_KIND/cluster/AdminNetworkPolicy/allow-all";
        String reviewed = "sha256:" + "a".repeat(64);
        String changed = "sha256:" + "b".repeat(64);
        Finding f = change("UNSUPPORTED_POLICY_KIND", id);
        AcceptedChanges entry = accepted(new AcceptedChange(id, "reviewed", TODAY.plusDays(30), reviewed, at(2)));

        assertThat(gate.decide(List.of(f), Map.of(id, reviewed), entry).passed()).isTrue();

        GateResult r = gate.decide(List.of(f), Map.of(id, changed), entry);
        assertThat(r.passed()).isFalse();
        assertThat(r.findings()).singleElement().satisfies(x -> {
            assertThat(x.accepted()).isFalse();
            assertThat(x.message()).contains("The object changed since it was accepted at acc.yaml:2:3 (accepted: "
                    + reviewed + ", now: " + changed + "); review it again and put the new digest in the entry.");
        });
        // the entry matched the finding's id: it is not reported as unused on top
        assertThat(r.findings()).extracting(Finding::kind).doesNotContain(FindingCode.UNUSED_ACCEPTANCE.id());

        AcceptedChanges withoutDigest = accepted(new AcceptedChange(id, "reviewed", TODAY.plusDays(30), at(2)));
        assertThat(gate.decide(List.of(f), Map.of(id, reviewed), withoutDigest).passed()).isFalse();
    }

    private static Finding change(String kind, String id) {
        return Finding.of(FindingCode.valueOf(kind), kind + " happened.").withId(id).withSeverity(Severity.ERROR)
                .withNamespace("shop").at(at(10));
    }

    private static AcceptedChanges accepted(AcceptedChange... entries) {
        return new AcceptedChanges(List.of(entries), List.of());
    }

    private static SourcePosition at(int line) {
        return new SourcePosition("acc.yaml", line, 3);
    }
}
