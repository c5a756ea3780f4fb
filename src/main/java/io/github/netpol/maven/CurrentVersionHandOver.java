package io.github.netpol.maven;

import io.github.netpol.load.SourceFile;
import io.github.netpol.validate.ReadVersion;
import org.apache.maven.project.MavenProject;

import java.lang.ref.SoftReference;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Hands the manifests {@code validate} read to {@code test} and {@code check} in the same build, through the
 * project's context, so that a build running them parses the sources once. The entry is keyed by the bytes of
 * every file and the default namespace: any difference and the goal reads the files itself. It is held softly
 * (memory pressure may clear it, which only costs a re-read); {@code test} looks at it and leaves it, {@code check},
 * the last goal of a build's lifecycle to read the sources, takes it out, so a large version does not stay on the
 * heap for the rest of the build.
 */
final class CurrentVersionHandOver {

    private static final String KEY = CurrentVersionHandOver.class.getName();

    private record Entry(String key, ReadVersion read) {
    }

    private CurrentVersionHandOver() {
    }

    static void offer(MavenProject project, List<SourceFile> files, String defaultNamespace, ReadVersion read) {
        if (project != null) {
            project.setContextValue(KEY, new SoftReference<>(new Entry(key(files, defaultNamespace), read)));
        }
    }

    /** The version offered for exactly these files and default namespace, if it is still there; removes it. */
    static Optional<ReadVersion> take(MavenProject project, List<SourceFile> files, String defaultNamespace) {
        Optional<ReadVersion> read = peek(project, files, defaultNamespace);
        if (project != null) {
            project.setContextValue(KEY, null);
        }
        return read;
    }

    /** The version offered for exactly these files and default namespace, if it is still there; leaves it. */
    static Optional<ReadVersion> peek(MavenProject project, List<SourceFile> files, String defaultNamespace) {
        if (project == null || !(project.getContextValue(KEY) instanceof SoftReference<?> ref)) {
            return Optional.empty();
        }
        return ref.get() instanceof Entry e && e.key().equals(key(files, defaultNamespace))
                ? Optional.of(e.read()) : Optional.empty();
    }

    private static String key(List<SourceFile> files, String defaultNamespace) {
        return InputDigest.of("read", "-").settings(Map.of("defaultNamespace", String.valueOf(defaultNamespace)))
                .files("sources", files).hex();
    }
}
