package io.github.netpol.baseline;

import io.github.netpol.load.SourceFile;
import io.github.netpol.load.YamlLimits;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.representer.Representer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The policy bundle attached to a release ({@code <artifactId>-<version>-netpol.yaml}): one YAML document
 * holding every manifest file of the release's sources, verbatim and in a stable order, and for every rendered
 * environment its rendered manifests and the digest of what it was rendered from ({@code environments}, absent
 * from bundles written before rendering existed, which still read as plain manifests).
 * Keeping the files whole, rather than re-serialising the objects, is what lets a later check point
 * a finding about a removed policy at the line it had in the release.
 */
public final class PolicyBundle {

    public static final String API_VERSION = "netpol.io/v1";
    public static final String KIND = "PolicyBundle";
    private static final int MAX_BUNDLE_CODE_POINTS = 256 * 1024 * 1024;

    /** What a bundle holds: the plain manifests and the rendered environments. */
    public record Contents(List<SourceFile> files, List<RenderedFiles> environments) {
        public Contents {
            files = List.copyOf(files);
            environments = List.copyOf(environments);
        }
    }

    /** Serialises the files (sorted by path) with the project coordinates in the metadata. */
    public String write(String coordinates, String version, List<SourceFile> files) {
        return write(coordinates, version, files, List.of());
    }

    /** Serialises the plain files and the rendered environments, in a stable order. */
    public String write(String coordinates, String version, List<SourceFile> files, List<RenderedFiles> environments) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("apiVersion", API_VERSION);
        doc.put("kind", KIND);
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("project", coordinates);
        meta.put("version", version);
        doc.put("metadata", meta);
        doc.put("files", entries(files));
        if (!environments.isEmpty()) {
            List<Map<String, Object>> envs = new ArrayList<>();
            environments.stream().sorted((a, b) -> a.name().compareTo(b.name())).forEach(env -> {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("name", env.name());
                e.put("source", env.source());
                e.put("tool", env.tool());
                e.put("inputsDigest", env.inputsDigest());
                e.put("files", entries(env.files()));
                envs.add(e);
            });
            doc.put("environments", envs);
        }
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setWidth(Integer.MAX_VALUE);
        options.setSplitLines(false);
        Yaml yaml = new Yaml(new Representer(options), options);
        return "# netpol policy bundle, written by netpol-maven-plugin; the next release's check compares with it\n"
                + yaml.dump(doc);
    }

    private static List<Map<String, Object>> entries(List<SourceFile> files) {
        List<Map<String, Object>> entries = new ArrayList<>();
        files.stream()
                .sorted((a, b) -> a.path().compareTo(b.path()))
                .forEach(f -> {
                    Map<String, Object> e = new LinkedHashMap<>();
                    e.put("path", f.path());
                    e.put("content", new String(f.content(), StandardCharsets.UTF_8));
                    entries.add(e);
                });
        return entries;
    }

    /** Reads a bundle back into its plain files; {@code origin} names the bundle in error messages. */
    public List<SourceFile> read(byte[] bundle, String origin) throws BaselineException {
        return readContents(bundle, origin).files();
    }

    /** Reads a bundle back into its plain files and rendered environments. */
    public Contents readContents(byte[] bundle, String origin) throws BaselineException {
        LoaderOptions options = YamlLimits.options(MAX_BUNDLE_CODE_POINTS);
        Object loaded;
        try {
            loaded = new Yaml(new SafeConstructor(options)).load(new String(bundle, StandardCharsets.UTF_8));
        } catch (MarkedYAMLException e) {
            // the problem and where, never the snippet of the file that SnakeYAML's own message (and so a cause
            // printed with -e) quotes
            Mark m = e.getProblemMark();
            throw new BaselineException(origin + " is not a readable netpol bundle: " + e.getProblem()
                    + (m == null ? "" : " at line " + (m.getLine() + 1) + ", column " + (m.getColumn() + 1)));
        } catch (YAMLException e) {
            throw new BaselineException(origin + " is not a readable netpol bundle: " + e.getMessage(), e);
        }
        if (!(loaded instanceof Map<?, ?> doc) || !KIND.equals(doc.get("kind")) || !(doc.get("files") instanceof List<?> list)) {
            // say what is wrong, not what the file holds: it may be anything
            throw new BaselineException(origin + " is not a netpol bundle (expected kind: " + KIND
                    + " with a files list); was it written by the netpol bundle goal?");
        }
        List<SourceFile> files = files(list, origin, "files");
        List<RenderedFiles> environments = new ArrayList<>();
        Object envs = doc.get("environments");
        if (envs != null && !(envs instanceof List<?>)) {
            throw new BaselineException(origin + " has environments that are not a list");
        }
        for (Object item : envs == null ? List.of() : (List<?>) envs) {
            if (!(item instanceof Map<?, ?> env) || !(env.get("name") instanceof String name)
                    || !(env.get("files") instanceof List<?> envFiles)) {
                throw new BaselineException(origin + " has an environments entry without name and files");
            }
            environments.add(new RenderedFiles(name, text(env.get("source")), text(env.get("tool")),
                    text(env.get("inputsDigest")), files(envFiles, origin, "environment " + name + " files")));
        }
        return new Contents(files, environments);
    }

    private static List<SourceFile> files(List<?> list, String origin, String what) throws BaselineException {
        List<SourceFile> files = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof Map<?, ?> entry) || !(entry.get("path") instanceof String path)
                    || !(entry.get("content") instanceof String content)) {
                throw new BaselineException(origin + " has a " + what + " entry without path and content");
            }
            files.add(new SourceFile(path, content.getBytes(StandardCharsets.UTF_8)));
        }
        return files;
    }

    private static String text(Object value) {
        return value instanceof String s ? s : null;
    }
}
