package org.envelopelab.portal;

import org.envelopelab.mailnet.StoredMail;
import org.envelopelab.service.protection.InlineReading;
import org.envelopelab.service.rules.MailFacts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.envelopelab.portal.PortalLab.ALICE;
import static org.envelopelab.portal.PortalLab.CARD;
import static org.envelopelab.portal.PortalLab.CAROL;

/**
 * An outside recipient reads a protected message in a real browser, headless Chromium driven by
 * Selenium, against the real mail world: the wrapper and the passcode mail are read over IMAP,
 * everything else happens on the portal's pages as a person would do it — open the link, ask for
 * a passcode, type it, read, download the statement, reply. Screenshots of each page (phone width
 * and desktop) go to {@code target/portal-screenshots}.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class PortalBrowserTest {

    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path SCREENSHOTS = Path.of("target", "portal-screenshots");
    private static final Dimension PHONE = new Dimension(390, 844);
    private static final Dimension DESKTOP = new Dimension(1280, 900);

    private PortalLab lab;
    private Path profile;
    private Path downloads;
    private WebDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void start() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM),
                "install chromium and chromium-driver: apt-get install -y chromium chromium-driver");
        lab = new PortalLab();
        profile = Files.createTempDirectory("portal-browser-profile");
        downloads = Files.createTempDirectory("portal-browser-downloads");
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-quic", "--user-data-dir=" + profile);
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false, "safebrowsing.enabled", false));
        ChromeDriverService driver = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(driver, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterEach
    void stop() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (lab != null) {
            lab.close();
        }
        for (Path temporary : new Path[] {profile, downloads}) {
            if (temporary != null) {
                try (Stream<Path> files = Files.walk(temporary)) {
                    files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
                }
            }
        }
    }

    @Test
    void anOutsideRecipientReadsDownloadsAndRepliesInABrowser() throws Exception {
        String subject = "Your March card statement";
        lab.sendStatement(subject, CAROL);
        URI link = lab.wrapperLink(CAROL, subject);

        browser.manage().window().setSize(PHONE);
        browser.get(link.toString());
        assertThat(text("sender-line")).isEqualTo("Alice Adams sent you a protected message");
        assertThat(browser.getPageSource()).doesNotContain(CARD);
        assertThat(fitsTheWidth()).as("no sideways scrolling at 390 px").isTrue();
        assertThat(browser.findElement(By.cssSelector("#passcode-request button")).getCssValue("background-color"))
                .as("the button wears Contoso Bank's #004b87").isEqualTo("rgba(0, 75, 135, 1)");
        screenshot("1-landing-phone");

        browser.findElement(By.id("email")).sendKeys(CAROL);
        browser.findElement(By.cssSelector("#passcode-request button")).click();
        String reference = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("reference"))).getText();
        assertThat(text("notice")).contains("If carol@gmail.example is an address this message was sent to");
        screenshot("2-passcode-phone");

        String passcode = lab.passcode(CAROL, reference).orElseThrow();
        browser.findElement(By.id("passcode")).sendKeys(passcode);
        browser.findElement(By.cssSelector("#verify button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("subject")));
        assertThat(browser.getCurrentUrl()).endsWith(link.getPath() + "/message");
        assertThat(text("subject")).isEqualTo(subject);
        assertThat(text("from")).isEqualTo("From: Alice Adams <alice@contoso-bank.example>");
        assertThat(text("body")).contains("your card " + CARD + " shows a balance of USD 1,284.10.");
        assertThat(browser.findElements(By.id("forward"))).as("Encrypt-Only may be forwarded").hasSize(1);
        assertThat(fitsTheWidth()).isTrue();
        screenshot("3-message-phone");
        browser.manage().window().setSize(DESKTOP);
        screenshot("4-message-desktop");

        browser.findElement(By.linkText("statement.csv")).click();
        Path downloaded = awaitDownload("statement.csv");
        assertThat(Files.readAllBytes(downloaded)).isEqualTo(PortalLab.statementCsv());

        browser.findElement(By.id("reply-text")).sendKeys("Thank you, I will pay by Friday.");
        browser.findElement(By.cssSelector("#reply button")).click();
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("notice"))).getText())
                .startsWith("Your reply to the sender is on its way.");
        screenshot("5-reply-sent-desktop");

        lab.settle();
        StoredMail reply = lab.inbox(ALICE).stream().filter(mail -> ("RE: " + subject).equals(mail.summary().subject()))
                .findFirst().orElseThrow();
        String raw = new String(reply.raw(), StandardCharsets.UTF_8);
        assertThat(raw).as("the reply arrives protected").contains(MailFacts.PROTECTED_TYPE).doesNotContain("pay by Friday");
        InlineReading opened = lab.protection.reader().read(reply.raw(), ALICE);
        assertThat(new String(opened.original(), StandardCharsets.UTF_8)).contains("Thank you, I will pay by Friday.");

        browser.findElement(By.linkText("Back to the message")).click();
        browser.findElement(By.cssSelector("#sign-out button")).click();
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("notice"))).getText())
                .startsWith("You have signed out.");
        screenshot("6-signed-out-desktop");
        browser.get(link + "/message");
        assertThat(text("error")).as("the message is gone from this browser").startsWith("Your session has ended.");
        assertThat(browser.findElements(By.cssSelector("header.band img.logo"))).as("still Contoso Bank's page").hasSize(1);
        assertThat(browser.findElement(By.linkText("Sign in again")).getAttribute("href")).endsWith(link.getPath());
        assertThat(browser.getPageSource()).doesNotContain(CARD);
        screenshot("7-session-ended-desktop");
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    /** The page is no wider than the window: nothing hides off the right edge of a phone. */
    private boolean fitsTheWidth() {
        Object fits = ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth <= window.innerWidth;");
        return Boolean.TRUE.equals(fits);
    }

    private void screenshot(String name) throws IOException {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private Path awaitDownload(String name) throws InterruptedException, IOException {
        Path file = downloads.resolve(name);
        Instant deadline = Instant.now().plusSeconds(20);
        while (Instant.now().isBefore(deadline)) {
            if (Files.isRegularFile(file) && Files.size(file) == PortalLab.statementCsv().length) {
                return file;
            }
            Thread.sleep(100);
        }
        try (Stream<Path> present = Files.list(downloads)) {
            List<String> names = present.map(path -> path.getFileName().toString()).toList();
            throw new AssertionError("no download " + name + " within 20 s; the folder holds " + names);
        }
    }
}
