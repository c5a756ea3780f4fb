package io.github.netpol.render;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HelmRenderTest {

    @TempDir
    Path project;

    private RenderedEnvironment render(RenderSpec spec) throws RenderException {
        return new Renderer(RenderFixtures.options(project, null)).render(spec, project,
                project.resolve("target/work/" + spec.name()),
                project.resolve("target/rendered/" + spec.name() + "/" + Renderer.OUTPUT),
                p -> project.relativize(p).toString());
    }

    private static RenderSpec prod() {
        return new RenderSpec("prod", RenderSpec.Kind.HELM, "charts/app", List.of("charts/app/values-prod.yaml"),
                List.of("networkPolicy.port=9090"), "web", "shop", null);
    }

    @Test
    void rendersAChartWithItsValuesAndNamesEachTemplateByItsPathInTheProject() throws Exception {
        RenderFixtures.copy("helm", project.resolve("charts"));
        RenderedEnvironment env = render(prod());
        assertThat(env.tool()).isEqualTo("Helm (helm-java 0.0.21)");
        assertThat(Files.readString(env.file())).isEqualTo("""
                # environment prod: charts/app rendered by Helm (helm-java 0.0.21) (netpol); each object is preceded by where it comes from
                ---
                # Source: charts/app/templates/networkpolicy.yaml
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata:
                  name: web-app
                  namespace: shop
                spec:
                  podSelector:
                    matchLabels:
                      app: web-app
                  policyTypes: [Ingress]
                  ingress:
                    - from:
                        - podSelector:
                            matchLabels:
                              role: frontend
                      ports:
                        - port: 9090
                """);
        // the test hook makes a Pod, no policy: left out, and said so
        assertThat(env.notes()).containsExactly("Helm hooks are not rendered and not analysed (they make no policy or"
                + " Namespace): charts/app/templates/test-pod.yaml (Pod)");
        assertThat(render(prod()).reused()).isTrue();
    }

    @Test
    void theNamespaceDefaultsToTheDefaultNamespaceAndTheReleaseToTheChartDirectory() throws Exception {
        RenderFixtures.copy("helm", project.resolve("charts"));
        String text = Files.readString(render(RenderSpec.of("app", RenderSpec.Kind.HELM, "charts/app")).file());
        assertThat(text).contains("name: app-app\n  namespace: default\n").contains("ingress: []");
    }

    @Test
    void aHookThatMakesAPolicyIsRefused() {
        RenderFixtures.copy("helm", project.resolve("charts"));
        assertThatThrownBy(() -> render(RenderSpec.of("hooked", RenderSpec.Kind.HELM, "charts/hooked")))
                .isInstanceOf(RenderException.class)
                .hasMessage("charts/hooked/templates/hook-np.yaml is a Helm hook (helm.sh/hook) that makes a NetworkPolicy:"
                        + " helm install creates it, but Helm's template rendering leaves hooks out, so the gate could not"
                        + " see it. Make it a regular template (remove the helm.sh/hook annotation), or keep it out of the"
                        + " chart");
    }

    @Test
    void aFailingTemplateNamesTheTemplate() throws Exception {
        RenderFixtures.copy("helm", project.resolve("charts"));
        Files.writeString(project.resolve("charts/app/templates/bad.yaml"), "{{ fail \"networkPolicy.port is required\" }}\n");
        assertThatThrownBy(() -> render(prod())).isInstanceOf(RenderException.class)
                .hasMessageStartingWith("Helm failed to render charts/app (release web, namespace shop, values"
                        + " charts/app/values-prod.yaml): ")
                .hasMessageContaining("app/templates/bad.yaml")
                .hasMessageContaining("networkPolicy.port is required");
    }

    @Test
    void aMissingDependencyIsRefusedWithoutDownloading() throws Exception {
        RenderFixtures.copy("helm", project.resolve("charts"));
        Files.writeString(project.resolve("charts/app/Chart.yaml"), """
                apiVersion: v2
                name: app
                version: 1.2.3
                dependencies:
                  - name: redis
                    version: 18.0.0
                    repository: https://charts.bitnami.com/bitnami
                """);
        assertThatThrownBy(() -> render(prod())).hasMessage("charts/app: the dependency 'redis'"
                + " (https://charts.bitnami.com/bitnami) is not in charts/app/charts, and the build never downloads charts:"
                + " run 'helm dependency build charts/app' once and commit charts/app/charts");
    }

    @Test
    void setValuesThatOverlapOrUseListSyntaxAreRefused() {
        assertThatThrownBy(() -> HelmSetValues.parse(List.of("a.b=1", "a=2"), "render prod"))
                .hasMessage("render prod: the set value 'a=2' overlaps 'a.b': Helm applies set values in no fixed order,"
                        + " so the result would change from run to run; put it in a values file (valuesFiles) instead");
        assertThatThrownBy(() -> HelmSetValues.parse(List.of("list={a,b}"), "render prod"))
                .hasMessageContaining("has a list or a comma in its value");
        assertThatThrownBy(() -> HelmSetValues.parse(List.of("list[0]=a"), "render prod"))
                .hasMessageContaining("list indexes and escaped dots are not supported");
        assertThatThrownBy(() -> HelmSetValues.parse(List.of("novalue"), "render prod"))
                .hasMessageContaining("is not key=value");
    }

    @Test
    void neverDownloadsItsNativeLibraryEvenWhenTheContextClassLoaderCannotSeeIt(@TempDir Path tmp) throws Exception {
        RenderFixtures.copy("helm", project.resolve("charts"));
        // helm-java's own lookup would fetch linux-amd64-<version>.jar into java.io.tmpdir when the context class
        // loader does not see the native library, as on a ForkJoinPool worker
        String previous = System.getProperty("java.io.tmpdir");
        AtomicReference<Object> result = new AtomicReference<>();
        Thread hostile = new Thread(() -> {
            try {
                result.set(render(prod()));
            } catch (Exception | Error e) {
                result.set(e);
            }
        });
        hostile.setContextClassLoader(ClassLoader.getPlatformClassLoader());
        System.setProperty("java.io.tmpdir", tmp.toString());
        try {
            hostile.start();
            hostile.join();
        } finally {
            System.setProperty("java.io.tmpdir", previous);
        }
        assertThat(result.get()).isInstanceOf(RenderedEnvironment.class);
        try (Stream<Path> files = Files.list(tmp)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".jar"));
        }
    }
}
