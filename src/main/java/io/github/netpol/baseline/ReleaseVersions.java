package io.github.netpol.baseline;

import java.util.List;
import java.util.Optional;

/**
 * What the project's repositories said when asked for its releases: the released versions below the current
 * one, and the repositories that did not answer. Only an answer from every repository proves that no earlier
 * release exists; a repository that could not be asked may hold the newest one.
 *
 * @param versions   released (non-SNAPSHOT) versions below the current one, oldest first
 * @param unanswered one entry a repository that did not answer: its id and URL and why, e.g.
 *                   {@code central (https://repo.maven.apache.org/maven2): Connection refused}
 */
public record ReleaseVersions(List<String> versions, List<String> unanswered) {

    public ReleaseVersions {
        versions = List.copyOf(versions);
        unanswered = List.copyOf(unanswered);
    }

    public Optional<String> newest() {
        return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
    }

    /** True when every repository answered, so {@link #versions} is all there is. */
    public boolean complete() {
        return unanswered.isEmpty();
    }
}
