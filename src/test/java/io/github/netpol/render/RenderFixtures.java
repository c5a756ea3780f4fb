package io.github.netpol.render;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.yaml.snakeyaml.LoaderOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Stream;

/** Copies of the render fixtures into a project directory, and the options the tests render with. */
final class RenderFixtures {

    static final Path ROOT = Path.of("src/test/resources/render");

    private RenderFixtures() {
    }

    /** Copies {@code src/test/resources/render/<name>} to {@code project}. */
    static Path copy(String name, Path project) {
        Path from = ROOT.resolve(name);
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path to = project.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return project;
    }

    static Renderer.Options options(Path project, String kustomize) {
        return new Renderer.Options(kustomize, Duration.ofSeconds(60), project, LoaderOptions::new,
                Set.of("NetworkPolicy", "Namespace"), System::getenv, "default");
    }

    /**
     * Skips the test when neither kubectl nor kustomize is on the PATH, with a message that says so; with
     * {@code NETPOL_RENDER_TESTS=required} (CI) fails it instead.
     */
    static void requireKustomize() {
        try {
            KustomizeCommand.resolve(null, System::getenv);
        } catch (RenderException e) {
            if ("required".equals(System.getenv("NETPOL_RENDER_TESTS"))) {
                Assertions.fail("NETPOL_RENDER_TESTS=required but " + e.getMessage());
            }
            Assumptions.abort("skipped: " + e.getMessage());
        }
    }
}
