package io.github.netpol.report;

import java.io.IOException;
import java.nio.file.Path;

/** Writes one report format into the output directory. Implementations are stateless and thread-safe. */
public interface ReportWriter {

    /** The name used in {@code netpol.formats}: {@code json}, {@code sarif}, {@code markdown}, ... */
    String format();

    /** Writes the file(s) of this format; returns the main file written. */
    Path write(ReportInput input, Path outputDirectory) throws IOException;
}
