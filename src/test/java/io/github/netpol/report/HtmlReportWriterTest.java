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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
        assertThat(verdict.getTextContent()).as("no glyph before the verdict").isEqualTo("netpol check failed: 2 widenings");
        assertThat(verdict.getAttribute("class")).isEqualTo("fail");
        Element findings = byId(doc, "section", "findings");
        assertThat(findings.getElementsByTagName("article").getLength()).as("one article an open finding").isEqualTo(4);
        Element first = (Element) findings.getElementsByTagName("article").item(0);
        assertThat(texts(first, "dt")).containsExactly("Cause", "Effect", "Example", "Fix");
        assertThat(findings.getTextContent()).contains("TCP port 8080 ('http') from a pod with app=web in namespace shop")
                .contains("(effective)").contains("(latent)")
                .contains("services/shop/src/main/kubernetes/payments/allow-api.yaml:12");
        assertThat(byId(doc, "table", "accepted").getTextContent())
                .contains("WIDENED_INGRESS/shop/allow-frontend").contains("The shop front end is public (SHOP-12)");
    }

    @Test
    void passingCheckIsJustTheVerdict() throws Exception {
        Document doc = parse(writer.render(ReportFixtures.passingCheck()));

        assertThat(byId(doc, "h1", "verdict").getTextContent()).isEqualTo("netpol check passed");
        assertThat(doc.getElementsByTagName("table").getLength()).isZero();
        assertThat(doc.getElementsByTagName("article").getLength()).isZero();
    }

    @Test
    void theBaselineReadsAsASentence() {
        Map<String, Object> baseline = new LinkedHashMap<>();
        baseline.put("spec", "dir:previous-release");
        baseline.put("description", "directory previous-release");
        baseline.put("files", 5);
        assertThat(VerdictText.baseline(baseline))
                .isEqualTo("Baseline: directory previous-release (5 files), chosen by netpol.baseline=dir:previous-release.");
        assertThat(VerdictText.baseline(Map.of("spec", "git:v1", "description", "git tag v1 (3f2a1c9)", "files", 1)))
                .isEqualTo("Baseline: git tag v1 (3f2a1c9) (1 file), chosen by netpol.baseline=git:v1.");
    }

    @Test
    void eachChangeIsShownAsCauseEffectExampleAndAFixBlockApart() throws Exception {
        Document doc = parse(writer.render(ShopReports.shopAgainstBaseline()));

        Element widening = (Element) byId(doc, "section", "widenings").getElementsByTagName("article").item(0);
        assertThat(widening.getAttribute("class")).isEqualTo("finding error widening");
        assertThat(texts(widening, "dt")).containsExactly("Cause", "Effect", "Example", "Fix");
        List<String> dd = texts(widening, "dd");
        assertThat(dd.get(0)).as("cause").contains("egress[1]");
        assertThat(dd.get(2)).as("example").contains("api").contains("payments").contains("8443");
        Element pre = (Element) widening.getElementsByTagName("pre").item(0);
        assertThat(pre.getTextContent()).as("the acceptance entry, apart from the advice")
                .contains("WIDENED_EGRESS/shop/").doesNotContain("[WIDENED");
        assertThat(widening.getElementsByTagName("code").item(0).getTextContent()).startsWith("WIDENED_EGRESS/shop/");
    }

    @Test
    void theNamespaceGraphMarksTheNewEdgeAndTheIsolatedNamespaces() throws Exception {
        String html = writer.render(ShopReports.shopAgainstBaseline());
        Document doc = parse(html);

        Element graph = byId(doc, "section", "graph");
        NodeList svg = graph.getElementsByTagName("svg");
        assertThat(svg.getLength()).isOne();
        List<Element> edges = elements(graph, "g").stream().filter(g -> g.getAttribute("class").startsWith("edge")).toList();
        assertThat(edges).filteredOn(g -> g.getAttribute("class").equals("edge widened"))
                .extracting(g -> g.getAttribute("data-from") + "->" + g.getAttribute("data-to"))
                .containsExactly("shop->payments");
        assertThat(edges).filteredOn(g -> g.getAttribute("class").equals("edge plain"))
                .extracting(g -> g.getAttribute("data-from") + "->" + g.getAttribute("data-to"))
                .contains("monitoring->shop", "shop->shop", "external addresses->shop");
        assertThat(elements(graph, "g")).filteredOn(g -> g.getAttribute("class").startsWith("node"))
                .extracting(g -> g.getAttribute("data-name") + ":" + g.getAttribute("class"))
                .containsExactly("monitoring:node both", "payments:node both", "shop:node both",
                        "external addresses:node external");
        assertThat(html).as("the policy still forbids every fetch; the SVG refers only to its own markers")
                .contains("content=\"default-src 'none'; style-src 'unsafe-inline'\"")
                .doesNotContain("<script").doesNotContain("href=").doesNotContain("url(http");
    }

    @Test
    void aNamespaceWithoutDefaultDenyIsMarkedNotIsolated() throws Exception {
        Document doc = parse(writer.render(ShopReports.hostile()));

        assertThat(elements(byId(doc, "section", "graph"), "g")).filteredOn(g -> g.getAttribute("class").startsWith("node"))
                .extracting(g -> g.getAttribute("class")).containsExactly("node none", "node external");
    }

    private static List<Element> elements(Element in, String tag) {
        NodeList nodes = in.getElementsByTagName(tag);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((Element) nodes.item(i));
        }
        return out;
    }

    private static List<String> texts(Element in, String tag) {
        return elements(in, tag).stream().map(Element::getTextContent).toList();
    }

    @Test
    void manifestTextRendersAsTextAndThePageFetchesNothing() throws Exception {
        String html = writer.render(ReportFixtures.hostileValidate());

        Document doc = parse(html);
        assertThat(doc.getElementsByTagName("script").getLength()).isZero();
        assertThat(byId(doc, "section", "findings").getTextContent()).contains("<script>alert(\"x\")</script> & 'quoted'");
        for (String tag : new String[] {"link", "img", "iframe", "object", "a"}) {
            assertThat(doc.getElementsByTagName(tag).getLength()).as(tag).isZero();
        }
        assertThat(html).doesNotContain("\u0001").contains("default-src 'none'");
    }
}
