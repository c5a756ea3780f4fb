package io.github.netpol.maven;

import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoExtension;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * mvnd, and a long build that runs the plugin in many modules, keep one JVM and one plugin class realm for several
 * builds. Two projects built in turn in one JVM, each twice with new Mojo instances as mvnd makes them, give the
 * same verdict, console lines and reports every time: nothing of one build leaks into the next.
 */
@MojoTest
class OneJvmManyBuildsTest {

    private static final String POM = "src/test/resources/unit/incremental/pom.xml";

    /** shop: the api takes TCP 8080 from the web tier; its baseline took nothing, so this widens. */
    private static final String SHOP = IncrementalMojoTest.POLICY;
    private static final String SHOP_BEFORE = SHOP.substring(0, SHOP.indexOf("  ingress:"));

    /** payments: unchanged against its baseline, so it passes. */
    private static final String PAYMENTS = SHOP.replace("shop", "payments").replace("8080", "8443");

    @TempDir
    Path shop;

    @TempDir
    Path payments;

    /** What one build left: its verdict, its console lines and its JSON report. */
    private record Outcome(boolean failed, List<String> console, String json) {
    }

    private static Outcome build(CheckMojo mojo, Path project) throws Exception {
        IncrementalMojoTest.Captured log = new IncrementalMojoTest.Captured();
        mojo.setLog(log);
        mojo.basedir = project.toFile();
        mojo.sources = List.of(new File("src/main/kubernetes"));
        mojo.outputDirectory = project.resolve("target/netpol").toFile();
        MojoExtension.setVariableValueToObject(mojo, "accepted", project.resolve("netpol-accepted.yaml").toFile());
        // every build really runs: the digest of the previous one would skip an unchanged project
        mojo.force = true;
        boolean failed = false;
        try {
            mojo.execute();
        } catch (MojoFailureException e) {
            failed = true;
            log.info(e.getMessage());
        }
        List<String> console = new ArrayList<>(log.info);
        String json = Files.readString(project.resolve("target/netpol/check.json"), StandardCharsets.UTF_8);
        return new Outcome(failed, console, json);
    }

    private static void write(Path project, String path, String text) throws Exception {
        Path file = project.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @Test
    void twoProjectsBuiltInTurnInOneJvmGiveTheSameResultsEachTime(
            @InjectMojo(goal = "check", pom = POM) CheckMojo shop1,
            @InjectMojo(goal = "check", pom = POM) CheckMojo payments1,
            @InjectMojo(goal = "check", pom = POM) CheckMojo shop2,
            @InjectMojo(goal = "check", pom = POM) CheckMojo payments2) throws Exception {
        assertThat(List.of(shop1, payments1, shop2, payments2)).as("a new Mojo for each build, as mvnd makes them")
                .doesNotHaveDuplicates();
        write(shop, "src/main/kubernetes/policy.yaml", SHOP);
        write(shop, "baseline/policy.yaml", SHOP_BEFORE);
        write(shop, "netpol-accepted.yaml", "accepted: []\n");
        write(payments, "src/main/kubernetes/policy.yaml", PAYMENTS);
        write(payments, "baseline/policy.yaml", PAYMENTS);
        write(payments, "netpol-accepted.yaml", "accepted: []\n");

        Outcome firstShop = build(shop1, shop);
        Outcome firstPayments = build(payments1, payments);
        Outcome secondShop = build(shop2, shop);
        Outcome secondPayments = build(payments2, payments);

        assertThat(firstShop.failed()).as("the shop widens").isTrue();
        assertThat(firstShop.json()).contains("WIDENED_INGRESS/shop/api").doesNotContain("payments")
                .contains("every pod in shop accepts TCP 8080 from pods with app=web in namespace shop");
        assertThat(firstPayments.failed()).as("payments is unchanged").isFalse();
        assertThat(firstPayments.json()).contains("\"verdict\" : \"pass\"").doesNotContain("shop");
        assertThat(firstPayments.console()).noneMatch(l -> l.contains("shop"))
                .contains("netpol: comparing with directory baseline (1 file)");

        assertThat(secondShop).as("the shop built again after payments").isEqualTo(firstShop);
        assertThat(secondPayments).as("payments built again after the shop").isEqualTo(firstPayments);
    }
}
