package io.github.netpol.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The writers by their {@code netpol.formats} name. {@code console} is a known name with no writer here:
 * the caller prints it to its log.
 */
public final class ReportWriters {

    /** Written by the caller to its log, not to a file. */
    public static final String CONSOLE = "console";

    private final Map<String, ReportWriter> writers = new LinkedHashMap<>();

    public ReportWriters(List<ReportWriter> writers) {
        for (ReportWriter writer : writers) {
            String name = normalize(writer.format());
            if (name.equals(CONSOLE) || this.writers.putIfAbsent(name, writer) != null) {
                throw new IllegalArgumentException("two writers for the format " + name);
            }
        }
    }

    /** The forms of the {@code connectivity} goal: {@code txt}, {@code json}, {@code markdown}, {@code csv}, {@code dot}. */
    public static ReportWriters connectivity() {
        return new ReportWriters(ConnectivityWriter.all());
    }

    /** Every file format this package writes, reading the process environment. */
    public static ReportWriters standard() {
        return standard(null, System::getenv);
    }

    /**
     * @param toolVersion the plugin version for SARIF, or {@code null}
     * @param environment environment lookup ({@code GITHUB_STEP_SUMMARY})
     */
    public static ReportWriters standard(String toolVersion, Function<String, String> environment) {
        return new ReportWriters(List.of(
                new JsonReportWriter(),
                new SarifReportWriter(toolVersion),
                new MarkdownReportWriter(environment),
                new JUnitReportWriter(),
                new HtmlReportWriter()));
    }

    /** Every known name, {@code console} first. */
    public Set<String> formats() {
        Set<String> names = new LinkedHashSet<>();
        names.add(CONSOLE);
        names.addAll(writers.keySet());
        return names;
    }

    /** The writer of one format. */
    public ReportWriter forFormat(String format) {
        ReportWriter writer = writers.get(normalize(format));
        if (writer == null) {
            throw unknown(format);
        }
        return writer;
    }

    /**
     * The file writers for a {@code netpol.formats} list, in its order, each once; {@code console} is
     * accepted and left to the caller.
     *
     * @throws IllegalArgumentException for a name that is not known, listing the known ones
     */
    public List<ReportWriter> select(Collection<String> formats) {
        Set<String> names = new LinkedHashSet<>();
        for (String format : formats) {
            String name = normalize(format);
            if (name.isEmpty()) {
                continue;
            }
            if (!name.equals(CONSOLE) && !writers.containsKey(name)) {
                throw unknown(format);
            }
            names.add(name);
        }
        List<ReportWriter> selected = new ArrayList<>();
        names.stream().filter(writers::containsKey).forEach(n -> selected.add(writers.get(n)));
        return selected;
    }

    private IllegalArgumentException unknown(String format) {
        return new IllegalArgumentException("'" + format + "' is not a report format; use " + String.join(", ", formats()));
    }

    private static String normalize(String format) {
        return format == null ? "" : format.trim().toLowerCase(Locale.ROOT);
    }
}
