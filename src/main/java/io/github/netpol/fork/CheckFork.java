package io.github.netpol.fork;

import io.github.netpol.report.ConsoleLine;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Runs a check in a JVM of its own. A cold JVM spends most of a large check compiling it: on two cores the
 * optimizing compiler keeps one core busy from start to end. The forked JVM compiles with the quick compiler only
 * ({@code -XX:TieredStopAtLevel=1}), which a short-lived check is faster with, and which a plugin cannot choose for
 * Maven's own JVM.
 * <p>
 * Fails closed: a JVM that cannot start, exits with another status than 0, or leaves no outcome that reads back
 * whole is an {@link IOException} naming its status and the end of what it printed, never a passed check.
 */
public final class CheckFork {

    /**
     * The flags the forked JVM runs with, besides the heap limit: the quick compiler only, in one thread (measured on
     * two cores: 1,000 policies 1.3–1.5 s instead of 1.6–1.7 s with two threads and 2.6–2.8 s with the default
     * compilers), and no performance-data file. The serial collector was slower than the default one.
     */
    public static final List<String> JVM_FLAGS = List.of("-XX:TieredStopAtLevel=1", "-XX:CICompilerCount=1",
            "-XX:-UsePerfData");
    /** System properties of Maven's JVM that the forked JVM is given as they are. */
    static final List<String> INHERITED_PROPERTIES = List.of("java.io.tmpdir", "file.encoding", "user.language",
            "user.country", "user.variant");
    private static final int ERROR_LINES = 40;

    private final Path java;
    private final List<Path> classpath;
    private final long maxHeapBytes;
    private final Path workParent;
    private final Path classArchives;

    /** A fork without a class-data archive. */
    public CheckFork(Path java, List<Path> classpath, long maxHeapBytes, Path workParent) {
        this(java, classpath, maxHeapBytes, workParent, null);
    }

    /**
     * @param java          the {@code java} command to run (Maven's own JVM's)
     * @param classpath     the plugin's jars
     * @param maxHeapBytes  the forked JVM's heap limit (Maven's own), or 0 for the JVM's default
     * @param workParent    where the request and outcome files are made (the goal's output directory)
     * @param classArchives where the forked JVM's class-data archives are kept (see {@link ClassArchive}), or null
     */
    public CheckFork(Path java, List<Path> classpath, long maxHeapBytes, Path workParent, Path classArchives) {
        this.java = java;
        this.classpath = List.copyOf(classpath);
        this.maxHeapBytes = maxHeapBytes;
        this.workParent = workParent;
        this.classArchives = classArchives;
    }

    /** The {@code java} of the running JVM. */
    public static Path currentJava() {
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
        return Path.of(System.getProperty("java.home"), "bin", windows ? "java.exe" : "java");
    }

    /** The command line, for the debug log and the tests. */
    public List<String> command(Path requestFile, Path outcomeFile) {
        return command(requestFile, outcomeFile, List.of());
    }

    private List<String> command(Path requestFile, Path outcomeFile, List<String> archiveFlags) {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(JVM_FLAGS);
        command.addAll(archiveFlags);
        if (maxHeapBytes > 0) {
            command.add("-Xmx" + Math.max(64, maxHeapBytes >> 20) + "m");
        }
        // what Maven's JVM was told of files and language holds for the check's JVM too
        for (String property : INHERITED_PROPERTIES) {
            String value = System.getProperty(property);
            if (value != null && !value.isEmpty()) {
                command.add("-D" + property + "=" + value);
            }
        }
        command.add("-cp");
        command.add(String.join(File.pathSeparator, classpath.stream().map(Path::toString).toList()));
        command.add(ForkedCheckMain.class.getName());
        command.add(requestFile.toString());
        command.add(outcomeFile.toString());
        return command;
    }

    /**
     * Runs the check and hands its console lines to {@code console} once it has finished.
     *
     * @throws IOException          when the forked JVM fails in any way (its files are then kept for a look)
     * @throws InterruptedException when the build is stopped; the forked JVM is stopped too
     */
    public ForkCodec.ForkOutcome run(ForkRequest request, ConsoleLine.Sink console)
            throws IOException, InterruptedException {
        Files.createDirectories(workParent);
        Path work = Files.createTempDirectory(workParent, "fork-");
        Path requestFile = work.resolve("request.bin");
        Path outcomeFile = work.resolve("outcome.bin");
        Path errors = work.resolve("jvm-output.txt");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(requestFile)))) {
            ForkCodec.writeRequest(request, out);
        }
        Optional<ClassArchive> archive = classArchives == null ? Optional.empty()
                : ClassArchive.of(classArchives, java, JVM_FLAGS, classpath);
        Optional<Path> written = archive.filter(a -> !a.exists()).flatMap(ClassArchive::newFile);
        List<String> archiveFlags = archive.filter(ClassArchive::exists).map(ClassArchive::useFlags)
                .or(() -> written.map(ClassArchive::writeFlags)).orElse(List.of());
        int status = launch(command(requestFile, outcomeFile, archiveFlags), work, errors, console);
        if (status != 0 && !archiveFlags.isEmpty()) {
            // an archive cut short stops the JVM before the check begins: without it, the check decides
            archive.get().discard(written.orElse(archive.get().file()));
            console.debug("netpol: the check's JVM exited with status " + status + " with the class-data archive "
                    + archive.get().file() + ", which is deleted; running it again without one");
            Files.deleteIfExists(outcomeFile);
            status = launch(command(requestFile, outcomeFile, List.of()), work, errors, console);
        } else if (status == 0 && written.isPresent()) {
            archive.get().install(written.get());
        }
        if (status != 0 || !Files.isRegularFile(outcomeFile)) {
            throw new IOException("the check's JVM " + (status != 0 ? "exited with status " + status
                    : "left no outcome") + " (its files are in " + work + ")" + tail(errors));
        }
        ForkCodec.ForkOutcome outcome;
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(outcomeFile)))) {
            outcome = ForkCodec.readOutcome(in);
        } catch (IOException | RuntimeException e) {
            throw new IOException("the check's JVM left an outcome that does not read back (" + e.getMessage()
                    + "; its files are in " + work + ")", e);
        }
        outcome.lines().forEach(console::accept);
        delete(work);
        return outcome;
    }

    /** Starts the JVM in the work directory, where a crash report of its own would land too. */
    private static int launch(List<String> command, Path work, Path output, ConsoleLine.Sink console)
            throws IOException, InterruptedException {
        console.debug("netpol: check runs in a JVM of its own: " + String.join(" ", command));
        Process process = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            throw e;
        }
    }

    private static String tail(Path output) {
        try {
            List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
            if (lines.isEmpty()) {
                return "; it printed nothing";
            }
            return "; the end of what it printed:\n" + String.join("\n",
                    lines.subList(Math.max(0, lines.size() - ERROR_LINES), lines.size()));
        } catch (IOException e) {
            return "";
        }
    }

    private static void delete(Path work) {
        try (Stream<Path> files = Files.walk(work)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a leftover under target/ is harmless; the next clean removes it
        }
    }
}
