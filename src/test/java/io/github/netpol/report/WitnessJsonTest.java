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
 * the pod's declared workload included, also when it has none; the facts an example of a tier policy's finding
 * assumes only when it has them.
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
            assertThat(JsonText.pretty(JsonReportWriter.witness(w, true))).isEqualTo(before(w));
        }
    }

    /**
     * Jackson's bean serialization without the facts an example states only where tier policies leave them open
     * (a pod's IP, an address's node labels, DNS names), which a witness carries only when it has them.
     */
    private static String before(Witness w) throws Exception {
        com.fasterxml.jackson.databind.node.ObjectNode tree = BEFORE.valueToTree(w);
        for (String end : List.of("source", "destination")) {
            com.fasterxml.jackson.databind.node.ObjectNode e = (com.fasterxml.jackson.databind.node.ObjectNode) tree.get(end);
            if (e.path("ip").isNull()) {
                e.remove("ip");
            }
            e.remove(List.of("nodeLabels", "domainNames", "node"));
        }
        tree.remove("facts"); // written as "assuming", and only when the example assumes some
        return BEFORE.writeValueAsString(tree);
    }

    @Test
    void theFactsAnExampleAssumesAreWrittenWhenItHasSome() {
        Witness w = new Witness(new Endpoint.Pod("shop", Map.of(), Map.of(), List.of()), new Endpoint.Ip("10.0.0.1"),
                "TCP", 443, Map.of("address-kind", "node", "same-node", "no"));
        assertThat(JsonReportWriter.witness(w, false)).containsEntry("assuming",
                new java.util.TreeMap<>(Map.of("address-kind", "node", "same-node", "no")));
        assertThat(JsonReportWriter.witness(new Witness(w.source(), w.destination(), "TCP", 443), false))
                .doesNotContainKey("assuming");
    }
}
