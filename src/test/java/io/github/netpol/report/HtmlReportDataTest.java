package io.github.netpol.report;

import io.github.netpol.analysis.connectivity.PortSet;
import io.github.netpol.report.ConnectivityMatrix.Change;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The model behind the full report.html, on examples/shop against a baseline one widening and one narrowing away. */
class HtmlReportDataTest {

    private static final HtmlReportData shop = ShopReports.shopAgainstBaseline();

    private ConnectivityMatrix.Cell cell(String source, String destination) {
        ConnectivityMatrix m = shop.matrix();
        int column = m.columns().stream().map(ConnectivityMatrix.Axis::label).toList().indexOf(destination);
        return m.rows().stream().filter(r -> r.source().label().equals(source)).findFirst().orElseThrow()
                .cells().get(column);
    }

    @Test
    void theCheckFindsTheWideningAndTheNarrowing() {
        assertThat(shop.input().passed()).isFalse();
        assertThat(shop.input().findings()).extracting(f -> f.kind())
                .contains("WIDENED_EGRESS", "NARROWED_INGRESS");
        assertThat(shop.compared()).isTrue();
    }

    @Test
    void matrixHasTheWorkloadsByNamespaceThenTheExternalRanges() {
        ConnectivityMatrix m = shop.matrix();
        assertThat(m.rows()).extracting(r -> r.source().label()).containsExactly(
                "grafana (Deployment)", "prometheus (Deployment)", "payments (Deployment)",
                "api (Deployment)", "db (StatefulSet)", "web (Deployment)",
                "0.0.0.0-9.255.255.255", "11.0.0.0-255.255.255.255");
        assertThat(m.columns()).extracting(ConnectivityMatrix.Axis::label).endsWith("203.0.113.0-203.0.113.255");
        assertThat(cell("api (Deployment)", "api (Deployment)").applicable()).isFalse();
        assertThat(cell("prometheus (Deployment)", "web (Deployment)").current().text()).isEqualTo("TCP 9090");
    }

    @Test
    void cellsAreComparedWithTheBaseline() {
        ConnectivityMatrix.Cell widened = cell("api (Deployment)", "payments (Deployment)");
        assertThat(widened.change()).isEqualTo(Change.WIDENED);
        assertThat(widened.current().text()).isEqualTo("TCP 8443");
        assertThat(widened.baseline()).isEqualTo(PortSet.none());
        assertThat(cell("11.0.0.0-255.255.255.255", "web (Deployment)").change()).isEqualTo(Change.NARROWED);
        assertThat(cell("api (Deployment)", "db (StatefulSet)").change()).isEqualTo(Change.NONE);
        assertThat(shop.matrix().count(Change.WIDENED)).isEqualTo(1);
        assertThat(shop.matrix().count(Change.NARROWED)).isEqualTo(2);
    }

    @Test
    void isolationNamesTheDefaultDenyPolicies() {
        assertThat(shop.isolation()).containsExactly(
                new NamespaceIsolation("monitoring", 2, 4, 2, 2, List.of("default-deny"), List.of("default-deny", "allow-dns")),
                new NamespaceIsolation("payments", 1, 2, 1, 1, List.of("default-deny"), List.of("default-deny")),
                new NamespaceIsolation("shop", 3, 6, 3, 3, List.of("default-deny"), List.of("default-deny", "allow-dns")));
    }

    @Test
    void withoutABaselineNothingIsMarked() {
        HtmlReportData hostile = ShopReports.hostile();
        assertThat(hostile.compared()).isFalse();
        assertThat(hostile.matrix().rows()).allSatisfy(r -> assertThat(r.cells())
                .allSatisfy(c -> assertThat(c.change()).isEqualTo(Change.NONE)));
        String html = new HtmlReportWriter().render(hostile);
        assertThat(html).doesNotContain("<script>").doesNotContain("class=\"allowed widened\"")
                .contains("web&quot;&#39;&gt;&lt;script&gt;window.pwned=1&lt;/script&gt; (Deployment)");
    }
}
