package io.github.netpol.render;

import org.yaml.snakeyaml.LoaderOptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders a Kustomize directory with the real Kustomize, as {@code kubectl apply -k} would apply it, and keeps
 * where each object comes from. The user's files are never touched: a wrapper kustomization in the build's
 * work directory names the user's directory by its relative path (Kustomize refuses absolute ones) and asks for
 * origin annotations, which are taken out of the output again.
 */
final class KustomizeRenderer {

    private final KustomizeCommand command;
    private final Duration timeout;
    private final Supplier<LoaderOptions> options;

    KustomizeRenderer(KustomizeCommand command, Duration timeout, Supplier<LoaderOptions> options) {
        this.command = command;
        this.timeout = timeout;
        this.options = options;
    }

    /**
     * @param tree    the walked directory (remote entries already refused)
     * @param work    a directory of the build's own for the wrapper, the output and the tool's temporary files
     * @param show    how messages and origins name a path
     * @return the rendered documents, each preceded by its origin comment
     */
    String render(KustomizationTree tree, String loadRestrictor, Path work, Function<Path, String> show)
            throws RenderException {
        Path wrapper = work.resolve("wrapper");
        Path tmp = work.resolve("tmp");
        Path stdout = work.resolve("kustomize.out");
        Path stderr = work.resolve("kustomize.err");
        String relative;
        try {
            relative = wrapper.relativize(tree.root()).toString().replace('\\', '/');
        } catch (IllegalArgumentException e) {
            throw new RenderException(show.apply(tree.root()) + " cannot be named relative to the build directory "
                    + wrapper + " (another drive?); Kustomize accepts only relative paths there", e);
        }
        List<String> args = new ArrayList<>(List.of(wrapper.toString()));
        if (loadRestrictor != null && !loadRestrictor.isBlank()) {
            args.add("--load-restrictor");
            args.add(loadRestrictor.trim());
        }
        int exit;
        try {
            Files.createDirectories(wrapper);
            Files.createDirectories(tmp);
            Files.writeString(wrapper.resolve("kustomization.yaml"), "# written by netpol to learn where each object"
                    + " comes from; the user's kustomization is read as it is\napiVersion: kustomize.config.k8s.io/v1beta1\n"
                    + "kind: Kustomization\nresources:\n  - " + quoted(relative) + "\nbuildMetadata: [originAnnotations]\n",
                    StandardCharsets.UTF_8);
            exit = ProcessRunner.run(command.command(args), work, tmp, timeout, stdout, stderr).exitCode();
        } catch (IOException e) {
            throw new RenderException("cannot run " + command.describe() + " (" + command.executable() + ") for "
                    + show.apply(tree.root()) + ": " + e.getMessage() + "; install kubectl or kustomize, or set"
                    + " netpol.kustomize", e);
        } catch (ProcessRunner.TimedOut e) {
            throw new RenderException(command.describe() + " did not render " + show.apply(tree.root()) + " within "
                    + timeout.toSeconds() + " s and was stopped; raise netpol.renderTimeout if the directory is just"
                    + " large, or look for something that waits (a generator, a plugin)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RenderException("interrupted while rendering " + show.apply(tree.root()), e);
        }
        String out = read(stdout);
        if (exit != 0) {
            throw new RenderException(command.describe() + " failed to render " + show.apply(tree.root()) + " (exit "
                    + exit + "): " + errorText(read(stderr)));
        }
        List<KustomizeOutput.Document> docs = KustomizeOutput.read(out, options.get(), tree.ownOriginAnnotations());
        KustomizeOrigins origins = new KustomizeOrigins(tree, wrapper, options.get(), show);
        StringBuilder text = new StringBuilder();
        for (KustomizeOutput.Document doc : docs) {
            text.append("---\n");
            origins.describe(doc).forEach(line -> text.append("# ").append(line).append('\n'));
            text.append(doc.text());
        }
        return text.toString();
    }

    private static final Pattern KLOG_ERROR = Pattern.compile("err=\"((?:[^\"\\\\]|\\\\.)*)\"", Pattern.DOTALL);

    /**
     * What Kustomize said went wrong. kubectl writes it in a log line ({@code E1130 ... "command failed"
     * err="..."}), kustomize as {@code Error: ...}; either is reduced to the message.
     */
    static String errorText(String stderr) {
        Matcher m = KLOG_ERROR.matcher(stderr);
        String text = m.find() ? m.group(1).replace("\\\"", "\"").replace("\\n", "\n").replace("\\\\", "\\")
                : stderr.replaceFirst("^Error: ", "");
        text = text.strip();
        return text.isEmpty() ? "no message" : text.length() > 4000 ? text.substring(0, 4000) + " ..." : text;
    }

    private static String read(Path file) throws RenderException {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new RenderException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static String quoted(String s) {
        return "'" + s.replace("'", "''") + "'";
    }
}
