package io.github.netpol.maven;

import io.github.netpol.baseline.BaselineException;
import io.github.netpol.baseline.ReleaseRepository;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;
import org.eclipse.aether.resolution.VersionRangeRequest;
import org.eclipse.aether.resolution.VersionRangeResolutionException;
import org.eclipse.aether.resolution.VersionRangeResult;
import org.eclipse.aether.version.Version;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The project's releases as the Maven Resolver sees them in the project's repositories (and the local one). */
final class MavenReleaseRepository implements ReleaseRepository {

    static final String CLASSIFIER = "netpol";
    static final String TYPE = "yaml";

    private final RepositorySystem system;
    private final RepositorySystemSession session;
    private final List<RemoteRepository> repositories;
    private final String groupId;
    private final String artifactId;
    private final String currentVersion;

    MavenReleaseRepository(RepositorySystem system, RepositorySystemSession session, List<RemoteRepository> repositories,
                           String groupId, String artifactId, String currentVersion) {
        this.system = system;
        this.session = session;
        this.repositories = List.copyOf(repositories);
        this.groupId = groupId;
        this.artifactId = artifactId;
        this.currentVersion = currentVersion;
    }

    @Override
    public Optional<String> previousRelease() throws BaselineException {
        Artifact range = new DefaultArtifact(groupId, artifactId, "pom", "[0," + currentVersion + ")");
        try {
            VersionRangeResult result = system.resolveVersionRange(session, new VersionRangeRequest(range, repositories, null));
            Optional<String> newest = Optional.empty();
            for (Version v : result.getVersions()) {
                if (!v.toString().endsWith("-SNAPSHOT")) {
                    newest = Optional.of(v.toString()); // versions come sorted ascending
                }
            }
            return newest;
        } catch (VersionRangeResolutionException e) {
            throw new BaselineException("release: cannot list the versions of " + coordinates() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<Path> bundle(String version) throws BaselineException {
        Artifact bundle = new DefaultArtifact(groupId, artifactId, CLASSIFIER, TYPE, version);
        try {
            return Optional.of(system.resolveArtifact(session, new ArtifactRequest(bundle, repositories, null))
                    .getArtifact().getFile().toPath());
        } catch (ArtifactResolutionException missingBundle) {
            Artifact pom = new DefaultArtifact(groupId, artifactId, "pom", version);
            try {
                system.resolveArtifact(session, new ArtifactRequest(pom, repositories, null));
                return Optional.empty();
            } catch (ArtifactResolutionException missingRelease) {
                throw new BaselineException("release:" + version + ": " + coordinates() + ":" + version
                        + " cannot be resolved from " + describeRepositories()
                        + (offline() ? " (Maven is offline: run once online so it is cached)" : "")
                        + ". Check the version and the project's <repositories>/<distributionManagement>.", missingRelease);
            }
        }
    }

    @Override
    public boolean offline() {
        return session.isOffline();
    }

    @Override
    public String coordinates() {
        return groupId + ":" + artifactId;
    }

    private String describeRepositories() {
        if (repositories.isEmpty()) {
            return "the local repository";
        }
        StringBuilder sb = new StringBuilder();
        for (RemoteRepository r : repositories) {
            sb.append(sb.length() == 0 ? "" : ", ").append(r.getId()).append(" (").append(r.getUrl()).append(')');
        }
        return sb.toString();
    }
}
