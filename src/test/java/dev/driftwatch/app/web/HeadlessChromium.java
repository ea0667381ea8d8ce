package dev.driftwatch.app.web;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * The machine's Chromium, headless, driven by its chromedriver (Debian packages {@code chromium} and
 * {@code chromium-driver}). Missing browser: the test is skipped locally and FAILS under {@code CI=true}.
 * One per test class; close it.
 */
final class HeadlessChromium implements AutoCloseable {
    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver"));

    private final ChromeDriverService service;
    private final ChromeDriver driver;

    private HeadlessChromium(ChromeDriverService service, ChromeDriver driver) {
        this.service = service;
        this.driver = driver;
    }

    static HeadlessChromium start(Path profileFolder) throws Exception {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        String missing = "expected Chromium at " + CHROMIUM + " and chromedriver at " + CHROMEDRIVER + " but found none";
        if (!present && "true".equals(System.getenv("CI"))) {
            Assertions.fail(missing);
        }
        Assumptions.assumeTrue(present, missing);
        var service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort().build();
        var options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--window-size=1280,900",
                "--user-data-dir=" + Files.createDirectories(profileFolder));
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        service.start();
        try {
            return new HeadlessChromium(service, new ChromeDriver(service, options));
        } catch (RuntimeException e) {
            service.stop();
            throw e;
        }
    }

    ChromeDriver driver() {
        return driver;
    }

    /** Opens a page and waits until it has loaded. */
    void open(String url) {
        driver.get(url);
    }

    /**
     * Clicks a link or a form's button and waits (10 s at most) until the browser shows, loaded, the page whose address
     * matches {@code address}: the next look at the page must not find the old page's elements.
     */
    void follow(By target, String address) throws InterruptedException {
        driver.findElement(target).click();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!driver.getCurrentUrl().matches(address)
                || !"complete".equals(((JavascriptExecutor) driver).executeScript("return document.readyState;"))) {
            if (System.nanoTime() > deadline) {
                Assertions.fail("expected a page at " + address + " within 10 s but the browser shows " + driver.getCurrentUrl());
            }
            Thread.sleep(50);
        }
    }

    /** The pattern of an address that ends with {@code ending}, for {@link #follow}. */
    static String endingWith(String ending) {
        return ".*" + java.util.regex.Pattern.quote(ending);
    }

    /** Console messages of level SEVERE (errors) since the last call. */
    List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::toString).toList();
    }

    /** Each inline SVG chart's drawn size and number of shapes: [width, height, shapes]. */
    @SuppressWarnings("unchecked")
    List<List<Number>> charts() {
        return (List<List<Number>>) ((JavascriptExecutor) driver).executeScript(
                "return Array.from(document.querySelectorAll('svg.chart')).map(s => {"
                        + " const r = s.getBoundingClientRect();"
                        + " return [r.width, r.height, s.querySelectorAll('rect,circle,polyline').length]; });");
    }

    /** Saves a screenshot of the whole page (the window grows to the page's height first). */
    void screenshot(Path file) throws Exception {
        Number height = (Number) ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollHeight;");
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, Math.min(16000, height.intValue() + 40)));
        Files.createDirectories(file.getParent());
        Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
        }
    }
}
