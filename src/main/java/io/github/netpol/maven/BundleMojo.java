package io.github.netpol.maven;

import io.github.netpol.baseline.PolicyBundle;
import io.github.netpol.load.CollectedSources;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.project.MavenProjectHelper;

import javax.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the policy bundle ({@code <artifactId>-<version>-netpol.yaml}: every manifest file of the sources)
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
        CollectedSources collected = sourceCollector().scan(baseDirectory(), sourcePaths());
        if (!collected.problems().isEmpty()) {
            throw new MojoExecutionException("netpol: cannot bundle the sources: " + collected.problems().get(0).consoleLine());
        }
        String text = new PolicyBundle().write(project.getGroupId() + ":" + project.getArtifactId(), project.getVersion(),
                collected.files());
        Path file = outputDirectory.toPath().resolve(project.getArtifactId() + "-" + project.getVersion() + "-netpol.yaml");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MojoExecutionException("netpol: cannot write " + file + ": " + e.getMessage(), e);
        }
        projectHelper.attachArtifact(project, "yaml", "netpol", file.toFile());
        getLog().info("netpol: bundled " + collected.files().size() + " manifest file(s) into " + file
                + " (attached as classifier netpol, type yaml)");
    }
}
