package io.github.netpol.render;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The Kustomize to run: {@code kustomize build} when a {@code kustomize} executable is configured or on the
 * {@code PATH}, else {@code kubectl kustomize} (kubectl carries Kustomize). Resolved to a file before anything
 * runs, so a missing tool is one clear error and the tool's identity can enter the digest of the rendering inputs.
 *
 * @param executable the resolved file
 * @param arguments  what comes before the directory: {@code build} or {@code kustomize}
 */
public record KustomizeCommand(Path executable, List<String> arguments) {

    public KustomizeCommand {
        arguments = List.copyOf(arguments);
    }

    /**
     * @param configured {@code netpol.kustomize}: a path or a name looked up on the {@code PATH}; {@code null} or
     *                   blank to choose {@code kustomize}, else {@code kubectl}, from the {@code PATH}
     * @param env        the environment ({@code PATH}, and {@code PATHEXT} on Windows)
     */
    public static KustomizeCommand resolve(String configured, UnaryOperator<String> env) throws RenderException {
        if (configured == null || configured.isBlank()) {
            Optional<Path> kustomize = onPath("kustomize", env);
            if (kustomize.isPresent()) {
                return new KustomizeCommand(kustomize.get(), List.of("build"));
            }
            Optional<Path> kubectl = onPath("kubectl", env);
            if (kubectl.isPresent()) {
                return new KustomizeCommand(kubectl.get(), List.of("kustomize"));
            }
            throw new RenderException("neither kustomize nor kubectl is on the PATH, and a Kustomize directory can only be"
                    + " rendered by one of them: install kubectl (it includes Kustomize) or kustomize, or set"
                    + " netpol.kustomize to the path of either");
        }
        String name = configured.trim();
        Optional<Path> file = name.contains("/") || name.contains(File.separator) ? executableFile(path(name))
                : onPath(name, env);
        if (file.isEmpty()) {
            throw new RenderException("netpol.kustomize: '" + name + "' is not an executable file" + (name.contains("/")
                    ? "" : " on the PATH") + "; install kubectl or kustomize, or point netpol.kustomize at one of them");
        }
        String fileName = file.get().getFileName().toString().toLowerCase(Locale.ROOT);
        return new KustomizeCommand(file.get(), List.of(fileName.startsWith("kubectl") ? "kustomize" : "build"));
    }

    /** How messages name it: {@code kubectl kustomize} or {@code kustomize build}. */
    public String describe() {
        return executable.getFileName() + " " + String.join(" ", arguments);
    }

    /** The tool's identity for the digest of the rendering inputs: its path, size and time. */
    String identity() {
        try {
            return executable + " " + Files.size(executable) + "@" + Files.getLastModifiedTime(executable).toMillis();
        } catch (IOException e) {
            return executable.toString();
        }
    }

    List<String> command(List<String> more) {
        List<String> out = new ArrayList<>();
        out.add(executable.toString());
        out.addAll(arguments);
        out.addAll(more);
        return out;
    }

    private static Optional<Path> onPath(String name, UnaryOperator<String> env) {
        String path = env.apply("PATH");
        if (path == null) {
            return Optional.empty();
        }
        List<String> suffixes = new ArrayList<>(List.of(""));
        String pathExt = env.apply("PATHEXT");
        if (pathExt != null) {
            for (String ext : pathExt.split(File.pathSeparator)) {
                suffixes.add(ext.toLowerCase(Locale.ROOT));
            }
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            for (String suffix : suffixes) {
                Optional<Path> found = executableFile(path(dir).resolve(name + suffix));
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private static Path path(String text) {
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            return Path.of("/nonexistent");
        }
    }

    private static Optional<Path> executableFile(Path file) {
        return Files.isRegularFile(file) && Files.isExecutable(file) ? Optional.of(file.toAbsolutePath().normalize())
                : Optional.empty();
    }
}
