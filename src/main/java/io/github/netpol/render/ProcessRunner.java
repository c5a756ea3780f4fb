package io.github.netpol.render;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs an external command with its output in files (no pipes to drain, so no deadlock on a large output), no
 * input, a time limit, and an environment kept off the network and away from any cluster: a kubeconfig of nothing,
 * a proxy that refuses every connection, git restricted to local files, and a temporary directory of its own.
 */
final class ProcessRunner {

    /** What a finished command left. */
    record Result(int exitCode) {
    }

    /** The command did not finish within its time; it and every process it started were killed. */
    static final class TimedOut extends Exception {
        TimedOut() {
            super("timed out");
        }
    }

    /** Where every HTTP(S) request goes: a port nothing listens on, so a fetch fails at once instead of hanging. */
    static final String DEAD_PROXY = "http://127.0.0.1:9";

    private ProcessRunner() {
    }

    /**
     * @param tmp the command's {@code TMPDIR}: a killed kustomize leaves clone directories behind, which then lie
     *            inside the build's output rather than in {@code /tmp}
     * @throws IOException when the command cannot be started (not installed, not executable)
     */
    static Result run(List<String> command, Path workDir, Path tmp, Duration timeout, Path stdout, Path stderr)
            throws IOException, TimedOut, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File(nullDevice())));
        offline(builder.environment(), tmp);
        Process process = builder.start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            // the children first, listed before the parent dies: a git fetch started by kustomize outlives its parent
            List<ProcessHandle> children = process.descendants().toList();
            children.forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor();
            throw new TimedOut();
        }
        return new Result(process.exitValue());
    }

    /** The environment of every command: no cluster, no network, no prompts. */
    static void offline(Map<String, String> env, Path tmp) {
        // kubectl reads the kubeconfig and may call its API server even for 'kustomize' (the Google Cloud build does)
        env.put("KUBECONFIG", nullDevice());
        for (String proxy : List.of("HTTPS_PROXY", "HTTP_PROXY", "https_proxy", "http_proxy", "ALL_PROXY", "all_proxy")) {
            env.put(proxy, DEAD_PROXY);
        }
        env.remove("NO_PROXY");
        env.remove("no_proxy");
        env.put("GIT_ALLOW_PROTOCOL", "file");
        env.put("GIT_TERMINAL_PROMPT", "0");
        env.put("TMPDIR", tmp.toString());
        env.put("TMP", tmp.toString());
        env.put("TEMP", tmp.toString());
    }

    private static String nullDevice() {
        return File.separatorChar == '\\' ? "NUL" : "/dev/null";
    }
}
