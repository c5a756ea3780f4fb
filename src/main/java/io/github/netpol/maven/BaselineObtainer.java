package io.github.netpol.maven;

import io.github.netpol.baseline.BaselineCache;
import io.github.netpol.baseline.BaselineException;
import io.github.netpol.baseline.BaselineOutcome;
import io.github.netpol.baseline.BaselineProvider;
import io.github.netpol.baseline.BaselineSpec;
import io.github.netpol.baseline.EnvironmentRenderer;
import io.github.netpol.baseline.GitBaselineReader;
import io.github.netpol.load.SourceCollector;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;

import java.nio.file.Path;
import java.util.List;

/** Obtains the baseline of a project from its releases, its git history or a directory, as {@code check} and {@code report} do. */
final class BaselineObtainer {

    private final RepositorySystem repositorySystem;
    private final MavenSession session;
    private final MavenProject project;

    BaselineObtainer(RepositorySystem repositorySystem, MavenSession session, MavenProject project) {
        this.repositorySystem = repositorySystem;
        this.session = session;
        this.project = project;
    }

    /**
     * @param base      the project base directory
     * @param paths     the configured sources (relative ones are looked up at the same place in git trees)
     * @param collector reads a {@code dir:} baseline the same way as the current sources
     * @param gitCache  where files read from git commits are kept for later goals of the build
     * @param environments renders the build's environments from a baseline's copy of the project, or {@code null}
     *                     when the build renders nothing
     * @param bundles   where parsed release bundles are kept for later builds
     */
    BaselineOutcome obtain(BaselineSpec spec, Path base, List<Path> paths, SourceCollector collector, Path gitCache,
                           EnvironmentRenderer environments, BaselineCache bundles) throws MojoExecutionException {
        List<String> relativeSources = paths.stream().filter(p -> !p.isAbsolute())
                .map(p -> p.toString().replace('\\', '/')).toList();
        // a directory baseline needs no Maven repository
        MavenReleaseRepository releases = spec instanceof BaselineSpec.Dir || spec instanceof BaselineSpec.None ? null
                : new MavenReleaseRepository(repositorySystem, session.getRepositorySession(),
                project.getRemoteProjectRepositories(), project.getGroupId(), project.getArtifactId(), project.getVersion());
        BaselineProvider provider = new BaselineProvider(base, relativeSources, releases, () -> new GitBaselineReader(base, gitCache),
                dir -> collector.collect(base, List.of(dir)), environments).caching(bundles);
        try {
            return provider.obtain(spec);
        } catch (BaselineException e) {
            throw new MojoExecutionException(failure(spec, e.getMessage()), e);
        }
    }

    /** The build's error for a baseline that cannot be obtained: the spec named once, then why. */
    static String failure(BaselineSpec spec, String why) {
        // most messages name the spec first already
        return "netpol: cannot obtain the baseline " + (why.startsWith(spec + ":") ? why : spec + ": " + why);
    }
}
