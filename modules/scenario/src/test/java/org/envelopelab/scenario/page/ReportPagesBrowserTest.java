package org.envelopelab.scenario.page;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.envelopelab.scenario.compare.Comparison;
import org.envelopelab.scenario.compare.ComparisonWriter;
import org.envelopelab.scenario.run.ScenarioRunner;
import org.envelopelab.scenario.script.ScenarioParser;
import org.envelopelab.scenario.transcript.ReportWriter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages as people see them, in a real browser (headless Chromium driven by Selenium, the
 * system's chromium and chromedriver, as the portal's browser test drives them): the report of a
 * run of the bank scenario and the comparison of the clinic scenario, opened from disk. Each shows
 * its diagram or matrix, fetches nothing, fits a 390 px phone, and leaves screenshots (phone and
 * desktop) in {@code target/report-screenshots}.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class ReportPagesBrowserTest {

    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path PAGES = Path.of("target", "report-pages");
    private static final Path SCREENSHOTS = Path.of("target", "report-screenshots");
    private static final Dimension PHONE = new Dimension(390, 844);
    private static final Dimension DESKTOP = new Dimension(1366, 900);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path profile;
    private static WebDriver browser;

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM),
                "install chromium and chromium-driver: apt-get install -y chromium chromium-driver");
        profile = Files.createTempDirectory("report-browser-profile");
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-quic", "--hide-scrollbars",
                "--user-data-dir=" + profile);
        // Every request the page makes, as the DevTools protocol reports it, lands in the performance log.
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService driver = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(driver, options);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stop() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @Test
    void theBankReportShowsEachJourneyAndTheMatrixAndFetchesNothing() throws Exception {
        Path folder = PAGES.resolve("bank");
        ReportWriter.write(new ScenarioRunner(line -> { }).run(ScenarioParser.parse(Path.of("../../scenarios/bank.yaml"))), folder);
        Path page = folder.resolve("report.html");
        assertThat(Files.readString(page, StandardCharsets.UTF_8)).as("the card number itself is never printed")
                .doesNotContain("4111 1111 1111 1111");

        browser.manage().window().setSize(DESKTOP);
        List<String> requests = open(page);
        assertThat(requests).as("requests other than the page itself").isEmpty();
        List<WebElement> journeys = browser.findElements(By.cssSelector("section.journey svg.journey"));
        assertThat(journeys).as("one diagram per message").hasSize(5);
        assertThat(journeys.get(0).isDisplayed()).isTrue();
        assertThat(journeys.get(0).getSize().getWidth()).as("the diagram is drawn, not empty").isGreaterThan(600);
        assertThat(browser.findElements(By.cssSelector("#journey-carol-statement g.arrow"))).hasSizeGreaterThan(8);
        assertThat(browser.findElement(By.id("journey-carol-statement-words")).getText())
                .contains("passcode mail [no content]", "the portal shows it [readable]");
        WebElement matrix = browser.findElement(By.id("matrix"));
        assertThat(matrix.isDisplayed()).isTrue();
        assertThat(matrix.findElement(By.xpath(".//tr[th='mailbox of carol@gmail.example']/td[1]")).getText())
                .isEqualTo("not here");
        scrollTo("journey-carol-statement");
        screenshot("bank-report-desktop");

        browser.manage().window().setSize(PHONE);
        assertThat(fitsTheWidth()).as("no sideways scrolling at 390 px").isTrue();
        assertThat(browser.findElement(By.id("matrix")).isDisplayed()).isTrue();
        scrollTo("who-could-read");
        screenshot("bank-report-phone");
    }

    @Test
    void theClinicComparisonSetsThePathsSideBySideAndFetchesNothing() throws Exception {
        Path folder = PAGES.resolve("clinic");
        ComparisonWriter.write(new Comparison(line -> { }).compare(ScenarioParser.parse(Path.of("../../scenarios/clinic.yaml"))),
                folder);
        Path page = folder.resolve("compare.html");

        browser.manage().window().setSize(DESKTOP);
        List<String> requests = open(page);
        assertThat(requests).as("requests other than the page itself").isEmpty();
        WebElement matrix = browser.findElement(By.id("matrix-gina-results"));
        assertThat(matrix.isDisplayed()).isTrue();
        assertThat(matrix.findElements(By.cssSelector("thead th"))).extracting(WebElement::getText)
                .containsExactly("party", "in the clear", "S/MIME", "the message encryption service");
        assertThat(matrix.findElement(By.xpath(".//tr[th='forwardee hugo@yahoo.example']/td[3]")).getText())
                .startsWith("refused").contains("refused at step");
        assertThat(browser.findElements(By.cssSelector("svg.bar rect.amount"))).as("a bar per path for each measured cost")
                .hasSize(4 * 3);
        screenshot("clinic-compare-desktop");

        browser.manage().window().setSize(PHONE);
        assertThat(fitsTheWidth()).as("no sideways scrolling at 390 px").isTrue();
        scrollTo("costs");
        screenshot("clinic-compare-phone");
    }

    @Test
    void aPageThatFetchesSomethingIsCaught() throws Exception {
        Path page = PAGES.resolve("fetching.html");
        Files.createDirectories(PAGES);
        Files.writeString(page, "<!DOCTYPE html><title>fetches</title><p>An image from elsewhere:"
                + " <img src=\"http://127.0.0.1:9/logo.png\" alt=\"logo\">", StandardCharsets.UTF_8);

        assertThat(open(page)).as("the check this test class relies on sees a request").contains("http://127.0.0.1:9/logo.png");
    }

    /** Opens a page from disk and returns every request it made, the page itself aside. */
    private static List<String> open(Path page) throws IOException {
        browser.manage().logs().get(LogType.PERFORMANCE); // forget what came before
        String self = page.toAbsolutePath().toUri().toString();
        browser.get(self);
        List<String> requests = new ArrayList<>();
        for (LogEntry entry : browser.manage().logs().get(LogType.PERFORMANCE)) {
            JsonNode message = JSON.readTree(entry.getMessage()).path("message");
            if (message.path("method").asText().equals("Network.requestWillBeSent")) {
                String url = message.path("params").path("request").path("url").asText();
                if (!url.equals(self) && !url.equals(self.replace("file:/", "file:///"))) {
                    requests.add(url);
                }
            }
        }
        for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER)) {
            if (entry.getMessage().contains("Content Security Policy")) {
                requests.add("blocked: " + entry.getMessage());
            }
        }
        return requests;
    }

    /** The page is no wider than the window: nothing hides off the right edge of a phone. */
    private static boolean fitsTheWidth() {
        Object fits = ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth <= window.innerWidth;");
        return Boolean.TRUE.equals(fits);
    }

    private static void scrollTo(String id) {
        ((JavascriptExecutor) browser).executeScript("document.getElementById(arguments[0]).scrollIntoView();", id);
    }

    private static void screenshot(String name) throws IOException {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
