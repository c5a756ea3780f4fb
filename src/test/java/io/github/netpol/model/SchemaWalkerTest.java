package io.github.netpol.model;

import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SchemaWalkerTest {

    private final SchemaWalker walker = new SchemaWalker();

    @Test
    void reportsUnknownFieldsAndWrongTypesWithTheirPointersAndTheKnownFieldsInNameOrder() {
        Map<String, Object> podSelector = new LinkedHashMap<>();
        podSelector.put("matchLabels", Map.of("a/b", 1));
        Map<String, Object> peer = new LinkedHashMap<>();
        peer.put("podSelector", podSelector);
        peer.put("colour", "red");
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("ingress", List.of(Map.of("from", List.of(peer))));
        spec.put("policyTypes", "Ingress");
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("spec", spec);
        raw.put("status", Map.of());
        List<String> reports = new ArrayList<>();
        walker.walk(NetworkPolicy.class, raw, "/items/0", new SchemaWalker.Visitor() {
            @Override
            public void unknownField(String pointer, String field, Set<String> knownFields) {
                reports.add("unknown " + pointer + " " + field + " " + knownFields);
            }

            @Override
            public void wrongType(String pointer, String expected, Object actual) {
                reports.add("wrong " + pointer + " " + expected + " " + actual);
            }
        });
        assertThat(reports).containsExactly(
                "wrong /items/0/spec/ingress/0/from/0/podSelector/matchLabels/a~1b a string 1",
                "unknown /items/0/spec/ingress/0/from/0/colour colour [ipBlock, namespaceSelector, podSelector]",
                "wrong /items/0/spec/policyTypes a list Ingress",
                "unknown /items/0/status status [apiVersion, kind, metadata, spec]");
    }
}
