package io.github.netpol.maven;

import io.github.netpol.baseline.BaselineException;
import io.github.netpol.baseline.ReleaseRepository;
import io.github.netpol.baseline.ReleaseVersions;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.repository.ArtifactRepository;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.VersionRangeRequest;
import org.eclipse.aether.resolution.VersionRangeResolutionException;
import org.eclipse.aether.resolution.VersionRangeResult;
import org.eclipse.aether.transfer.ArtifactNotFoundException;
import org.eclipse.aether.transfer.ArtifactTransferException;
import org.eclipse.aether.transfer.MetadataNotFoundException;
import org.eclipse.aether.transfer.MetadataTransferException;
import org.eclipse.aether.transfer.RepositoryOfflineException;
import org.eclipse.aether.version.Version;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The project's releases as the Maven Resolver sees them in the project's repositories (and the local one).
 * The resolver does not throw when a repository fails to answer: it records one exception a repository in the
 * result. This class sorts them into "answered, nothing there" and "did not answer", which is all the core
 * needs to decide.
 */
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
    public ReleaseVersions releasesBelowCurrent() throws BaselineException {
        Artifact range = new DefaultArtifact(groupId, artifactId, "pom", "[0," + currentVersion + ")");
        VersionRangeResult result;
        try {
            result = system.resolveVersionRange(session, new VersionRangeRequest(range, repositories, null));
        } catch (VersionRangeResolutionException e) {
            throw new BaselineException("release: cannot list the versions of " + coordinates() + ": " + e.getMessage(), e);
        }
        List<String> versions = new ArrayList<>(); // the resolver sorts them ascending
        for (Version v : result.getVersions()) {
            if (!v.toString().endsWith("-SNAPSHOT")) {
                versions.add(v.toString());
            }
        }
        Set<String> unanswered = new LinkedHashSet<>();
        for (Exception e : result.getExceptions()) {
            if (!answeredNothing(e)) {
                unanswered.add(unanswered(e));
            }
        }
        return new ReleaseVersions(versions, List.copyOf(unanswered));
    }

    /** "Not found" is an answer, unless it only says that Maven is offline and never asked the repository. */
    private static boolean answeredNothing(Exception e) {
        return e instanceof MetadataNotFoundException && !(e.getCause() instanceof RepositoryOfflineException);
    }

    private static String unanswered(Exception e) {
        ArtifactRepository repository = e instanceof MetadataTransferException t ? t.getRepository() : null;
        String why = e.getCause() instanceof RepositoryOfflineException
                ? "Maven is offline and its versions were never downloaded" : rootMessage(e);
        return describe(repository) + ": " + why;
    }

    @Override
    public Optional<Path> bundle(String version) throws BaselineException {
        Artifact bundle = new DefaultArtifact(groupId, artifactId, CLASSIFIER, TYPE, version);
        try {
            return Optional.of(resolve(bundle).toPath());
        } catch (ArtifactResolutionException missingBundle) {
            failUnlessNotFound(missingBundle, version, "its netpol bundle");
            Artifact pom = new DefaultArtifact(groupId, artifactId, "pom", version);
            try {
                resolve(pom);
                return Optional.empty();
            } catch (ArtifactResolutionException missingRelease) {
                failUnlessNotFound(missingRelease, version, "its POM");
                throw new BaselineException("release:" + version + ": " + coordinates() + ":" + version
                        + " cannot be resolved from " + describeRepositories()
                        + (offline() ? " (Maven is offline: run once online so it is cached)" : "")
                        + ". Check the version and the project's <repositories>/<distributionManagement>.", missingRelease);
            }
        }
    }

    private java.io.File resolve(Artifact artifact) throws ArtifactResolutionException {
        return system.resolveArtifact(session, new ArtifactRequest(artifact, repositories, null)).getArtifact().getFile();
    }

    /** Only every repository saying "not there" means the artifact is missing; a failed download proves nothing. */
    private void failUnlessNotFound(ArtifactResolutionException e, String version, String what) throws BaselineException {
        List<String> failed = new ArrayList<>();
        for (ArtifactResult result : e.getResults()) {
            for (Exception x : result.getExceptions()) {
                if (!(x instanceof ArtifactNotFoundException)) {
                    ArtifactRepository repository = x instanceof ArtifactTransferException t
                            ? t.getRepository() : null;
                    failed.add(describe(repository) + ": " + rootMessage(x));
                }
            }
        }
        if (!failed.isEmpty()) {
            throw new BaselineException("release:" + version + ": " + what + " could not be downloaded ("
                    + String.join("; ", failed) + "). Fix the repository (its URL, the network or proxy, the credentials"
                    + " in settings.xml) and build again.", e);
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

    @Override
    public String currentVersion() {
        return currentVersion;
    }

    private String describeRepositories() {
        if (repositories.isEmpty()) {
            return "the local repository";
        }
        List<String> names = new ArrayList<>();
        repositories.forEach(r -> names.add(describe(r)));
        return String.join(", ", names);
    }

    private static String describe(ArtifactRepository repository) {
        if (repository instanceof RemoteRepository r) {
            return "repository " + r.getId() + " (" + r.getUrl() + ")";
        }
        return "the local repository";
    }

    /** The innermost message (e.g. {@code Connection refused}), on one line. */
    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage() != null ? t.getMessage() : e.getMessage() != null ? e.getMessage() : t.getClass().getSimpleName();
        return m.replaceAll("\\s+", " ").trim();
    }
}
