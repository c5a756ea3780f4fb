package io.github.netpol.report;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlReportPageTest {

    @Test
    void dump() throws Exception {
        Path out = Path.of("target/netpol-report-dev");
        new HtmlReportWriter().write(ShopReports.shopAgainstBaseline(), out);
        Files.writeString(out.resolve("hostile.html"), new HtmlReportWriter().render(ShopReports.hostile()));
        assertThat(out.resolve("report.html")).exists();
    }
}
