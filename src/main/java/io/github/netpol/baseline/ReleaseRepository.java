package io.github.netpol.baseline;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Access to this project's released artifacts, implemented by the Mojo with the Maven Resolver so
 * that this package stays free of Maven.
 */
public interface ReleaseRepository {

    /** The newest non-SNAPSHOT version of this project below the current one, if any is known. */
    Optional<String> previousRelease() throws BaselineException;

    /**
     * The {@code netpol}-classified {@code yaml} bundle of {@code version}; empty when that version
     * exists but carries no bundle. Throws when the version itself cannot be resolved.
     */
    Optional<Path> bundle(String version) throws BaselineException;

    /** True when Maven runs offline, so a missing release may just be one that was never downloaded. */
    boolean offline();

    /** The coordinates shown in messages, {@code groupId:artifactId}. */
    String coordinates();
}
