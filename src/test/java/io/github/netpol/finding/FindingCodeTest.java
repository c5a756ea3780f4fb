package io.github.netpol.finding;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The catalogue of finding codes: one entry a code, each documented, ids built from the patterns. */
class FindingCodeTest {

    @Test
    void idsAreUniqueAndEveryCodeIsDocumented() {
        Set<String> ids = new HashSet<>();
        for (FindingCode code : FindingCode.values()) {
            assertThat(ids.add(code.id())).as("%s is listed once", code.id()).isTrue();
            assertThat(code.idPattern()).as("pattern of %s", code).startsWith(code.group() == FindingCode.Group.ASSERTION
                    && code != FindingCode.ASSERTION_FILE ? "{" : code.id());
            assertThat(code.title()).as("title of %s", code).isNotBlank().doesNotEndWith(".");
            assertThat(code.description()).as("description of %s", code).isNotBlank().endsWith(".");
            assertThat(code.help()).as("help of %s", code).isNotBlank();
            assertThat(FindingCode.byId(code.id())).hasValue(code);
            assertThat(code.change().isPresent()).as("%s has a change exactly when it is one", code)
                    .isEqualTo(code.group() == FindingCode.Group.CHANGE);
        }
    }

    @Test
    void everyChangeTheDiffReportsIsCataloguedAndNothingElse() {
        assertThat(FindingCode.of(FindingCode.Group.CHANGE)).extracting(FindingCode::id).containsExactly(
                "WIDENED_INGRESS", "WIDENED_EGRESS", "WIDENED_CONNECTION", "ISOLATION_DROPPED", "NARROWED_INGRESS",
                "NARROWED_EGRESS", "ISOLATION_ADDED", "UNSUPPORTED_POLICY_KIND");
        assertThat(FindingCode.byId("NARROWED_CONNECTION")).isEmpty();
        assertThat(FindingCode.ISOLATION_ADDED.handling()).isEqualTo(FindingCode.Handling.INFORMATION);
        assertThat(FindingCode.WIDENED_INGRESS.handling()).isEqualTo(FindingCode.Handling.ACCEPT);
    }

    @Test
    void findingIdsAreBuiltFromThePattern() {
        assertThat(FindingCode.WIDENED_INGRESS.findingId("payments", "allow-api")).isEqualTo("WIDENED_INGRESS/payments/allow-api");
        assertThat(FindingCode.WIDENED_CONNECTION.findingId("shop/Deployment/web", "payments/Deployment/db"))
                .isEqualTo("WIDENED_CONNECTION/shop/Deployment/web->payments/Deployment/db");
        assertThat(FindingCode.ASSERTION_FAILED.findingId("web reaches $db")).isEqualTo("web reaches $db");
        assertThat(FindingCode.INVALID_CIDR.findingId()).isEqualTo("invalid-cidr");
        assertThatThrownBy(() -> FindingCode.WIDENED_INGRESS.findingId("payments")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FindingCode.INVALID_CIDR.findingId("x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFindingIsBuiltByName() {
        Finding f = Finding.of(FindingCode.NON_CANONICAL_CIDR, "m").at(new SourcePosition("a.yaml", 3, 4))
                .withNamespace("shop").withDirection(Direction.EGRESS);
        assertThat(f.id()).isEqualTo("non-canonical-cidr");
        assertThat(f.kind()).isEqualTo("non-canonical-cidr");
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.consoleLine()).isEqualTo("a.yaml:3:4: warning: m [non-canonical-cidr]");
        assertThat(f.withSeverity(Severity.ERROR).accept("why").consoleLine())
                .isEqualTo("a.yaml:3:4: error: m (accepted: why) [non-canonical-cidr]");
    }
}
