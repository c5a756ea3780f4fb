package io.github.netpol.render;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import com.marcnuri.helm.jni.HelmLib;
import com.marcnuri.helm.jni.NativeLibrary;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The one class that uses helm-java (Helm's Go engine in a native library), so that the library's classes are
 * loaded only when a chart is rendered. Two traps of the library are closed here:
 * <ul>
 *   <li>helm-java looks for its native library with the thread's context class loader and, when that loader does
 *       not see it, silently downloads it from Maven Central into the temporary directory (even offline builds
 *       try) and trusts that copy later. This class finds the library through its own class loader and never
 *       lets helm-java look for it, and it also sets the context class loader around every call.</li>
 *   <li>Helm takes SIGINT and SIGTERM from the JVM on its first call ({@link HelmSignals} gives them back).</li>
 * </ul>
 * Calls are serialised: Helm's engine swaps global state per call, and the signals are given back by one call at
 * a time.
 */
final class HelmEngine {

    private static final Object LOCK = new Object();

    private HelmEngine() {
    }

    /** The native library, extracted and loaded once per class loader, on the first render. */
    private static final class Library {
        static final HelmLib INSTANCE = load();

        private static HelmLib load() {
            Iterator<NativeLibrary> found = ServiceLoader.load(NativeLibrary.class, HelmEngine.class.getClassLoader())
                    .iterator();
            if (!found.hasNext()) {
                throw new IllegalStateException("the plugin has no Helm native library for this system ("
                        + System.getProperty("os.name") + ", " + System.getProperty("os.arch") + "); helm-java provides"
                        + " linux-amd64, linux-arm64, darwin-amd64, darwin-arm64 and windows-amd64");
            }
            return found.next().load();
        }
    }

    /**
     * {@code helm template}: the chart's manifests (without hooks and CRDs), each after a {@code # Source:} line.
     *
     * @throws IllegalStateException with Helm's message when the chart does not render
     */
    static String template(Path chart, String release, String namespace, List<Path> valuesFiles, Map<String, String> set) {
        synchronized (LOCK) {
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(Helm.class.getClassLoader());
            HelmSignals.beforeCall();
            try {
                TemplateCommand command = new TemplateCommand(Library.INSTANCE, chart).withName(release)
                        .withNamespace(namespace);
                valuesFiles.forEach(command::withValuesFile);
                set.forEach(command::set);
                return command.call();
            } finally {
                HelmSignals.afterCall();
                thread.setContextClassLoader(previous);
            }
        }
    }
}
