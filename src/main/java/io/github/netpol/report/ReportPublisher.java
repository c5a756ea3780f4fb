package io.github.netpol.report;

import io.github.netpol.finding.Finding;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Predicate;

/**
 * Prints a goal's findings and summary as console lines and writes its file reports, the same in Maven's JVM and in
 * a forked check. The files are written on another core while the lines are printed: with a thousand findings each
 * takes a noticeable part of a cold build.
 *
 * @param writers         the file reports asked for, in the order asked
 * @param outputDirectory where they are written
 * @param console         whether findings are printed at all ({@code console} among the formats)
 * @param onConsole       which findings earn a console line; the rest go to the debug level
 */
public record ReportPublisher(List<ReportWriter> writers, Path outputDirectory, boolean console,
                              Predicate<Finding> onConsole) {

    public ReportPublisher {
        writers = List.copyOf(writers);
    }

    /** A report file that could not be written; the first one (in the order asked for) is reported. */
    public static final class WriteFailure extends Exception {
        public WriteFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public void publish(ReportInput input, ConsoleLine.Sink sink) throws WriteFailure {
        List<CompletableFuture<Path>> files = writers.stream()
                .map(writer -> CompletableFuture.supplyAsync(() -> writeOne(writer, input))).toList();
        if (console) {
            for (Finding f : input.findings()) {
                sink.accept(line(f));
            }
        }
        sink.info(input.summary());
        awaitWritten(files, sink);
        if (!writers.isEmpty()) {
            sink.info("netpol: reports in " + outputDirectory);
        }
    }

    private ConsoleLine line(Finding f) {
        if (!onConsole.test(f)) {
            return new ConsoleLine(ConsoleLine.Level.DEBUG, f.consoleLine());
        }
        ConsoleLine.Level level = switch (f.severity()) {
            // an accepted finding no longer fails the build: a passing build shows no [ERROR] line
            case ERROR -> f.accepted() ? ConsoleLine.Level.WARN : ConsoleLine.Level.ERROR;
            case WARNING -> ConsoleLine.Level.WARN;
            default -> ConsoleLine.Level.INFO;
        };
        return new ConsoleLine(level, f.consoleLine());
    }

    private Path writeOne(ReportWriter writer, ReportInput input) {
        try {
            return writer.write(input, outputDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitWritten(List<CompletableFuture<Path>> files, ConsoleLine.Sink sink) throws WriteFailure {
        WriteFailure failure = null;
        for (int i = 0; i < files.size(); i++) {
            try {
                sink.debug("netpol: wrote " + files.get(i).join());
            } catch (CompletionException e) {
                Throwable cause = e.getCause() instanceof UncheckedIOException io ? io.getCause() : e.getCause();
                if (failure == null) {
                    failure = new WriteFailure("Cannot write the " + writers.get(i).format() + " report to "
                            + outputDirectory + ": " + cause.getMessage(), cause);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
