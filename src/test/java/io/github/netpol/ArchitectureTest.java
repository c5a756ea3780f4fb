package io.github.netpol;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Holds the layering of the main sources: the rooms (the packages right under {@code io.github.netpol}) in the
 * order of the design, each importing only rooms below it, and no cycle between any two packages, sub-packages
 * included. A file's dependencies are its {@code io.github.netpol} imports and the fully qualified names in its
 * code (comments and string literals are left out).
 */
class ArchitectureTest {

    /** The rooms from the lowest to the highest: a room may use only rooms earlier in this list. */
    static final List<String> ROOMS = List.of("finding", "render", "load", "model", "validate", "analysis",
            "baseline", "diff", "assertions", "gate", "report", "fork", "maven");

    private static final String ROOT = "io.github.netpol";
    private static final Path MAIN = Path.of("src/main/java");
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
    /** A reference to a class of this project: the package is every lower-case part before the first capital. */
    private static final Pattern REFERENCE = Pattern.compile(
            "\\bio\\.github\\.netpol((?:\\.[a-z_][a-z0-9_]*)*)\\.[A-Z]");

    @Test
    void everyRoomImportsOnlyRoomsBelowIt() throws IOException {
        List<String> violations = new ArrayList<>();
        for (SourceFile file : sources()) {
            String room = room(file.packageName());
            assertThat(ROOMS).as("%s is in package %s; add its room to the design's order and to ROOMS",
                    file.path(), file.packageName()).contains(room);
            for (String used : file.references()) {
                String usedRoom = room(used);
                if (!ROOMS.contains(usedRoom) || ROOMS.indexOf(usedRoom) > ROOMS.indexOf(room)) {
                    violations.add(file.path() + " uses " + used + ": " + room + " may use only "
                            + String.join(", ", ROOMS.subList(0, ROOMS.indexOf(room) + 1)));
                }
            }
        }
        assertThat(violations).as("imports upwards in the design's order").isEmpty();
    }

    @Test
    void noTwoPackagesDependOnEachOther() throws IOException {
        Map<String, Set<String>> graph = new TreeMap<>();
        Map<String, String> example = new HashMap<>();
        for (SourceFile file : sources()) {
            Set<String> edges = graph.computeIfAbsent(file.packageName(), k -> new TreeSet<>());
            for (String used : file.references()) {
                if (!used.equals(file.packageName())) {
                    edges.add(used);
                    example.putIfAbsent(file.packageName() + " -> " + used, file.path().toString());
                }
            }
        }
        List<String> cycles = new ArrayList<>();
        for (List<String> component : new StronglyConnected(graph).components()) {
            if (component.size() > 1) {
                List<String> why = new ArrayList<>();
                for (String from : component) {
                    for (String to : graph.getOrDefault(from, Set.of())) {
                        if (component.contains(to)) {
                            why.add(from + " -> " + to + " (" + example.get(from + " -> " + to) + ")");
                        }
                    }
                }
                cycles.add(String.join(", ", component) + ": " + String.join("; ", why));
            }
        }
        assertThat(cycles).as("packages that depend on each other").isEmpty();
    }

    @Test
    void theReadmeNamesEveryPackage() throws IOException {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        String developing = readme.substring(readme.indexOf("## Developing"));
        Set<String> packages = new TreeSet<>();
        for (SourceFile file : sources()) {
            packages.add(file.packageName().substring(ROOT.length() + 1));
        }
        for (String p : packages) {
            assertThat(developing).as("README's Developing section names the package %s", p).contains("`" + p + "`");
        }
    }

    @Test
    void findsReferencesInImportsAndCodeButNotInCommentsOrStrings() {
        String code = """
                package io.github.netpol.model;
                import io.github.netpol.finding.Finding;
                import static io.github.netpol.load.JsonPointer.child;
                /** {@link io.github.netpol.report.ReportWriter} */
                class X {
                    // io.github.netpol.maven.CheckMojo
                    String s = "io.github.netpol.gate.Gate";
                    String t = \"""
                        io.github.netpol.diff.VersionDiff
                        \""";
                    io.github.netpol.analysis.connectivity.Node node;
                }
                """;
        assertThat(SourceFile.parse(Path.of("X.java"), code).references()).containsExactlyInAnyOrder(
                "io.github.netpol.finding", "io.github.netpol.load", "io.github.netpol.analysis.connectivity");
    }

    private static String room(String packageName) {
        if (!packageName.startsWith(ROOT + ".")) {
            return packageName;
        }
        String rest = packageName.substring(ROOT.length() + 1);
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    private static List<SourceFile> sources() throws IOException {
        try (Stream<Path> walk = Files.walk(MAIN)) {
            List<SourceFile> out = new ArrayList<>();
            for (Path p : walk.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                out.add(SourceFile.parse(MAIN.relativize(p), Files.readString(p, StandardCharsets.UTF_8)));
            }
            assertThat(out).as("main sources under " + MAIN.toAbsolutePath()).isNotEmpty();
            return out;
        }
    }

    /** One main source file: its package and the project packages it uses. */
    record SourceFile(Path path, String packageName, Set<String> references) {

        static SourceFile parse(Path path, String text) {
            String code = withoutCommentsAndStrings(text);
            Matcher pkg = PACKAGE.matcher(code);
            String packageName = pkg.find() ? pkg.group(1) : "";
            Set<String> references = new TreeSet<>();
            Matcher m = REFERENCE.matcher(code);
            while (m.find()) {
                references.add(ROOT + m.group(1));
            }
            references.remove(ROOT + "");
            references.remove(packageName);
            return new SourceFile(path, packageName, references);
        }

        /** The text with comments, string and character literals (text blocks too) blanked out. */
        static String withoutCommentsAndStrings(String text) {
            StringBuilder out = new StringBuilder(text.length());
            int i = 0;
            while (i < text.length()) {
                if (text.startsWith("//", i)) {
                    int end = text.indexOf('\n', i);
                    i = end < 0 ? text.length() : end;
                } else if (text.startsWith("/*", i)) {
                    int end = text.indexOf("*/", i + 2);
                    i = end < 0 ? text.length() : end + 2;
                    out.append(' ');
                } else if (text.startsWith("\"\"\"", i)) {
                    int end = text.indexOf("\"\"\"", i + 3);
                    while (end > 0 && text.charAt(end - 1) == '\\') {
                        end = text.indexOf("\"\"\"", end + 3);
                    }
                    i = end < 0 ? text.length() : end + 3;
                    out.append("\"\"");
                } else if (text.charAt(i) == '"' || text.charAt(i) == '\'') {
                    char quote = text.charAt(i);
                    int j = i + 1;
                    while (j < text.length() && text.charAt(j) != quote) {
                        j += text.charAt(j) == '\\' ? 2 : 1;
                    }
                    i = j + 1;
                    out.append(quote).append(quote);
                } else {
                    out.append(text.charAt(i++));
                }
            }
            return out.toString();
        }
    }

    /** Tarjan's strongly connected components of a package graph. */
    private static final class StronglyConnected {
        private final Map<String, Set<String>> graph;
        private final Map<String, Integer> index = new HashMap<>();
        private final Map<String, Integer> low = new HashMap<>();
        private final Deque<String> stack = new ArrayDeque<>();
        private final Set<String> onStack = new TreeSet<>();
        private final List<List<String>> components = new ArrayList<>();

        StronglyConnected(Map<String, Set<String>> graph) {
            this.graph = graph;
        }

        List<List<String>> components() {
            for (String node : graph.keySet()) {
                if (!index.containsKey(node)) {
                    visit(node);
                }
            }
            return components;
        }

        private void visit(String node) {
            index.put(node, index.size());
            low.put(node, index.get(node));
            stack.push(node);
            onStack.add(node);
            for (String next : graph.getOrDefault(node, Set.of())) {
                if (!index.containsKey(next)) {
                    visit(next);
                    low.put(node, Math.min(low.get(node), low.get(next)));
                } else if (onStack.contains(next)) {
                    low.put(node, Math.min(low.get(node), index.get(next)));
                }
            }
            if (low.get(node).equals(index.get(node))) {
                List<String> component = new ArrayList<>();
                String member;
                do {
                    member = stack.pop();
                    onStack.remove(member);
                    component.add(member);
                } while (!member.equals(node));
                component.sort(String::compareTo);
                components.add(component);
            }
        }
    }
}
