package io.github.netpol.gate;

import io.github.netpol.finding.Finding;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class AcceptedChangesReaderTest {

    private final AcceptedChangesReader reader = new AcceptedChangesReader();

    @Test
    void readsEntriesWithTheirLines() {
        AcceptedChanges a = reader.read("netpol-accepted.yaml", """
                accepted:
                  - id: WIDENED_INGRESS/payments/allow-api
                    reason: "Checkout calls payments directly (PAY-142)"
                    expires: 2027-03-31
                  - id: ISOLATION_DROPPED/shop/default-deny
                    reason: moving to mesh policies
                """);
        assertThat(a.problems()).isEmpty();
        assertThat(a.entries()).hasSize(2);
        AcceptedChange first = a.entries().get(0);
        assertThat(first.id()).isEqualTo("WIDENED_INGRESS/payments/allow-api");
        assertThat(first.expires()).isEqualTo(LocalDate.of(2027, 3, 31));
        assertThat(first.location().line()).isEqualTo(2);
        assertThat(a.entries().get(1).expires()).isNull();
        assertThat(a.entries().get(1).location().line()).isEqualTo(5);
    }

    @Test
    void emptyFileAcceptsNothing() {
        assertThat(reader.read("a.yaml", "").entries()).isEmpty();
        assertThat(reader.read("a.yaml", "").problems()).isEmpty();
    }

    @Test
    void everyMistakeIsAnErrorAtItsLine() {
        AcceptedChanges a = reader.read("acc.yaml", """
                accepted:
                  - id: A
                  - reason: no id
                  - id: B
                    reason: ok
                    expires: next tuesday
                  - id: C
                    reason: ok
                    expire: 2027-01-01
                  - id: C
                    reason: again
                """);
        assertThat(a.problems()).extracting(Finding::message).anySatisfy(m -> assertThat(m).contains("A has no reason"))
                .anySatisfy(m -> assertThat(m).contains("without an id"))
                .anySatisfy(m -> assertThat(m).contains("must be a date like 2027-03-31"))
                .anySatisfy(m -> assertThat(m).contains("unknown field 'expire'"))
                .anySatisfy(m -> assertThat(m).contains("C is listed twice"));
        assertThat(a.problems()).extracting(f -> f.location().line()).contains(2, 3, 6, 9, 10);
        assertThat(a.entries()).extracting(AcceptedChange::id).containsExactly("C");
    }

    private static final String DIGEST = "sha256:" + "0123456789abcdef".repeat(4);

    @Test
    void anEntryForOneObjectNeedsItsDigestAndAnExpiryAndOnlySuchAnEntryHasADigest() {
        AcceptedChanges a = reader.read("acc.yaml", """
                accepted:
                  - id: UNSUPPORTED_POLICY_KIND/cluster/AdminNetworkPolicy/ok
                    digest: %1$s
                    reason: reviewed
                    expires: 2027-01-31
                  - id: UNSUPPORTED_POLICY_KIND/cluster/AdminNetworkPolicy/no-digest
                    reason: reviewed
                    expires: 2027-01-31
                  - id: UNSUPPORTED_POLICY_KIND/cluster/AdminNetworkPolicy/no-expiry
                    digest: %1$s
                    reason: reviewed
                  - id: UNSUPPORTED_POLICY_KIND/shop/CiliumNetworkPolicy/bad-digest
                    digest: md5:abc
                    reason: reviewed
                    expires: 2027-01-31
                  - id: WIDENED_INGRESS/shop/api
                    digest: %1$s
                    reason: a change carries no digest
                """.formatted(DIGEST));
        assertThat(a.entries()).singleElement().satisfies(e -> {
            assertThat(e.id()).isEqualTo("UNSUPPORTED_POLICY_KIND/cluster/AdminNetworkPolicy/ok");
            assertThat(e.digest()).isEqualTo(DIGEST);
        });
        assertThat(a.problems()).extracting(f -> f.location().line() + " " + f.message()).containsExactly(
                "6 acc.yaml: accepted entry UNSUPPORTED_POLICY_KIND/cluster/AdminNetworkPolicy/no-digest accepts one object"
                        + " and needs its digest as printed in the finding (digest: sha256:<64 hex digits>)",
                "9 acc.yaml: accepted entry UNSUPPORTED_POLICY_KIND/cluster/AdminNetworkPolicy/no-expiry accepts one object"
                        + " and needs an expires date (e.g. expires: 2027-03-31), after which it is reviewed again",
                "12 acc.yaml: accepted entry UNSUPPORTED_POLICY_KIND/shop/CiliumNetworkPolicy/bad-digest accepts one object"
                        + " and needs its digest as printed in the finding (digest: sha256:<64 hex digits>), not 'md5:abc'",
                "16 acc.yaml: accepted entry WIDENED_INGRESS/shop/api has a digest, but only an entry for a finding about"
                        + " one object (UNSUPPORTED_POLICY_KIND) carries one; remove it");
    }

    @Test
    void brokenYamlIsAnErrorNotAnException() {
        AcceptedChanges a = reader.read("acc.yaml", "accepted:\n  - id: [\n");
        assertThat(a.problems()).singleElement().satisfies(f -> {
            assertThat(f.message()).contains("not valid YAML");
            assertThat(f.location().file()).isEqualTo("acc.yaml");
        });
        assertThat(reader.read("acc.yaml", "- just a list\n").problems()).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("top-level 'accepted:'"));
    }
}
