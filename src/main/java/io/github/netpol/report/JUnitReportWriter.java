package io.github.netpol.report;

import io.github.netpol.finding.Finding;
import io.github.netpol.load.SourceEnvironment;
import io.github.netpol.finding.Severity;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JUnit XML ({@code TEST-netpol-<goal>.xml}) for the test views of Jenkins, GitLab and others: one test case
 * a checked unit, failing with the unit's error findings that are not accepted.
 */
public final class JUnitReportWriter implements ReportWriter {

    /** The test case of findings that belong to no checked unit. */
    static final String GENERAL = "general";

    @Override
    public String format() {
        return "junit";
    }

    @Override
    public Path write(ReportInput input, Path outputDirectory) throws IOException {
        Files.createDirectories(outputDirectory);
        Path file = outputDirectory.resolve("TEST-netpol-" + input.goal() + ".xml");
        try (OutputStream out = Files.newOutputStream(file)) {
            write(input, out);
        }
        return file;
    }

    private void write(ReportInput input, OutputStream out) throws IOException {
        Map<String, List<Finding>> cases = group(input);
        long failures = cases.values().stream().filter(JUnitReportWriter::fails).count();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuite");
            xml.writeAttribute("name", clean("netpol." + input.goal()));
            xml.writeAttribute("tests", Integer.toString(cases.size()));
            xml.writeAttribute("failures", Long.toString(failures));
            xml.writeAttribute("errors", "0");
            xml.writeAttribute("skipped", "0");
            for (Map.Entry<String, List<Finding>> c : cases.entrySet()) {
                testCase(xml, input.goal(), c.getKey(), c.getValue());
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write JUnit XML", e);
        }
    }

    /** Units in their given order, each with its findings; {@code general} last, when needed. */
    static Map<String, List<Finding>> group(ReportInput input) {
        Map<String, List<Finding>> cases = new LinkedHashMap<>();
        input.units().forEach(unit -> cases.put(unit, new ArrayList<>()));
        List<Finding> general = new ArrayList<>();
        for (Finding finding : input.findings()) {
            List<Finding> unit = unitOf(finding, cases);
            (unit != null ? unit : general).add(finding);
        }
        if (!general.isEmpty() || cases.isEmpty()) {
            cases.computeIfAbsent(GENERAL, k -> new ArrayList<>()).addAll(general);
        }
        return cases;
    }

    // the check names units namespace/direction, validate names them by file, test by the assertion (the
    // finding's id); try each so no goal list is needed
    private static List<Finding> unitOf(Finding finding, Map<String, List<Finding>> cases) {
        List<Finding> byId = cases.get(SourceEnvironment.unit(finding.environment(), finding.id()));
        if (byId != null) {
            return byId;
        }
        if (finding.namespace() != null && finding.direction() != null) {
            List<Finding> unit = cases.get(SourceEnvironment.unit(finding.environment(), finding.namespace() + "/"
                    + finding.direction().label()));
            if (unit != null) {
                return unit;
            }
        }
        return finding.location() == null ? null : cases.get(finding.location().file());
    }

    private static boolean isFailure(Finding f) {
        return f.severity() == Severity.ERROR && !f.accepted();
    }

    private static boolean fails(List<Finding> findings) {
        return findings.stream().anyMatch(JUnitReportWriter::isFailure);
    }

    private static void testCase(XMLStreamWriter xml, String goal, String unit, List<Finding> findings)
            throws XMLStreamException {
        List<String> failures = findings.stream().filter(JUnitReportWriter::isFailure).map(Finding::consoleLine).toList();
        List<String> others = findings.stream().filter(f -> !isFailure(f)).map(Finding::consoleLine).toList();
        xml.writeCharacters("\n  ");
        xml.writeStartElement("testcase");
        xml.writeAttribute("name", clean(unit));
        xml.writeAttribute("classname", clean("netpol." + goal));
        if (!failures.isEmpty()) {
            xml.writeCharacters("\n    ");
            xml.writeStartElement("failure");
            xml.writeAttribute("message", clean(String.join("; ", failures)));
            xml.writeAttribute("type", "netpol");
            xml.writeCharacters(clean(String.join("\n", failures)));
            xml.writeEndElement();
        }
        if (!others.isEmpty()) {
            xml.writeCharacters("\n    ");
            xml.writeStartElement("system-out");
            xml.writeCharacters(clean(String.join("\n", others)));
            xml.writeEndElement();
        }
        if (!failures.isEmpty() || !others.isEmpty()) {
            xml.writeCharacters("\n  ");
        }
        xml.writeEndElement();
    }

    /**
     * XML 1.0 cannot carry most control characters, even escaped, and the stream writer passes them through:
     * show them as {@code \\uXXXX} instead of writing a file no parser reads.
     */
    static String clean(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean surrogatePair = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            if (surrogatePair) {
                out.append(c).append(text.charAt(++i));
            } else if (c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)) {
                out.append(c);
            } else {
                out.append(String.format("\\u%04X", (int) c));
            }
        }
        return out.toString();
    }
}
