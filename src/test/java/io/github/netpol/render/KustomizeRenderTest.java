package io.github.netpol.render;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KustomizeRenderTest {

    @TempDir
    Path project;

    private RenderedEnvironment render(String name, String path) throws RenderException {
        return new Renderer(RenderFixtures.options(project, null)).render(
                RenderSpec.of(name, RenderSpec.Kind.KUSTOMIZE, path), project, project.resolve("target/work/" + name),
                project.resolve("target/rendered/" + name + "/" + Renderer.OUTPUT),
                p -> project.relativize(p).toString());
    }

    @Test
    void rendersAnOverlayWithTheSourceAndThePatchesOfEveryObject() throws Exception {
        RenderFixtures.requireKustomize();
        RenderFixtures.copy("kustomize", project);
        RenderedEnvironment env = render("prod", "overlays/prod");
        String text = Files.readString(env.file());
        assertThat(env.reused()).isFalse();
        assertThat(env.tool()).containsAnyOf("kubectl kustomize", "kustomize build");
        // the wrapper's origin annotations are gone: what is analysed is what kubectl apply -k applies
        assertThat(text).doesNotContain("config.kubernetes.io/origin").doesNotContain("annotations");
        assertThat(text).contains("""
                ---
                # Source: base/policies.yaml:9
                # Patched by: overlays/prod/allow-web-smp.yaml (patches[0] of overlays/prod/kustomization.yaml)
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata:
                  name: prod-allow-web
                  namespace: prod
                spec:
                  ingress:
                  - from:
                    - namespaceSelector: {}
                """);
        assertThat(text).contains("""
                # Source: base/policies.yaml:1
                # Patched by: patches[1] of overlays/prod/kustomization.yaml (inline)
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata:
                  name: prod-default-deny
                """);
        assertThat(text).contains("""
                # Source: overlays/prod/extra-np.yaml:1
                # Patched by: overlays/prod/label.yaml (patches[2] of overlays/prod/kustomization.yaml)
                """);
        assertThat(text).contains("# Source: ConfigMapGenerator in base/kustomization.yaml\n");
        assertThat(text).startsWith("# environment prod: overlays/prod rendered by ");
    }

    @Test
    void aComponentsPatchIsNamedForTheObjectsOfTheKustomizationThatIncludesIt() throws Exception {
        RenderFixtures.requireKustomize();
        RenderFixtures.copy("kustomize", project);
        String text = Files.readString(render("staging", "overlays/staging").file());
        assertThat(text).contains("""
                # Source: base/policies.yaml:9
                # Patched by: components/open/open.yaml (patches[0] of components/open/kustomization.yaml)
                """);
        assertThat(text).contains("""
                # Source: base/policies.yaml:1
                apiVersion: networking.k8s.io/v1
                """);
    }

    @Test
    void unchangedInputsKeepTheRenderedOutputAndAnyChangeRendersAgain() throws Exception {
        RenderFixtures.requireKustomize();
        RenderFixtures.copy("kustomize", project);
        RenderedEnvironment first = render("prod", "overlays/prod");
        RenderedEnvironment second = render("prod", "overlays/prod");
        assertThat(second.reused()).isTrue();
        assertThat(second.inputsDigest()).isEqualTo(first.inputsDigest());
        Files.writeString(project.resolve("overlays/prod/extra-np.yaml"),
                Files.readString(project.resolve("overlays/prod/extra-np.yaml")).replace("extra", "more"));
        RenderedEnvironment third = render("prod", "overlays/prod");
        assertThat(third.reused()).isFalse();
        assertThat(Files.readString(third.file())).contains("name: prod-more");
        // an edited output is not trusted
        Files.writeString(third.file(), "tampered\n");
        assertThat(render("prod", "overlays/prod").reused()).isFalse();
    }

    @Test
    void remoteResourcesAreRefusedBeforeKustomizeRuns() throws Exception {
        Files.createDirectories(project.resolve("app"));
        Files.writeString(project.resolve("app/kustomization.yaml"), """
                resources:
                  - np.yaml
                patches:
                  - path: https://example.org/patch.yaml
                """);
        Files.writeString(project.resolve("app/np.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n");
        // no kustomize needed: the walk refuses first
        assertThatThrownBy(() -> new Renderer(RenderFixtures.options(project, "/bin/false")).render(
                RenderSpec.of("app", RenderSpec.Kind.KUSTOMIZE, "app"), project, project.resolve("w"),
                project.resolve("o.yaml"), p -> project.relativize(p).toString()))
                .isInstanceOf(RenderException.class)
                .hasMessage("app/kustomization.yaml: patches[0].path 'https://example.org/patch.yaml' is a remote resource"
                        + " (a URL or git reference), and the build never fetches from the network: vendor it into the"
                        + " repository and name it by its relative path");
        for (String remote : new String[] {"github.com/org/repo//deploy?ref=v1", "git@github.com:org/repo.git",
                "https://raw.githubusercontent.com/x/y/main/np.yaml"}) {
            Files.writeString(project.resolve("app/kustomization.yaml"), "resources:\n  - " + remote + "\n");
            assertThatThrownBy(() -> KustomizationTree.walk(project.resolve("app"), project,
                    new org.yaml.snakeyaml.LoaderOptions(), p -> project.relativize(p).toString()))
                    .hasMessageContaining("resources[0] '" + remote + "' is a remote resource");
        }
        Files.writeString(project.resolve("app/kustomization.yaml"), "configMapGenerator:\n  - name: x\n"
                + "    files: [key=../../outside.txt]\n");
        assertThatThrownBy(() -> KustomizationTree.walk(project.resolve("app"), project,
                new org.yaml.snakeyaml.LoaderOptions(), p -> project.relativize(p).toString()))
                .hasMessageContaining("configMapGenerator[0].files[0] '../../outside.txt' does not exist");
        Files.writeString(project.resolve("app/kustomization.yaml"), "helmCharts:\n  - name: x\n");
        assertThatThrownBy(() -> KustomizationTree.walk(project.resolve("app"), project,
                new org.yaml.snakeyaml.LoaderOptions(), p -> project.relativize(p).toString()))
                .hasMessageContaining("helmCharts asks Kustomize to run helm");
    }

    @Test
    void anInputOutsideTheProjectIsRefused(@TempDir Path outside) throws Exception {
        Files.writeString(outside.resolve("np.yaml"), "kind: ConfigMap\n");
        Files.createDirectories(project.resolve("app"));
        Files.createSymbolicLink(project.resolve("app/np.yaml"), outside.resolve("np.yaml"));
        Files.writeString(project.resolve("app/kustomization.yaml"), "resources: [np.yaml]\n");
        assertThatThrownBy(() -> KustomizationTree.walk(project.resolve("app"), project,
                new org.yaml.snakeyaml.LoaderOptions(), p -> project.relativize(p).toString()))
                .hasMessageContaining("resources[0] 'np.yaml' resolves to " + outside.toRealPath().resolve("np.yaml")
                        + ", outside the project's root");
    }

    @Test
    void aMissingToolIsOneClearError() throws Exception {
        RenderFixtures.copy("kustomize", project);
        assertThatThrownBy(() -> new Renderer(RenderFixtures.options(project, "/nonexistent/kubectl")).render(
                RenderSpec.of("prod", RenderSpec.Kind.KUSTOMIZE, "overlays/prod"), project, project.resolve("w"),
                project.resolve("o.yaml"), p -> project.relativize(p).toString()))
                .hasMessage("netpol.kustomize: '/nonexistent/kubectl' is not an executable file; install kubectl or"
                        + " kustomize, or point netpol.kustomize at one of them");
        assertThatThrownBy(() -> KustomizeCommand.resolve(null, name -> name.equals("PATH") ? project.toString() : null))
                .hasMessageStartingWith("neither kustomize nor kubectl is on the PATH");
    }

    @Test
    void aRenderingErrorCarriesKustomizesMessage() throws Exception {
        RenderFixtures.requireKustomize();
        Files.createDirectories(project.resolve("app"));
        Files.writeString(project.resolve("app/kustomization.yaml"), "resources: [np.yaml]\n");
        Files.writeString(project.resolve("app/np.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n"
                + "data: [unclosed\n");
        assertThatThrownBy(() -> render("app", "app")).isInstanceOf(RenderException.class)
                .hasMessageContaining("failed to render app (exit 1): ")
                .hasMessageContaining("np.yaml");
    }

    @Test
    void aRenderThatDoesNotFinishIsStoppedWithEveryProcessItStarted() throws Exception {
        Files.createDirectories(project.resolve("app"));
        Files.writeString(project.resolve("app/kustomization.yaml"), "resources: []\n");
        Path pidFile = project.resolve("child.pid");
        Path tool = project.resolve("kustomize");
        // stands for a kustomize whose git fetch hangs: a child that outlives a killed parent unless killed first
        Files.writeString(tool, "#!/bin/sh\nsleep 300 &\necho $! > " + pidFile + "\nwait\n");
        Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwxr-xr-x"));
        Renderer.Options o = RenderFixtures.options(project, tool.toString());
        Renderer renderer = new Renderer(new Renderer.Options(o.kustomize(), Duration.ofSeconds(2), o.projectRoot(),
                o.yaml(), o.policyKinds(), o.env(), o.defaultNamespace()));
        assertThatThrownBy(() -> renderer.render(RenderSpec.of("app", RenderSpec.Kind.KUSTOMIZE, "app"), project,
                project.resolve("w"), project.resolve("o.yaml"), p -> project.relativize(p).toString()))
                .hasMessage("kustomize build did not render app within 2 s and was stopped; raise netpol.renderTimeout if"
                        + " the directory is just large, or look for something that waits (a generator, a plugin)");
        long child = Long.parseLong(Files.readString(pidFile).trim());
        assertThat(deadSoon(child)).as("the tool's child process was killed").isTrue();
        // the tool ran with its temporary directory inside the build's
        assertThat(project.resolve("w/tmp")).isDirectory();
    }

    /** Dead or a zombie (killed, not yet reaped) within a few seconds; a killed process may take a moment to go. */
    private static boolean deadSoon(long pid) throws Exception {
        for (int i = 0; i < 100; i++) {
            Path stat = Path.of("/proc/" + pid + "/stat");
            if (!Files.exists(stat) || Files.readString(stat).replaceFirst("^.*\\) ", "").startsWith("Z")) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    @Test
    void kustomizeErrorsAreReducedToTheirMessage() {
        assertThat(KustomizeRenderer.errorText("E1130 15:01:44.471054    3894 run.go:72] \"command failed\""
                + " err=\"accumulating resources: accumulation err='accumulating resources from 'nope.yaml': \\\"x\\\"'\"\n"))
                .isEqualTo("accumulating resources: accumulation err='accumulating resources from 'nope.yaml': \"x\"'");
        assertThat(KustomizeRenderer.errorText("Error: invalid Kustomization: json: unknown field \"resource\"\n"))
                .isEqualTo("invalid Kustomization: json: unknown field \"resource\"");
    }
}
