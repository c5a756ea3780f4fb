package io.github.netpol.model;

import io.github.netpol.load.SourceFile;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A typed list as the API server returns it ({@code PodList}): items carry no apiVersion and kind. */
class TypedListTest {

    private static ManifestSet read(String yaml) {
        return new ManifestReader().read(List.of(new SourceFile("list.yaml", yaml.getBytes(StandardCharsets.UTF_8))), "default");
    }

    @Test
    void itemsOfATypedListTakeTheListsKind() {
        ManifestSet set = read("""
                apiVersion: v1
                kind: PodList
                items:
                - metadata: {name: web, namespace: shop, labels: {app: web}}
                  spec: {containers: [{name: c, image: i, ports: [{name: http, containerPort: 8080}]}]}
                - apiVersion: v1
                  kind: Namespace
                  metadata: {name: shop}
                """);
        assertThat(set.problems()).isEmpty();
        assertThat(set.workloads()).singleElement().satisfies(w -> {
            assertThat(w.id()).isEqualTo("shop/Pod/web");
            assertThat(w.podLabels()).containsEntry("app", "web");
            assertThat(w.ports()).containsExactly(new ContainerPort("http", "TCP", 8080));
        });
        assertThat(set.namespaces()).extracting(NamespaceManifest::name).containsExactly("shop");
    }

    @Test
    void itemsOfAPlainListStillNeedTheirOwnKind() {
        ManifestSet set = read("""
                apiVersion: v1
                kind: List
                items:
                - metadata: {name: web}
                """);
        assertThat(set.workloads()).isEmpty();
        assertThat(set.problems()).extracting(f -> f.id()).containsExactly("missing-type-info");
    }
}
