package io.github.netpol.report;

import java.util.List;
import java.util.Optional;

/** The report formats written to files, by their {@code netpol.formats} name. */
public final class ReportWriters {

    private final List<ReportWriter> writers = List.of(new JsonReportWriter());

    public Optional<ReportWriter> forFormat(String format) {
        return writers.stream().filter(w -> w.format().equals(format)).findFirst();
    }
}
