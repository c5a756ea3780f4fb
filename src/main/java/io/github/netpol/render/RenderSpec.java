package io.github.netpol.render;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One environment to render: a Kustomize directory or a local Helm chart with its settings. Paths are relative to
 * the project's directory (or absolute), with forward slashes.
 *
 * @param name           the environment's name: in findings, reports, finding ids and the rendered file's path
 * @param kind           Kustomize or Helm
 * @param path           the kustomization directory or the chart directory
 * @param valuesFiles    Helm: values files, in order (later ones win)
 * @param set            Helm: {@code key=value} entries, applied after the values files
 * @param releaseName    Helm: the release name, {@code null} for the chart directory's name
 * @param namespace      Helm: the release namespace, {@code null} for the default namespace
 * @param loadRestrictor Kustomize: {@code --load-restrictor}, {@code null} for Kustomize's default
 */
public record RenderSpec(String name, Kind kind, String path, List<String> valuesFiles, List<String> set,
                         String releaseName, String namespace, String loadRestrictor) {

    /** How an environment is rendered. */
    public enum Kind {
        KUSTOMIZE("Kustomize directory"), HELM("Helm chart");

        private final String text;

        Kind(String text) {
            this.text = text;
        }

        /** How messages call it. */
        public String text() {
            return text;
        }
    }

    private static final Pattern NAME = Pattern.compile("[a-z0-9]([a-z0-9._-]{0,61}[a-z0-9])?");

    public RenderSpec {
        valuesFiles = valuesFiles == null ? List.of() : List.copyOf(valuesFiles);
        set = set == null ? List.of() : List.copyOf(set);
    }

    /** A directory rendered with every setting at its default. */
    public static RenderSpec of(String name, Kind kind, String path) {
        return new RenderSpec(name, kind, path, List.of(), List.of(), null, null, null);
    }

    /** The same environment under another name. */
    public RenderSpec named(String newName) {
        return new RenderSpec(newName, kind, path, valuesFiles, set, releaseName, namespace, loadRestrictor);
    }

    /** Why a name cannot be an environment's name (it is part of paths and finding ids), or {@code null}. */
    public static String nameProblem(String name) {
        return name != null && NAME.matcher(name).matches() ? null
                : "'" + name + "' is not an environment name; use 1-63 lower-case letters, digits, '.', '_' or '-',"
                + " starting and ending with a letter or digit";
    }

    /** An environment name made from a directory path: its last part, lower-cased, other characters as '-'. */
    public static String nameFor(String path) {
        String p = path.replace('\\', '/').replaceAll("/+$", "");
        String last = p.substring(p.lastIndexOf('/') + 1);
        String name = last.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-").replaceAll("^[^a-z0-9]+|[^a-z0-9]+$", "");
        return name.isEmpty() ? "default" : name.length() > 63 ? name.substring(0, 63).replaceAll("[^a-z0-9]+$", "") : name;
    }

    /**
     * What a directory holds: a kustomization, a chart, or neither ({@code null}).
     *
     * @throws IllegalArgumentException when it holds both
     */
    public static Kind detect(Path dir) {
        if (!Files.isDirectory(dir)) {
            return null;
        }
        boolean kustomize = KustomizationTree.fileOf(dir) != null;
        boolean helm = Files.isRegularFile(dir.resolve("Chart.yaml"));
        if (kustomize && helm) {
            throw new IllegalArgumentException(dir + " holds both a kustomization file and a Chart.yaml; name it in"
                    + " <renders> with its <kind> (kustomize or helm)");
        }
        return kustomize ? Kind.KUSTOMIZE : helm ? Kind.HELM : null;
    }

    /** {@code kustomization.yaml} (or .yml, Kustomization) or {@code Chart.yaml}: a file that only means something rendered. */
    public static boolean isRenderingInput(String fileName) {
        return KustomizationTree.FILE_NAMES.contains(fileName) || fileName.equals("Chart.yaml");
    }
}
