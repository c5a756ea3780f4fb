package io.github.netpol.model;

import io.github.netpol.finding.SourcePosition;
import io.github.netpol.load.ManifestLoader;
import io.github.netpol.load.RawDocument;
import io.github.netpol.load.SourceFile;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SourceMapTest {

    private static final String YAML = """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: web
              labels: {a/b: x, "c~d": y}
            spec:
              podSelector: {}
              ingress:
              - from:
                - podSelector:
                    matchLabels: {app: api}
            """;

    private static RawDocument load() {
        return new ManifestLoader().load(List.of(new SourceFile("p.yaml", YAML.getBytes(StandardCharsets.UTF_8))))
                .documents().get(0);
    }

    @Test
    void everyNodeHasItsPositionAndAbsentFieldsFallBackToTheirNearestAncestor() {
        SourceMap map = new SourceMap(load().positions());
        assertThat(map.file()).isEqualTo("p.yaml");
        assertThat(map.at("")).hasToString("p.yaml:1:1");
        assertThat(map.at("/metadata/name")).hasToString("p.yaml:4:3");
        assertThat(map.at("/metadata/labels/a~1b")).hasToString("p.yaml:5:12");
        assertThat(map.at("/metadata/labels/c~0d")).hasToString("p.yaml:5:20");
        assertThat(map.at("/spec/ingress/0")).hasToString("p.yaml:9:5");
        assertThat(map.at("/spec/ingress/0/from/0/podSelector/matchLabels/app")).hasToString("p.yaml:11:23");
        assertThat(map.at("/spec/ingress/0/ports/0/port")).as("absent: its nearest ancestor").hasToString("p.yaml:9:5");
        assertThat(map.at("/spec/egress")).hasToString("p.yaml:6:1");
        assertThat(map.at("/nothing/at/all")).hasToString("p.yaml:1:1");
        assertThat(map.has("/spec/podSelector")).isTrue();
        assertThat(map.has("/spec/egress")).isFalse();
        assertThat(map.positions()).hasSize(17).containsEntry("/kind", new SourcePosition("p.yaml", 2, 1));
    }

    @Test
    void aMapBuiltByHandEqualsTheLoadedOneWithTheSamePositions() {
        SourceMap loaded = new SourceMap(load().positions());
        Map<String, SourcePosition> reversed = new LinkedHashMap<>();
        List<Map.Entry<String, SourcePosition>> entries = List.copyOf(loaded.positions().entrySet());
        for (int i = entries.size() - 1; i >= 0; i--) {
            reversed.put(entries.get(i).getKey(), entries.get(i).getValue());
        }
        SourceMap byHand = new SourceMap("p.yaml", reversed);
        assertThat(byHand).isEqualTo(loaded).hasSameHashCodeAs(loaded);
        assertThat(byHand.at("/spec/ingress/0/from")).isEqualTo(loaded.at("/spec/ingress/0/from"));
        reversed.put("/kind", new SourcePosition("p.yaml", 2, 2));
        assertThat(new SourceMap("p.yaml", reversed)).isNotEqualTo(loaded);
        assertThat(new SourceMap("q.yaml", Map.of())).isNotEqualTo(new SourceMap("p.yaml", Map.of()));
    }

    @Test
    void anEmptyMapPointsAtTheStartOfItsFile() {
        SourceMap empty = new SourceMap("e.yaml", Map.of());
        assertThat(empty.at("/spec")).isEqualTo(new SourcePosition("e.yaml", 1, 1));
        assertThat(empty.has("")).isFalse();
    }

    @Test
    void positionsMustBeInTheMapsFile() {
        assertThatThrownBy(() -> new SourceMap("a.yaml", Map.of("/x", new SourcePosition("b.yaml", 1, 1))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
