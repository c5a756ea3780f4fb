package io.github.netpol.fork;

import io.github.netpol.report.ReportPublisher;
import io.github.netpol.report.ReportWriters;

import java.nio.file.Path;
import java.util.List;

/**
 * How the check's reports are made: the same in Maven's JVM and in a JVM of its own.
 *
 * @param formats          {@code netpol.formats} as given (already checked)
 * @param outputDirectory  where the files go
 * @param toolVersion      the plugin's version, which the reports name, or null
 * @param module           the module the reports name, or null
 * @param repositoryPrefix the project's directory in its repository, for repository-relative paths
 */
public record ReportSettings(List<String> formats, Path outputDirectory, String toolVersion, String module,
                             String repositoryPrefix) {

    public ReportSettings {
        formats = List.copyOf(formats);
    }

    /** Every finding of the check earns a console line when {@code console} is asked for. */
    public ReportPublisher publisher() {
        return new ReportPublisher(ReportWriters.standard(toolVersion, System::getenv).select(formats), outputDirectory,
                ReportWriters.console(formats), finding -> true);
    }
}
