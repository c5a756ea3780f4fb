package io.github.netpol.render;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Renders a local chart in-process with Helm's own engine, as {@code helm template} would (without hooks, which
 * {@link HelmChart} has checked), and makes each {@code # Source:} line name the template by its path in the
 * project.
 */
final class HelmRenderer {

    private final Duration timeout;

    HelmRenderer(Duration timeout) {
        this.timeout = timeout;
    }

    String render(HelmChart chart, String release, String namespace, List<Path> valuesFiles, Map<String, String> set,
                  Function<Path, String> show) throws RenderException {
        String what = show.apply(chart.dir()) + " (release " + release + ", namespace " + namespace
                + (valuesFiles.isEmpty() ? "" : ", values " + String.join(", ", valuesFiles.stream().map(show).toList()))
                + ")";
        FutureTask<String> task = new FutureTask<>(() -> HelmEngine.template(chart.dir(), release, namespace,
                valuesFiles, set));
        // a thread of its own, so that a chart that never finishes can be given up on; Helm's engine cannot be
        // stopped, so the thread is a daemon that does not hold the JVM
        Thread thread = new Thread(task, "netpol-helm");
        thread.setDaemon(true);
        thread.setContextClassLoader(HelmRenderer.class.getClassLoader());
        thread.start();
        String out;
        try {
            out = task.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new RenderException("Helm did not render " + what + " within " + timeout.toSeconds() + " s; raise"
                    + " netpol.renderTimeout if the chart is just large, or look for a template that loops", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RenderException("interrupted while rendering " + what, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            String message = cause.getMessage() == null ? cause.toString() : cause.getMessage().strip();
            throw new RenderException("Helm failed to render " + what + ": " + message + advice(message), cause);
        }
        return sources(out, chart, show);
    }

    private static String advice(String message) {
        if (message.contains("error loading config file") || message.contains("kubeconfig")) {
            return " (Helm reads the kubeconfig even to render: fix $KUBECONFIG or ~/.kube/config, or build with"
                    + " KUBECONFIG=/dev/null)";
        }
        if (message.contains("missing in charts/")) {
            return " (the build never downloads charts: run 'helm dependency build' once and commit charts/)";
        }
        return "";
    }

    /** Helm names a template {@code <chart name>/templates/...}; the project knows it as {@code <chart dir>/templates/...}. */
    private static String sources(String out, HelmChart chart, Function<Path, String> show) {
        String prefix = "# Source: " + chart.name() + "/";
        String replacement = "# Source: " + show.apply(chart.dir()) + "/";
        StringBuilder text = new StringBuilder();
        for (String line : out.split("\n", -1)) {
            text.append(line.startsWith(prefix) ? replacement + line.substring(prefix.length()) : line).append('\n');
        }
        String result = text.toString().strip();
        return result.isEmpty() ? "" : result + "\n";
    }
}
