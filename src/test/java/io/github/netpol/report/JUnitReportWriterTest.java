package io.github.netpol.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class JUnitReportWriterTest {

    @TempDir
    Path out;

    private final JUnitReportWriter writer = new JUnitReportWriter();

    private static Document parse(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(file.toFile());
    }

    private static List<Element> testCases(Document doc) {
        NodeList nodes = doc.getElementsByTagName("testcase");
        List<Element> cases = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            cases.add((Element) nodes.item(i));
        }
        return cases;
    }

    private static String child(Element testCase, String name) {
        NodeList nodes = testCase.getElementsByTagName(name);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent();
    }

    @Test
    void failingCheckMatchesSnapshot() throws Exception {
        Path file = writer.write(ReportFixtures.failingCheck(), out);

        assertThat(file.getFileName()).hasToString("TEST-netpol-check.xml");
        Snapshots.assertMatches("TEST-netpol-check-failing.xml", Files.readString(file));
    }

    @Test
    void passingCheckMatchesSnapshot() throws Exception {
        Path file = writer.write(ReportFixtures.passingCheck(), out);

        Snapshots.assertMatches("TEST-netpol-check-passing.xml", Files.readString(file));
    }

    @Test
    void oneTestCaseAUnitWithFailuresForErrorsThatAreNotAccepted() throws Exception {
        Document doc = parse(writer.write(ReportFixtures.failingCheck(), out));

        Element suite = doc.getDocumentElement();
        assertThat(suite.getTagName()).isEqualTo("testsuite");
        assertThat(suite.getAttribute("name")).isEqualTo("netpol.check");
        List<Element> cases = testCases(doc);
        assertThat(cases).extracting(c -> c.getAttribute("name"))
                .containsExactly("payments/ingress", "payments/egress", "shop/ingress", "shop/egress", "general");
        assertThat(suite.getAttribute("tests")).isEqualTo("5");
        assertThat(suite.getAttribute("failures")).isEqualTo("2");
        assertThat(child(cases.get(0), "failure")).isEqualTo(ReportFixtures.widenedIngress().consoleLine());
        assertThat(child(cases.get(1), "failure")).isNull();
        assertThat(child(cases.get(1), "system-out")).isEqualTo(ReportFixtures.narrowed().consoleLine());
        assertThat(child(cases.get(2), "failure")).as("accepted widening does not fail").isNull();
        assertThat(child(cases.get(2), "system-out")).contains("(accepted: The shop front end is public (SHOP-12))");
        assertThat(child(cases.get(3), "failure")).isEqualTo(ReportFixtures.widenedEgress().consoleLine());
        assertThat(child(cases.get(4), "system-out")).isEqualTo(ReportFixtures.unusedAcceptance().consoleLine());
    }

    @Test
    void trickyCharactersStayWellFormedAndReadBack() throws Exception {
        Document doc = parse(writer.write(ReportFixtures.hostileValidate(), out));

        List<Element> cases = testCases(doc);
        assertThat(cases).extracting(c -> c.getAttribute("name")).containsExactly(
                "src/main/kubernetes/we ird/<p>&\"q\".yaml", "src/main/kubernetes/ok.yaml", "src/main/kubernetes/clean.yaml", "general");
        String readable = ReportFixtures.HOSTILE.replace("\u0001", "\\u0001").replace("\u0007", "\\u0007");
        Element failure = (Element) cases.get(0).getElementsByTagName("failure").item(0);
        assertThat(failure.getTextContent()).contains("label value " + readable + " is not valid");
        assertThat(failure.getAttribute("message")).contains("<script>alert(\"x\")</script> & 'quoted'");
        assertThat(child(cases.get(1), "system-out")).contains("warning about " + readable);
        assertThat(child(cases.get(2), "failure")).isNull();
        assertThat(child(cases.get(3), "failure")).contains("no manifests under");
        assertThat(doc.getDocumentElement().getAttribute("failures")).isEqualTo("2");
        assertThat(doc.getDocumentElement().getAttribute("tests")).isEqualTo("4");
    }

    @Test
    void controlCharactersAndBrokenSurrogatesAreShownNotWritten() {
        assertThat(JUnitReportWriter.clean("a\u0000b\u001Fc\uFFFEd\uD800e")).isEqualTo("a\\u0000b\\u001Fc\\uFFFEd\\uD800e");
        assertThat(JUnitReportWriter.clean("tab\tline\n😀")).isEqualTo("tab\tline\n😀");
    }

    @Test
    void noUnitsAndNoFindingsStillGivesOnePassingTestCase() throws Exception {
        ReportInput input = new ReportInput("validate", true, List.of(), Map.of(), "nothing to check", "", List.of());

        Document doc = parse(writer.write(input, out));

        assertThat(testCases(doc)).extracting(c -> c.getAttribute("name")).containsExactly("general");
        assertThat(doc.getDocumentElement().getAttribute("failures")).isEqualTo("0");
    }
}
