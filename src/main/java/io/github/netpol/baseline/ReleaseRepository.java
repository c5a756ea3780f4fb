package io.github.netpol.baseline;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Access to this project's released artifacts, implemented by the Mojo with the Maven Resolver so
 * that this package stays free of Maven. It reports what the repositories said; {@link BaselineProvider}
 * decides what that proves.
 */
public interface ReleaseRepository {

    /**
     * The released versions of this project below the current one, and the repositories that did not answer
     * (unreachable, refused, offline and never asked before). A repository that answered "nothing here" is not
     * among them.
     */
    ReleaseVersions releasesBelowCurrent() throws BaselineException;

    /**
     * The {@code netpol}-classified {@code yaml} bundle of {@code version}; empty when the repositories answered
     * that this version exists but carries no bundle. Throws when the version itself cannot be resolved or a
     * repository did not answer.
     */
    Optional<Path> bundle(String version) throws BaselineException;

    /** True when Maven runs offline, so a repository may just never have been asked. */
    boolean offline();

    /** The coordinates shown in messages, {@code groupId:artifactId}. */
    String coordinates();

    /** The current version, shown in messages. */
    String currentVersion();
}
