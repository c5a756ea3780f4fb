package io.github.netpol.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlReportWriterTest {

    @TempDir
    Path out;

    private final HtmlReportWriter writer = new HtmlReportWriter();

    private static Document parse(String html) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    }

    private static Element byId(Document doc, String tag, String id) {
        NodeList nodes = doc.getElementsByTagName(tag);
        for (int i = 0; i < nodes.getLength(); i++) {
            Element e = (Element) nodes.item(i);
            if (id.equals(e.getAttribute("id"))) {
                return e;
            }
        }
        throw new AssertionError("no <" + tag + " id=" + id + ">");
    }

    @Test
    void failingCheckShowsTheVerdictFindingsWitnessesAndAcceptedChanges() throws Exception {
        Path file = writer.write(ReportFixtures.failingCheck(), out);

        assertThat(file.getFileName()).hasToString("report.html");
        Document doc = parse(Files.readString(file));
        Element verdict = byId(doc, "h1", "verdict");
        assertThat(verdict.getTextContent()).isEqualTo("❌ netpol check failed: 2 widenings");
        assertThat(verdict.getAttribute("class")).isEqualTo("fail");
        Element findings = byId(doc, "table", "findings");
        assertThat(((Element) findings.getElementsByTagName("tbody").item(0)).getElementsByTagName("tr").getLength())
                .as("one row an open finding").isEqualTo(4);
        assertThat(findings.getTextContent()).contains("TCP port 8080 ('http') from a pod with app=web in namespace shop")
                .contains("(effective)").contains("(latent)")
                .contains("services/shop/src/main/kubernetes/payments/allow-api.yaml:12");
        assertThat(byId(doc, "table", "accepted").getTextContent())
                .contains("WIDENED_INGRESS/shop/allow-frontend").contains("The shop front end is public (SHOP-12)");
    }

    @Test
    void passingCheckIsJustTheVerdict() throws Exception {
        Document doc = parse(writer.render(ReportFixtures.passingCheck()));

        assertThat(byId(doc, "h1", "verdict").getTextContent()).isEqualTo("✅ netpol check passed");
        assertThat(doc.getElementsByTagName("table").getLength()).isZero();
    }

    @Test
    void manifestTextRendersAsTextAndThePageFetchesNothing() throws Exception {
        String html = writer.render(ReportFixtures.hostileValidate());

        Document doc = parse(html);
        assertThat(doc.getElementsByTagName("script").getLength()).isZero();
        assertThat(byId(doc, "table", "findings").getTextContent()).contains("<script>alert(\"x\")</script> & 'quoted'");
        for (String tag : new String[] {"link", "img", "iframe", "object", "a"}) {
            assertThat(doc.getElementsByTagName(tag).getLength()).as(tag).isZero();
        }
        assertThat(html).doesNotContain("\u0001").contains("default-src 'none'");
    }
}
