package io.github.netpol.maven;

import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The {@code test} goal as Maven runs it, on the example shop's policies. */
@MojoTest
class TestMojoTest {

    private static final String POM = "src/test/resources/unit/connectivity/pom.xml";

    @TempDir
    Path temp;

    /** The harness binds neither the read-only basedir nor relative File parameters to the test project. */
    private Path onShop(TestMojo mojo, File testSources, boolean skipTests) throws Exception {
        mojo.basedir = new File("examples/shop");
        mojo.sources = List.of(new File("src/main/kubernetes"));
        set(mojo, "testSources", List.of(testSources));
        set(mojo, "skipTests", skipTests);
        set(mojo, "namespaceLabels", "declared");
        Path junit = mojo.outputDirectory.toPath().resolve("TEST-netpol-test.xml");
        Files.deleteIfExists(junit);
        return junit;
    }

    @Test
    @InjectMojo(goal = "test", pom = POM)
    void theShopsAssertionsPassAndEachIsATestCase(TestMojo mojo) throws Exception {
        Path junit = onShop(mojo, new File("examples/shop/src/test/netpol").getAbsoluteFile(), false);
        mojo.execute();
        String xml = Files.readString(junit, StandardCharsets.UTF_8);
        assertThat(xml).contains("tests=\"7\"").contains("failures=\"0\"")
                .contains("name=\"storefront reaches the api\"");
    }

    @Test
    @InjectMojo(goal = "test", pom = POM)
    void aFailingAssertionFailsTheBuildWithACounterexample(TestMojo mojo) throws Exception {
        Files.writeString(temp.resolve("wrong.yaml"), """
                tests:
                  - name: the internet reaches the database
                    from: {ipBlock: 0.0.0.0/0}
                    to: {workload: shop/StatefulSet/db}
                    port: 5432
                    expect: allowed
                """);
        Path junit = onShop(mojo, temp.toFile(), false);
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("1 of 1 assertion failed").hasMessageContaining("counterexample");
        assertThat(Files.readString(junit, StandardCharsets.UTF_8)).contains("failures=\"1\"")
                .contains("the internet reaches the database").contains("address ");
    }

    @Test
    @InjectMojo(goal = "test", pom = POM)
    void skipTestsSkipsTheAssertions(TestMojo mojo) throws Exception {
        Files.writeString(temp.resolve("wrong.yaml"), "tests: [{name: x, from: {ipBlock: 0.0.0.0/0},"
                + " to: {workload: shop/StatefulSet/db}, expect: allowed}]\n");
        Path junit = onShop(mojo, temp.toFile(), true);
        mojo.execute();
        assertThat(junit).doesNotExist();
    }

    private static void set(Object target, String name, Object value) throws Exception {
        for (Class<?> c = target.getClass(); c != null; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField(name);
                f.setAccessible(true);
                f.set(target, value);
                return;
            } catch (NoSuchFieldException e) {
                // look in the superclass
            }
        }
        throw new NoSuchFieldException(name);
    }
}
