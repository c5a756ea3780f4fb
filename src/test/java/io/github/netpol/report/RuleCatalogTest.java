package io.github.netpol.report;

import io.github.netpol.finding.RuleDescription;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RuleCatalogTest {

    @Test
    void describesAnUnknownKindFromItsName() {
        RuleDescription description = RuleCatalog.empty().describe("invalid-label-value");

        assertThat(description.id()).isEqualTo("invalid-label-value");
        assertThat(description.shortDescription()).isEqualTo("Invalid label value");
        assertThat(description.fullDescription()).contains("(invalid-label-value)");
    }

    @Test
    void suppliedDescriptionsOverrideBuiltInOnes() {
        RuleDescription mine = new RuleDescription("WIDENED_INGRESS", "mine", "full", "help");

        assertThat(RuleCatalog.standard().describe("WIDENED_INGRESS").shortDescription())
                .isEqualTo("A policy change allows new incoming connections");
        assertThat(RuleCatalog.standard().with(Map.of("WIDENED_INGRESS", mine)).describe("WIDENED_INGRESS")).isSameAs(mine);
    }
}
