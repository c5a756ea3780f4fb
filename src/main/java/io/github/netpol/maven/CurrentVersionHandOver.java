package io.github.netpol.maven;

import io.github.netpol.load.SourceFile;
import io.github.netpol.validate.ReadVersion;
import io.github.netpol.validate.apiserver.CrdChannel;
import org.apache.maven.project.MavenProject;

import java.lang.ref.SoftReference;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Hands the manifests {@code validate} read to {@code test} and {@code check} in the same build, through the
 * project's context, so that a build running them parses the sources once. Each environment's entry is keyed by
 * the bytes of every file, the default namespace and the CRD channel: any difference and the goal reads the files itself. It is
 * held softly (memory pressure may clear it, which only costs a re-read); {@code test} looks at it and leaves it,
 * {@code check}, the last goal of a build's lifecycle to read the sources, takes it out, so a large version does
 * not stay on the heap for the rest of the build.
 */
final class CurrentVersionHandOver {

    private static final String KEY = CurrentVersionHandOver.class.getName();

    private CurrentVersionHandOver() {
    }

    /** Adds one version (one environment of the build) to those on offer. */
    static void offer(MavenProject project, List<SourceFile> files, String defaultNamespace, CrdChannel channel,
                      ReadVersion read) {
        if (project != null) {
            Map<String, ReadVersion> entries = new HashMap<>(offered(project));
            entries.put(key(files, defaultNamespace, channel), read);
            project.setContextValue(KEY, new SoftReference<>(entries));
        }
    }

    /**
     * The version offered for exactly these files, default namespace and channel, if it is still there; removes it.
     */
    static Optional<ReadVersion> take(MavenProject project, List<SourceFile> files, String defaultNamespace,
                                      CrdChannel channel) {
        if (project == null) {
            return Optional.empty();
        }
        Map<String, ReadVersion> entries = new HashMap<>(offered(project));
        ReadVersion read = entries.remove(key(files, defaultNamespace, channel));
        project.setContextValue(KEY, entries.isEmpty() ? null : new SoftReference<>(entries));
        return Optional.ofNullable(read);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ReadVersion> offered(MavenProject project) {
        return project.getContextValue(KEY) instanceof SoftReference<?> ref && ref.get() instanceof Map<?, ?> map
                ? (Map<String, ReadVersion>) map : Map.of();
    }

    /** The version offered for exactly these files, default namespace and channel, if it is still there; leaves it. */
    static Optional<ReadVersion> peek(MavenProject project, List<SourceFile> files, String defaultNamespace,
                                      CrdChannel channel) {
        return project == null ? Optional.empty()
                : Optional.ofNullable(offered(project).get(key(files, defaultNamespace, channel)));
    }

    private static String key(List<SourceFile> files, String defaultNamespace, CrdChannel channel) {
        return InputDigest.of("read", "-").settings(Map.of("defaultNamespace", String.valueOf(defaultNamespace),
                        "channel", String.valueOf(channel))).files("sources", files).hex();
    }
}
