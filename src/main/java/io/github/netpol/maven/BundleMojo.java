package io.github.netpol.maven;

import io.github.netpol.baseline.PolicyBundle;
import io.github.netpol.baseline.RenderedFiles;
import io.github.netpol.load.SourceEnvironment;
import io.github.netpol.load.SourceFile;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.project.MavenProjectHelper;

import javax.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the policy bundle ({@code <artifactId>-<version>-netpol.yaml}: every manifest file of the sources, and
 * every rendered environment's manifests with the digest of what they were rendered from)
 * and attaches it with classifier {@code netpol}, type {@code yaml}, so that deploying this release gives
 * the next one its baseline.
 */
@Mojo(name = "bundle", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public class BundleMojo extends AbstractNetpolMojo {

    private final MavenProjectHelper projectHelper;

    @Inject
    public BundleMojo(MavenProjectHelper projectHelper) {
        this.projectHelper = projectHelper;
    }

    @Override
    protected void run() throws MojoExecutionException {
        List<SourceFile> plain = new ArrayList<>();
        List<RenderedFiles> rendered = new ArrayList<>();
        for (SourceEnvironment env : environments(commonSettings())) {
            if (!env.sources().problems().isEmpty()) {
                throw new MojoExecutionException("netpol: cannot bundle the sources: "
                        + env.sources().problems().get(0).consoleLine());
            }
            if (env.rendered() == null) {
                plain.addAll(env.files());
            } else {
                rendered.add(new RenderedFiles(env.name(), env.rendered().spec().path(), env.rendered().tool(),
                        env.rendered().inputsDigest(), env.files()));
            }
        }
        String text = new PolicyBundle().write(project.getGroupId() + ":" + project.getArtifactId(), project.getVersion(),
                plain, rendered);
        Path file = outputDirectory.toPath().resolve(project.getArtifactId() + "-" + project.getVersion() + "-netpol.yaml");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MojoExecutionException("netpol: cannot write " + file + ": " + e.getMessage(), e);
        }
        projectHelper.attachArtifact(project, "yaml", "netpol", file.toFile());
        getLog().info("netpol: bundled " + plain.size() + " manifest file(s)" + (rendered.isEmpty() ? ""
                : " and environment" + (rendered.size() == 1 ? " " : "s ")
                + String.join(", ", rendered.stream().map(RenderedFiles::name).toList()) + " (rendered)")
                + " into " + file + " (attached as classifier netpol, type yaml)");
    }
}
