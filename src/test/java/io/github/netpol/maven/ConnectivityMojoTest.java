package io.github.netpol.maven;

import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@MojoTest
class ConnectivityMojoTest {

    private static final String POM = "src/test/resources/unit/connectivity/pom.xml";

    /** The harness binds neither the read-only basedir nor relative File parameters to the test project. */
    private static void onProject(ConnectivityMojo mojo, String dir) throws IOException {
        mojo.basedir = new File(dir);
        mojo.sources = List.of(new File("src/main/kubernetes"));
        for (String ext : List.of("txt", "json", "md", "csv", "dot")) {
            Files.deleteIfExists(mojo.outputDirectory.toPath().resolve("connectivity." + ext));
        }
    }

    @Test
    @InjectMojo(goal = "connectivity", pom = POM)
    void writesEveryFormOfTheShopsConnectivity(ConnectivityMojo mojo) throws Exception {
        onProject(mojo, "examples/shop");
        mojo.execute();
        Path out = mojo.outputDirectory.toPath();
        List<String> lines = Files.readAllLines(out.resolve("connectivity.txt"), StandardCharsets.UTF_8);
        assertThat(lines).contains(
                "shop/web[Deployment] => shop/api[Deployment] : TCP 8081",
                "shop/api[Deployment] => shop/db[StatefulSet] : TCP 5432",
                "0.0.0.0-9.255.255.255[External] => shop/web[Deployment] : TCP 8080");
        assertThat(lines).filteredOn(l -> l.contains("=> shop/db[")).containsExactly(
                "shop/api[Deployment] => shop/db[StatefulSet] : TCP 5432");
        assertThat(Files.readString(out.resolve("connectivity.json"), StandardCharsets.UTF_8))
                .contains("\"id\" : \"shop/StatefulSet/db\"").contains("\"destination\" : \"shop/StatefulSet/db\"");
        assertThat(Files.readString(out.resolve("connectivity.md"), StandardCharsets.UTF_8))
                .contains("| shop/api\\[Deployment\\] | shop/db\\[StatefulSet\\] | TCP 5432 |");
        assertThat(Files.readString(out.resolve("connectivity.csv"), StandardCharsets.UTF_8))
                .startsWith("src,dst,conn\n").contains("shop/api[Deployment],shop/db[StatefulSet],TCP 5432");
        assertThat(Files.readString(out.resolve("connectivity.dot"), StandardCharsets.UTF_8))
                .startsWith("digraph {").contains("\"shop/api[Deployment]\" -> \"shop/db[StatefulSet]\"");
    }

    /** netpol.formats chooses the forms; the names of findings reports are skipped, so one list serves every goal. */
    @Test
    @InjectMojo(goal = "connectivity", pom = POM)
    void writesOnlyTheFormsNetpolFormatsNames(ConnectivityMojo mojo) throws Exception {
        onProject(mojo, "examples/shop");
        mojo.formats = List.of("console", "dot", "sarif", "markdown");
        mojo.execute();
        Path out = mojo.outputDirectory.toPath();
        assertThat(out.resolve("connectivity.dot")).exists();
        assertThat(out.resolve("connectivity.md")).exists();
        for (String ext : List.of("txt", "json", "csv")) {
            assertThat(out.resolve("connectivity." + ext)).doesNotExist();
        }
        assertThat(out.resolve("connectivity.sarif")).doesNotExist();
    }

    /** With an Admin tier policy the goal evaluates the tiers and writes each connection's verdicts. */
    @Test
    @InjectMojo(goal = "connectivity", pom = POM)
    void tierPoliciesAreEvaluatedNotRefused(ConnectivityMojo mojo, @TempDir Path project) throws Exception {
        Path k8s = Files.createDirectories(project.resolve("k8s"));
        Files.writeString(k8s.resolve("all.yaml"), """
                apiVersion: v1
                kind: Namespace
                metadata: {name: shop, labels: {tenant: shop}}
                ---
                apiVersion: v1
                kind: Namespace
                metadata: {name: blog, labels: {tenant: blog}}
                ---
                apiVersion: policy.networking.k8s.io/v1alpha2
                kind: ClusterNetworkPolicy
                metadata: {name: tenants}
                spec:
                  tier: Admin
                  priority: 10
                  subject: {namespaces: {matchLabels: {tenant: shop}}}
                  ingress:
                  - name: other-tenants
                    action: Deny
                    from: [{namespaces: {matchExpressions: [{key: tenant, operator: NotIn, values: [shop]}]}}]
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web, namespace: shop}
                spec:
                  selector: {matchLabels: {app: web}}
                  template:
                    metadata: {labels: {app: web}}
                    spec: {containers: [{name: web, image: web}]}
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: blog, namespace: blog}
                spec:
                  selector: {matchLabels: {app: blog}}
                  template:
                    metadata: {labels: {app: blog}}
                    spec: {containers: [{name: blog, image: blog}]}
                """, StandardCharsets.UTF_8);
        mojo.basedir = project.toFile();
        mojo.sources = List.of(new File("k8s"));
        mojo.outputDirectory = project.resolve("out").toFile();
        mojo.execute();
        String text = Files.readString(project.resolve("out/connectivity.txt"), StandardCharsets.UTF_8);
        assertThat(text).contains("shop/web[Deployment] => blog/blog[Deployment] : All Connections\n"
                        + "    All Connections certainly (egress: default allow; ingress: default allow)\n")
                .doesNotContain("blog/blog[Deployment] => shop/web");
        assertThat(Files.readString(project.resolve("out/connectivity.csv"), StandardCharsets.UTF_8))
                .startsWith("src,dst,conn,certainty,egress,ingress\n");
    }

    @Test
    @InjectMojo(goal = "connectivity", pom = POM)
    void anUnknownFormatNamesTheFormsThereAre(ConnectivityMojo mojo) throws Exception {
        onProject(mojo, "examples/shop");
        mojo.formats = List.of("md");
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("'md'").hasMessageContaining("console, txt, json, markdown, csv, dot");
    }

    @Test
    @InjectMojo(goal = "connectivity", pom = POM)
    void invalidManifestsFailTheGoalWithoutWritingAnything(ConnectivityMojo mojo) throws Exception {
        onProject(mojo, "src/test/resources/unit/validate-fail");
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("2 invalid manifests");
        assertThat(mojo.outputDirectory.toPath().resolve("connectivity.txt")).doesNotExist();
    }

    @Test
    @InjectMojo(goal = "connectivity", pom = POM)
    void anUnknownNamespaceLabelsModeIsAConfigurationError(ConnectivityMojo mojo) throws Exception {
        onProject(mojo, "examples/shop");
        mojo.namespaceLabels = "some";
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("netpol.namespaceLabels: 'some' is not a namespace-label mode; use declared or any");
    }

    @Test
    @InjectMojo(goal = "connectivity", pom = POM)
    void skipDoesNothing(ConnectivityMojo mojo) throws Exception {
        onProject(mojo, "examples/shop");
        mojo.skip = true;
        mojo.execute();
        assertThat(mojo.outputDirectory.toPath().resolve("connectivity.txt")).doesNotExist();
    }
}
