package io.github.netpol.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the plugin adds to a cold {@code mvn verify}: real Maven builds of generated repositories, each timed with the
 * plugin and again with {@code -Dnetpol.skip=true} (which still loads the plugin's realm and makes its Mojos), with
 * {@code target/} removed before every run, {@code -Dnetpol.force=true} and offline. Runs alternate (skip, with,
 * skip, with ...) so that a change in the machine's load hits both alike; the added time is each pair's difference.
 * <p>
 * The plugin jar is placed in a local repository of the benchmark's own (its dependencies come from the user's
 * local repository, tried before Maven Central, during one warm-up build per case), so nothing is installed into
 * the user's repository. Then one more pair of runs gives the breakdown: classes loaded per library
 * ({@code -Xlog:class+load}), JIT compilation time ({@code -XX:+CITime}), each goal's time from Maven's timestamped
 * log, and the plugin's own stage timings (its debug lines, enabled for the plugin's loggers only).
 * <p>
 * System properties: {@code netpol.cold.runs} (pairs per case, default 3), {@code netpol.cold.cases} (comma
 * separated: {@code shop}, or {@code <shape>:<size>[:<goal>+<goal>]} with the shapes of {@link ShapeGenerator};
 * default {@code shop,policies:1000,policies:10000,rules:5000}), {@code netpol.cold.mvn} (the Maven command,
 * default {@code mvn}), {@code netpol.cold.breakdown} (default true), {@code netpol.cold.project} (this project's
 * directory), {@code netpol.cold.plugin} (the plugin jar) and {@code netpol.cold.pluginVersion},
 * {@code netpol.cold.seed} (the local repository the dependencies come from, default {@code ~/.m2/repository}),
 * {@code netpol.cold.mavenOpts} (JVM options of every build, e.g. {@code -Xmx1g}), {@code netpol.cold.against}
 * (another plugin jar: an A/B of that jar against this build's, {@link #compareJars}).
 */
public final class ColdBench {

    private static final String DEFAULT_CASES = "shop,policies:1000,policies:10000,rules:5000";
    private static final Pattern GC_PAUSE = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");
    private static final Pattern HEAP_AT_EXIT = Pattern.compile("garbage-first heap\\s+total (\\d+)K, used (\\d+)K");
    private static final Pattern CI_TIME = Pattern.compile("Total compilation time\\s*:\\s*([\\d.]+) s");
    private static final Pattern CLASS_SOURCE = Pattern.compile("\\[class,load\\] \\S+ source: (.*)$");
    private static final Pattern GOAL_START = Pattern.compile(
            "^(\\d\\d:\\d\\d:\\d\\d\\.\\d{3}) \\[INFO\\] --- (?:[\\w.-]+:)?([\\w.-]+):[\\w.-]+:([\\w-]+) ");
    private static final Pattern TIMESTAMP = Pattern.compile("^(\\d\\d:\\d\\d:\\d\\d\\.\\d{3}) ");

    private final Path project;
    private final Path work;
    private final Path repo;
    private final Path settings;
    private final String mvn;
    private final String pluginVersion;
    /** Options for every build's JVM, e.g. {@code -Xmx1g} to show a size fits in that heap. */
    private final List<String> mavenOpts = Arrays.stream(System.getProperty("netpol.cold.mavenOpts", "").split(" "))
            .filter(o -> !o.isBlank()).toList();

    private ColdBench(Path project, Path work, String mvn, String pluginVersion) {
        this.project = project;
        this.work = work;
        this.repo = work.resolve("m2");
        this.settings = work.resolve("settings.xml");
        this.mvn = mvn;
        this.pluginVersion = pluginVersion;
    }

    record Case(String name, String shape, int size, List<String> goals) {
        static Case parse(String spec) {
            String s = spec.trim();
            if (s.equals("shop")) {
                return new Case("shop", "shop", 0, List.of("validate", "test", "bundle", "check"));
            }
            String[] parts = s.split(":");
            ShapeGenerator.Shape shape = ShapeGenerator.Shape.of(parts[0]);
            int size = Integer.parseInt(parts[1].replace("_", ""));
            List<String> goals = parts.length > 2 ? List.of(parts[2].split("\\+"))
                    : shape == ShapeGenerator.Shape.POLICIES ? List.of("check") : List.of("validate", "check");
            return new Case(shape.label() + "-" + size, shape.label(), size, goals);
        }
    }

    /** One Maven build: wall time, exit code, heap peak (MiB, from the GC log), and its log. */
    record Run(double seconds, int exit, long heapPeakMiB, String log) {
    }

    public static void main(String[] args) throws Exception {
        Path project = Path.of(System.getProperty("netpol.cold.project", ".")).toAbsolutePath().normalize();
        Path work = project.resolve("target/cold-bench");
        String version = required("netpol.cold.pluginVersion");
        Path jar = Path.of(required("netpol.cold.plugin"));
        int runs = Integer.getInteger("netpol.cold.runs", 3);
        boolean breakdown = Boolean.parseBoolean(System.getProperty("netpol.cold.breakdown", "true"));
        List<Case> cases = Arrays.stream(System.getProperty("netpol.cold.cases", DEFAULT_CASES).split(","))
                .filter(c -> !c.isBlank()).map(Case::parse).toList();
        ColdBench bench = new ColdBench(project, work, System.getProperty("netpol.cold.mvn", "mvn"), version);
        bench.install(jar, Path.of(System.getProperty("netpol.cold.seed",
                System.getProperty("user.home") + "/.m2/repository")));

        String against = System.getProperty("netpol.cold.against", "");
        if (!against.isBlank()) {
            bench.compareJars(cases, Path.of(against), jar, runs);
            return;
        }

        StringBuilder table = new StringBuilder();
        table.append("| case | goals | pairs | added: min / median / max | with plugin (median) | with netpol.skip (median)"
                + " | heap peak with / without | result |\n| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |\n");
        StringBuilder details = new StringBuilder();
        for (Case c : cases) {
            Path dir = bench.generate(c);
            System.out.println("== " + c.name() + " (" + String.join(", ", c.goals()) + "): warm-up build, then " + runs
                    + " pairs (" + LocalTime.now().withNano(0) + ", load " + loadAverage() + ")");
            Run warm = bench.run(dir, false, List.of(), false);
            List<Double> added = new ArrayList<>();
            List<Double> with = new ArrayList<>();
            List<Double> without = new ArrayList<>();
            long heapWith = 0;
            long heapWithout = 0;
            for (int i = 0; i < runs; i++) {
                Run b = bench.run(dir, true, List.of(), true);
                Run a = bench.run(dir, false, List.of(), true);
                if (b.exit() != 0) {
                    throw new IllegalStateException(c.name() + ": the build with netpol.skip failed:\n" + tail(b.log()));
                }
                if (a.exit() != warm.exit()) {
                    throw new IllegalStateException(c.name() + ": exit code " + a.exit() + " after " + warm.exit()
                            + " in the warm-up:\n" + tail(a.log()));
                }
                added.add(a.seconds() - b.seconds());
                with.add(a.seconds());
                without.add(b.seconds());
                heapWith = Math.max(heapWith, a.heapPeakMiB());
                heapWithout = Math.max(heapWithout, b.heapPeakMiB());
                System.out.printf(Locale.ROOT, "   pair %d: with %.2f s, skip %.2f s, added %+.2f s (load %s)%n", i + 1,
                        a.seconds(), b.seconds(), a.seconds() - b.seconds(), loadAverage());
            }
            String result = warm.exit() == 0 ? "passed" : "failed" + (warm.log().contains("netpol check FAILED")
                    ? " (the check found the change)" : "");
            table.append(String.format(Locale.ROOT, "| %s | %s | %d | %s / **%s** / %s | %.2f s | %.2f s | %d / %d MiB | %s |%n",
                    c.name(), String.join(", ", c.goals()), runs, signed(min(added)), signed(median(added)),
                    signed(max(added)), median(with), median(without), heapWith, heapWithout, result));
            if (breakdown) {
                details.append(bench.breakdown(c, dir));
            }
        }
        System.out.println();
        System.out.println("Load average now: " + loadAverage() + "; Maven: " + bench.mvn + "; " + Runtime.version()
                + (bench.mavenOpts.isEmpty() ? "" : "; MAVEN_OPTS " + String.join(" ", bench.mavenOpts)));
        System.out.println("Heap peak: the most heap in use at any GC or at exit (-Xlog:gc, -Xlog:gc+heap+exit), of"
                + " Maven's whole JVM.");
        System.out.println();
        System.out.print(table);
        System.out.println();
        System.out.print(details);
    }

    /**
     * An A/B of two plugin jars: a cold build varies by a quarter from one run to the next on a small machine, so a
     * change is judged by the jars alternating build by build, each with its own parse cache filled by a warm-up
     * build, and by the median of the ratios of the pairs.
     */
    private void compareJars(List<Case> cases, Path jarA, Path jarB, int runs)
            throws IOException, InterruptedException {
        StringBuilder table = new StringBuilder("| case | goals | pairs | A (median) | B (median) | A/B: min / median"
                + " / max | netpol.skip (median) |\n| --- | --- | ---: | ---: | ---: | ---: | ---: |\n");
        for (Case c : cases) {
            Path dir = generate(c);
            System.out.println("== " + c.name() + ": A " + jarA + " against B " + jarB + ", " + runs + " rounds ("
                    + LocalTime.now().withNano(0) + ", load " + loadAverage() + ")");
            place(jarA);
            Run warmA = run(dir, false, List.of(), false);
            place(jarB);
            Run warmB = run(dir, false, List.of(), false);
            if (warmA.exit() != warmB.exit()) {
                throw new IllegalStateException(c.name() + ": A exits " + warmA.exit() + ", B " + warmB.exit());
            }
            List<Double> a = new ArrayList<>();
            List<Double> b = new ArrayList<>();
            List<Double> ratios = new ArrayList<>();
            List<Double> skip = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                skip.add(run(dir, true, List.of(), true).seconds());
                place(jarA);
                Run ra = run(dir, false, List.of(), true);
                place(jarB);
                Run rb = run(dir, false, List.of(), true);
                if (ra.exit() != warmA.exit() || rb.exit() != warmB.exit()) {
                    throw new IllegalStateException(c.name() + ": an exit code changed after the warm-up:\n"
                            + tail(ra.exit() != warmA.exit() ? ra.log() : rb.log()));
                }
                a.add(ra.seconds());
                b.add(rb.seconds());
                ratios.add(ra.seconds() / rb.seconds());
                System.out.printf(Locale.ROOT, "   round %d: A %.2f s, B %.2f s, A/B %.3f, skip %.2f s (load %s)%n",
                        i + 1, ra.seconds(), rb.seconds(), ra.seconds() / rb.seconds(), skip.get(i), loadAverage());
            }
            table.append(String.format(Locale.ROOT,
                    "| %s | %s | %d | %.2f s | %.2f s | %.3f / **%.3f** / %.3f | %.2f s |%n", c.name(), String.join(", ", c.goals()), runs, median(a), median(b), min(ratios), median(ratios),
                    max(ratios), median(skip)));
        }
        System.out.println();
        System.out.print(table);
    }

    /** Makes {@code jar} the plugin of the benchmark's repository, keeping its time: the parse cache keys by it. */
    private void place(Path jar) throws IOException {
        Files.copy(jar, pluginFile(".jar"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
    }

    private static String required(String property) {
        String v = System.getProperty(property);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("set -D" + property);
        }
        return v;
    }

    /**
     * The plugin in the benchmark's own local repository; everything else comes from {@code seed} when first needed,
     * or from Maven Central when the seed lacks it (a fresh machine's local repository lacks, say, the
     * {@code plexus-utils} 1.1 that Maven 3 adds to every plugin's realm): the seed is a repository tried before
     * Central, not a mirror of it.
     */
    private void install(Path jar, Path seed) throws IOException {
        Files.createDirectories(work);
        Files.writeString(settings, """
                <settings>
                  <profiles>
                    <profile>
                      <id>netpol-cold-bench-seed</id>
                      <repositories>
                        <repository><id>netpol-cold-bench-seed</id><url>%1$s</url></repository>
                      </repositories>
                      <pluginRepositories>
                        <pluginRepository><id>netpol-cold-bench-seed</id><url>%1$s</url></pluginRepository>
                      </pluginRepositories>
                    </profile>
                  </profiles>
                  <activeProfiles>
                    <activeProfile>netpol-cold-bench-seed</activeProfile>
                  </activeProfiles>
                </settings>
                """.formatted(seed.toUri()));
        Path pom = pluginFile(".pom");
        Files.createDirectories(pom.getParent());
        Files.copy(project.resolve("pom.xml"), pom, StandardCopyOption.REPLACE_EXISTING);
        place(jar);
    }

    /** The plugin's jar or pom in the benchmark's repository. */
    private Path pluginFile(String extension) {
        return repo.resolve("io/github/netpol/netpol-maven-plugin").resolve(pluginVersion)
                .resolve("netpol-maven-plugin-" + pluginVersion + extension);
    }

    private Path generate(Case c) throws IOException {
        Path dir = work.resolve("cases").resolve(c.name());
        if (Files.isDirectory(dir)) {
            deleteTree(dir);
        }
        Files.createDirectories(dir);
        if (c.shape().equals("shop")) {
            Path shop = project.resolve("examples/shop");
            try (Stream<Path> files = Files.walk(shop)) {
                for (Path p : files.filter(Files::isRegularFile).toList()) {
                    Path rel = shop.relativize(p);
                    if (rel.startsWith("target")) {
                        continue;
                    }
                    Path to = dir.resolve(rel.toString());
                    Files.createDirectories(to.getParent());
                    Files.copy(p, to);
                }
            }
            Path pom = dir.resolve("pom.xml");
            Files.writeString(pom, Files.readString(pom).replaceFirst(
                    "(<artifactId>netpol-maven-plugin</artifactId>\\s*<version>)[^<]+", "$1" + pluginVersion));
            return dir;
        }
        ShapeGenerator.Versions v = new ShapeGenerator().generate(ShapeGenerator.Shape.of(c.shape()), c.size());
        write(dir.resolve("previous"), v.baseline());
        write(dir.resolve("src/main/kubernetes"), v.current());
        StringBuilder goals = new StringBuilder();
        c.goals().forEach(g -> goals.append("              <goal>").append(g).append("</goal>\n"));
        Files.writeString(dir.resolve("pom.xml"), """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>io.github.netpol.bench</groupId>
                  <artifactId>%s</artifactId>
                  <version>1.0.0-SNAPSHOT</version>
                  <packaging>pom</packaging>
                  <build>
                    <plugins>
                      <plugin>
                        <groupId>io.github.netpol</groupId>
                        <artifactId>netpol-maven-plugin</artifactId>
                        <version>%s</version>
                        <configuration>
                          <baseline>dir:previous</baseline>
                        </configuration>
                        <executions>
                          <execution>
                            <goals>
                %s            </goals>
                          </execution>
                        </executions>
                      </plugin>
                    </plugins>
                  </build>
                </project>
                """.formatted(c.name(), pluginVersion, goals));
        return dir;
    }

    private static void write(Path root, Map<String, String> files) throws IOException {
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path p = root.resolve(f.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, f.getValue());
        }
    }

    /**
     * One cold build: {@code target/} removed, {@code verify} with {@code netpol.force}, offline unless it is the
     * warm-up (which fills the benchmark's local repository).
     */
    private Run run(Path dir, boolean skip, List<String> jvmOptions, boolean offline) throws IOException, InterruptedException {
        Path target = dir.resolve("target");
        if (Files.exists(target)) {
            deleteTree(target);
        }
        Path logs = Files.createDirectories(work.resolve("logs"));
        Path gc = logs.resolve(dir.getFileName() + (skip ? "-skip" : "") + "-gc.log");
        Path out = logs.resolve(dir.getFileName() + (skip ? "-skip" : "") + ".log");
        List<String> command = new ArrayList<>(List.of(mvn.split(" ")));
        if (offline) {
            command.add("-o");
        }
        command.addAll(List.of("-B", "-ntp", "-s", settings.toString(), "-Dmaven.repo.local=" + repo, "verify",
                "-Dnetpol.force=true"));
        if (skip) {
            command.add("-Dnetpol.skip=true");
        }
        List<String> opts = new ArrayList<>(List.of("-Xlog:gc,gc+heap+exit:file=" + gc));
        opts.addAll(mavenOpts);
        opts.addAll(jvmOptions);
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(out.toFile());
        pb.environment().put("MAVEN_OPTS", String.join(" ", opts));
        long start = System.nanoTime();
        int exit = pb.start().waitFor();
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Run(seconds, exit, heapPeak(gc), Files.readString(out, StandardCharsets.UTF_8));
    }

    private static long heapPeak(Path gcLog) throws IOException {
        long peak = 0;
        for (String line : Files.readAllLines(gcLog)) {
            Matcher m = GC_PAUSE.matcher(line);
            if (m.find()) {
                peak = Math.max(peak, Long.parseLong(m.group(1)));
            }
            Matcher e = HEAP_AT_EXIT.matcher(line);
            if (e.find()) {
                peak = Math.max(peak, Long.parseLong(e.group(2)) / 1024);
            }
        }
        return peak;
    }

    /** One more pair of runs with class-loading and JIT logs, the goals' times and the plugin's stage timings. */
    private String breakdown(Case c, Path dir) throws IOException, InterruptedException {
        Path logs = work.resolve("logs");
        List<String> common = List.of("-XX:+CITime", "-Dorg.slf4j.simpleLogger.showDateTime=true",
                "-Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS");
        List<String> withOpts = new ArrayList<>(common);
        withOpts.add("-Xlog:class+load:file=" + logs.resolve(c.name() + "-classes.log"));
        withOpts.add("-Dorg.slf4j.simpleLogger.log.io.github.netpol=debug");
        List<String> skipOpts = new ArrayList<>(common);
        skipOpts.add("-Xlog:class+load:file=" + logs.resolve(c.name() + "-skip-classes.log"));
        Run b = run(dir, true, skipOpts, true);
        Run a = run(dir, false, withOpts, true);
        Map<String, Integer> classesA = classesBySource(logs.resolve(c.name() + "-classes.log"));
        Map<String, Integer> classesB = classesBySource(logs.resolve(c.name() + "-skip-classes.log"));
        StringBuilder sb = new StringBuilder();
        sb.append("#### ").append(c.name()).append(": where the added time goes (one more pair, with the logs on)\n\n");
        sb.append(String.format(Locale.ROOT, "- build with the plugin %.2f s, with netpol.skip %.2f s (logging on)%n",
                a.seconds(), b.seconds()));
        sb.append(String.format(Locale.ROOT, "- JIT compilation (all compiler threads, -XX:+CITime): %s s with the plugin, %s s"
                + " with netpol.skip%n", ciTime(a.log()), ciTime(b.log())));
        int totalA = classesA.values().stream().mapToInt(Integer::intValue).sum();
        int totalB = classesB.values().stream().mapToInt(Integer::intValue).sum();
        sb.append("- classes loaded: ").append(totalA).append(" with the plugin, ").append(totalB)
                .append(" with netpol.skip (+").append(totalA - totalB).append("); the added ones by origin: ");
        List<String> parts = new ArrayList<>();
        classesA.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - classesB.getOrDefault(e.getKey(), 0)))
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(12).forEach(e -> parts.add(e.getKey() + " " + e.getValue()));
        sb.append(String.join(", ", parts)).append('\n');
        sb.append("- goals (from Maven's timestamps): ").append(String.join(", ", goalTimes(a.log()))).append('\n');
        for (String line : a.log().lines().filter(l -> l.contains("netpol: ") && l.contains(" stages: ")).toList()) {
            sb.append("- ").append(line.substring(line.indexOf("netpol: "))).append('\n');
        }
        sb.append('\n');
        return sb.toString();
    }

    private static String ciTime(String log) {
        Matcher m = CI_TIME.matcher(log);
        return m.find() ? m.group(1) : "?";
    }

    /** Classes loaded by origin: the jar's artifact name without its version, or the JDK. */
    private static Map<String, Integer> classesBySource(Path log) throws IOException {
        Map<String, Integer> counts = new TreeMap<>();
        for (String line : Files.readAllLines(log)) {
            Matcher m = CLASS_SOURCE.matcher(line);
            if (!m.find()) {
                continue;
            }
            counts.merge(origin(m.group(1)), 1, Integer::sum);
        }
        return counts;
    }

    private static String origin(String source) {
        if (source.startsWith("shared objects file") || source.startsWith("jrt:/")) {
            return "JDK";
        }
        if (source.contains("__JVM_LookupDefineClass__") || source.contains("java.lang.invoke")) {
            return "JDK (generated)";
        }
        int jar = source.lastIndexOf(".jar");
        if (jar < 0) {
            return source.startsWith("io.github.netpol") ? "netpol (generated)" : "other (generated)";
        }
        String name = source.substring(source.lastIndexOf('/', jar) + 1, jar);
        return name.replaceFirst("-\\d[\\w.-]*$", "");
    }

    /** Each netpol goal's time: from its {@code ---} line to the next timestamped line that starts a goal or ends the build. */
    private static List<String> goalTimes(String log) {
        List<String> times = new ArrayList<>();
        String goal = null;
        LocalTime start = null;
        LocalTime last = null;
        for (String line : log.lines().toList()) {
            Matcher t = TIMESTAMP.matcher(line);
            if (!t.find()) {
                continue;
            }
            LocalTime now = LocalTime.parse(t.group(1));
            Matcher g = GOAL_START.matcher(line);
            boolean boundary = g.find() || line.contains("BUILD SUCCESS") || line.contains("BUILD FAILURE");
            if (boundary && goal != null) {
                times.add(goal + " " + java.time.Duration.between(start, now).toMillis() + " ms");
                goal = null;
            }
            if (g.reset().find() && g.group(2).contains("netpol")) {
                goal = g.group(3);
                start = now;
            }
            last = now;
        }
        if (goal != null && last != null) {
            times.add(goal + " " + java.time.Duration.between(start, last).toMillis() + " ms");
        }
        return times;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    private static String tail(String log) {
        List<String> lines = log.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private static String signed(double seconds) {
        return String.format(Locale.ROOT, "%+.2f s", seconds);
    }

    private static double min(List<Double> xs) {
        return xs.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    private static double max(List<Double> xs) {
        return xs.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    private static double median(List<Double> xs) {
        double[] s = xs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (s.length == 0) {
            return Double.NaN;
        }
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
