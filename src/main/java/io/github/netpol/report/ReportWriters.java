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
import java.util.function.Supplier;

/**
 * The writers by their {@code netpol.formats} name. {@code console} is a known name with no writer here:
 * the caller prints it to its log. A writer is made only when its format is selected: a goal that writes JSON
 * does not load the SARIF, JUnit or HTML writers (a cold JVM pays for every class it loads).
 */
public final class ReportWriters {

    /** Written by the caller to its log, not to a file. */
    public static final String CONSOLE = "console";

    private final Map<String, Supplier<ReportWriter>> writers = new LinkedHashMap<>();

    public ReportWriters(List<ReportWriter> writers) {
        for (ReportWriter writer : writers) {
            add(writer.format(), () -> writer);
        }
    }

    private ReportWriters() {
    }

    private void add(String format, Supplier<ReportWriter> writer) {
        String name = normalize(format);
        if (name.equals(CONSOLE) || this.writers.putIfAbsent(name, writer) != null) {
            throw new IllegalArgumentException("two writers for the format " + name);
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
        ReportWriters standard = new ReportWriters();
        for (String format : STANDARD) {
            standard.add(format, () -> standard(format, toolVersion, environment));
        }
        return standard;
    }

    /** The standard formats, in the order the known names are listed. */
    static final List<String> STANDARD = List.of("json", "sarif", "markdown", "junit", "html");

    private static ReportWriter standard(String format, String toolVersion, Function<String, String> environment) {
        return switch (format) {
            case "json" -> new JsonReportWriter();
            case "sarif" -> new SarifReportWriter(toolVersion);
            case "markdown" -> new MarkdownReportWriter(environment);
            case "junit" -> new JUnitReportWriter();
            case "html" -> new HtmlReportWriter();
            default -> throw new IllegalArgumentException(format);
        };
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
        Supplier<ReportWriter> writer = writers.get(normalize(format));
        if (writer == null) {
            throw unknown(format);
        }
        return writer.get();
    }

    /**
     * Checks a {@code netpol.formats} list without making any writer.
     *
     * @return the file formats it names, normalized, in its order, each once
     * @throws IllegalArgumentException for a name that is not known, listing the known ones
     */
    public List<String> requireKnown(Collection<String> formats) {
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
        return names.stream().filter(writers::containsKey).toList();
    }

    /**
     * The file writers for a {@code netpol.formats} list, in its order, each once; {@code console} is
     * accepted and left to the caller.
     *
     * @throws IllegalArgumentException for a name that is not known, listing the known ones
     */
    public List<ReportWriter> select(Collection<String> formats) {
        List<ReportWriter> selected = new ArrayList<>();
        requireKnown(formats).forEach(n -> selected.add(writers.get(n).get()));
        return selected;
    }

    /** Whether a {@code netpol.formats} list asks for console lines. */
    public static boolean console(Collection<String> formats) {
        return formats.stream().map(ReportWriters::normalize).anyMatch(CONSOLE::equals);
    }

    private IllegalArgumentException unknown(String format) {
        return new IllegalArgumentException("'" + format + "' is not a report format; use " + String.join(", ", formats()));
    }

    private static String normalize(String format) {
        return format == null ? "" : format.trim().toLowerCase(Locale.ROOT);
    }
}
