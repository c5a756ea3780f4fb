package io.github.netpol.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.netpol.finding.Endpoint;
import io.github.netpol.finding.NamedPort;
import io.github.netpol.finding.Witness;
import io.github.netpol.model.JsonText;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A witness in SARIF is what Jackson's bean serialization of the {@link Witness} record (maps sorted) made of it,
 * the pod's declared workload included, also when it has none.
 */
class WitnessJsonTest {

    private static final ObjectMapper BEFORE = new ObjectMapper()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).enable(SerializationFeature.INDENT_OUTPUT);

    @Test
    void sameMembersInTheSameOrder() throws Exception {
        Endpoint.Pod pod = new Endpoint.Pod("payments", Map.of("team", "a", "kubernetes.io/metadata.name", "payments"),
                Map.of("tier", "db", "app", "pg", "zone", "x"), List.of(new NamedPort("postgres", "TCP", 5432),
                new NamedPort("metrics", "TCP", 9187)));
        Endpoint.Pod bare = new Endpoint.Pod("other", Map.of(), Map.of(), List.of());
        for (Witness w : List.of(new Witness(pod, bare, "TCP", 5432), new Witness(new Endpoint.Ip("10.0.0.1"), pod, "UDP", 53),
                new Witness(bare, new Endpoint.Ip("2001:db8::1"), "SCTP", 1),
                new Witness(new Endpoint.Pod("shop", Map.of(), Map.of("app", "web"), List.of(), "shop/Deployment/web"),
                        bare, "TCP", 8080))) {
            assertThat(JsonText.pretty(JsonReportWriter.witness(w, true))).isEqualTo(BEFORE.writeValueAsString(w));
        }
    }
}
