package io.github.netpol.report;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.Color;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Opens {@code report.html} in headless Chromium and checks what a person sees. Needs the Debian packages
 * {@code chromium} and {@code chromium-driver}; without them the test is skipped, unless
 * {@code NETPOL_BROWSER_TESTS=required} (set by {@code .ci/run}) makes a missing browser a failure.
 */
class HtmlReportBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOT = Path.of("target/netpol-report.png");
    /** The README's picture; rewritten with {@code -Dnetpol.updateDocs=true}. */
    private static final Path README_SCREENSHOT = Path.of("docs/report.png");
    /** A common laptop window: the page must fit it without horizontal scrolling. */
    private static final int WIDTH = 1280;

    private static ChromeDriver browser;

    @TempDir
    static Path profile;

    @BeforeAll
    static void startBrowser() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        String message = "headless Chromium not found (" + CHROMIUM + ", " + CHROMEDRIVER + "): install the Debian"
                + " packages chromium and chromium-driver to run the browser test of report.html";
        if (!present && "required".equals(System.getenv("NETPOL_BROWSER_TESTS"))) {
            fail(message + " (NETPOL_BROWSER_TESTS=required)");
        }
        assumeTrue(present, message);
        // a given driver keeps Selenium Manager from looking for (and downloading) one
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=" + WIDTH + ",2000", "--user-data-dir=" + profile.resolve("chromium"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private static void open(HtmlReportData data, Path dir) throws Exception {
        Path file = new HtmlReportWriter().write(data, dir);
        browser.get(file.toUri().toString());
    }

    private static List<String> consoleErrors() {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue())
                .map(LogEntry::getMessage).toList();
    }

    @Test
    void shopAgainstABaselineShowsTheVerdictTheMatrixAndTheWidenedCell() throws Exception {
        open(ShopReports.shopAgainstBaseline(), Path.of("target/browser-test/shop"));

        assertThat(browser.findElement(By.id("verdict")).getText()).as("no glyph a font may lack before the verdict")
                .isEqualTo("netpol check failed: 1 widening");
        assertThat(browser.getTitle()).isEqualTo("netpol check failed: 1 widening");
        List<WebElement> rows = browser.findElements(By.cssSelector("#matrix tbody tr"));
        assertThat(rows).as("6 workloads and the 2 external ranges the web tier is reached from").hasSize(8);
        assertThat(browser.findElements(By.cssSelector("#matrix tbody tr.workload"))).hasSize(6);

        List<WebElement> widened = browser.findElements(By.cssSelector("#matrix td.widened"));
        assertThat(widened).hasSize(1);
        WebElement cell = widened.get(0);
        assertThat(cell.isDisplayed()).isTrue();
        assertThat(cell.getText()).startsWith("▲ TCP 8443").contains("was: none");
        WebElement row = cell.findElement(By.xpath("./ancestor::tr"));
        assertThat(row.findElement(By.cssSelector("th[scope=row]")).getText()).isEqualTo("api (Deployment)");
        assertThat(Color.fromString(cell.getCssValue("outline-color")).asHex()).as("the widened cell is outlined in red")
                .isEqualTo("#cf222e");
        assertThat(browser.findElements(By.cssSelector("#matrix td.narrowed"))).hasSize(2)
                .allSatisfy(c -> assertThat(c.getText()).startsWith("▼ TCP 8080").contains("was: TCP 443, 8080"));
        assertThat(browser.findElement(By.cssSelector("#connectivity .legend")).getText())
                .contains("▲ newly allowed (1)").contains("▼ no longer allowed (2)");

        assertThat(browser.findElements(By.cssSelector("#widenings article"))).hasSize(1);
        assertThat(browser.findElements(By.cssSelector("#narrowings article"))).hasSize(1);
        assertThat(browser.findElements(By.cssSelector("#widenings article dt"))).extracting(WebElement::getText)
                .containsExactly("Cause", "Effect", "Example", "Fix");
        assertThat(browser.findElement(By.cssSelector("#widenings article pre")).getText()).contains("WIDENED_EGRESS/shop/");
        assertThat(browser.findElement(By.id("baseline")).getText())
                .isEqualTo("Baseline: directory baseline (5 files), chosen by netpol.baseline=dir:baseline.");
        assertThat(browser.findElements(By.cssSelector("#isolation tbody tr")))
                .extracting(WebElement::getText)
                .containsExactly(
                        "monitoring 4 yes (2 of 2 workloads) yes (2 of 2 workloads) yes: default-deny yes: default-deny, allow-dns",
                        "payments 2 yes (1 of 1 workload) yes (1 of 1 workload) yes: default-deny yes: default-deny",
                        "shop 6 yes (3 of 3 workloads) yes (3 of 3 workloads) yes: default-deny yes: default-deny, allow-dns");
        assertThat(consoleErrors()).isEmpty();

        fitsTheWindow();
        WebElement graph = browser.findElement(By.cssSelector("#graph svg"));
        assertThat(graph.isDisplayed()).isTrue();
        assertThat(graph.getRect().getHeight()).as("the graph is drawn at a readable size").isGreaterThan(200);
        List<WebElement> newEdges = browser.findElements(By.cssSelector("#graph g.edge.widened"));
        assertThat(newEdges).hasSize(1);
        assertThat(newEdges.get(0).getAttribute("data-from") + " -> " + newEdges.get(0).getAttribute("data-to"))
                .isEqualTo("shop -> payments");
        WebElement line = newEdges.get(0).findElement(By.tagName("path"));
        assertThat(Color.fromString(line.getCssValue("stroke")).asHex()).as("the newly allowed edge is red").isEqualTo("#cf222e");
        assertThat(line.getRect().getWidth() + line.getRect().getHeight()).as("and drawn, not collapsed").isGreaterThan(20);
        assertThat(browser.findElements(By.cssSelector("#graph g.edge.plain"))).hasSizeGreaterThan(3);
        assertThat(browser.findElements(By.cssSelector("#graph g.node.both text"))).extracting(WebElement::getText)
                .containsExactly("monitoring", "isolated", "payments", "isolated", "shop", "isolated");
        assertThat(Color.fromString(browser.findElement(By.cssSelector("#graph g.node.both rect")).getCssValue("fill")).asHex())
                .as("isolated namespaces are green").isEqualTo("#dafbe1");

        File shot = browser.getScreenshotAs(OutputType.FILE);
        Files.createDirectories(SCREENSHOT.getParent());
        Files.copy(shot.toPath(), SCREENSHOT, StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.size(SCREENSHOT)).isGreaterThan(10_000);
        if (Boolean.getBoolean("netpol.updateDocs")) {
            Files.copy(SCREENSHOT, README_SCREENSHOT, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Nothing runs off the right edge: no horizontal scroll bar, and every finding and the graph within the window. */
    private static void fitsTheWindow() {
        JavascriptExecutor js = browser;
        long viewport = ((Number) js.executeScript("return document.documentElement.clientWidth")).longValue();
        assertThat(viewport).as("the window is %d px wide", WIDTH).isBetween(WIDTH - 20L, (long) WIDTH);
        assertThat(((Number) js.executeScript("return document.documentElement.scrollWidth")).longValue())
                .as("the page scrolls horizontally").isLessThanOrEqualTo(viewport);
        for (WebElement e : browser.findElements(By.cssSelector("article.finding, #graph svg, table"))) {
            assertThat(e.getRect().getX() + e.getRect().getWidth()).as("right edge of %s", e.getAttribute("id"))
                    .isLessThanOrEqualTo((int) viewport);
        }
    }

    @Test
    void markupInNamesAndLabelsRendersAsTextAndNeverRuns() throws Exception {
        open(ShopReports.hostile(), Path.of("target/browser-test/hostile"));

        JavascriptExecutor js = browser;
        assertThat(js.executeScript("return typeof window.pwned")).isEqualTo("undefined");
        assertThat(browser.getTitle()).isEqualTo("netpol check failed: 5 errors");
        assertThat(browser.findElements(By.tagName("script"))).isEmpty();
        assertThat(browser.findElement(By.cssSelector("#matrix thead tr:nth-child(2) th")).getText())
                .isEqualTo("web\"'><script>window.pwned=1</script> (Deployment)");
        assertThat(browser.findElement(By.cssSelector("#isolation tbody th")).getText())
                .isEqualTo("x\"><script>document.title='pwned'</script>");
        fitsTheWindow();
        assertThat(browser.findElement(By.id("findings")).getText())
                .contains("Label value '" + ShopReports.SCRIPT + "' of key 'app'");
        assertThat(consoleErrors()).isEmpty();
    }
}
