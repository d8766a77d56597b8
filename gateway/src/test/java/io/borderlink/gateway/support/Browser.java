package io.borderlink.gateway.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Debian Chromium driven through Debian's chromedriver, offline (no driver downloads, no
 * background networking), that keeps a screenshot of the page whenever a test fails.
 */
public final class Browser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("gateway/target/browser-screenshots");

    private final WebDriver driver;
    private final String base;

    private Browser(WebDriver driver, String base) {
        this.driver = driver;
        this.base = base;
    }

    public static Browser start(int port) {
        ChromeOptions options = new ChromeOptions()
                .setBinary("/usr/bin/chromium")
                .addArguments(
                        "--headless=new",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-dev-shm-usage",
                        "--disable-quic",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--window-size=1400,1000",
                        "--user-data-dir=" + temporaryProfile());
        // The gateway's TLS certificate comes from the development PKI, unknown to the browser.
        options.setAcceptInsecureCerts(true);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
        return new Browser(driver, "https://localhost:" + port);
    }

    public WebDriver driver() {
        return driver;
    }

    public void open(String path) {
        driver.get(base + path);
    }

    /** Signs in with the development form login as a person from config/people. */
    public void signIn(String person) {
        open("/login");
        driver.findElement(By.name("username")).sendKeys(person);
        driver.findElement(By.name("password")).sendKeys(person);
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        // The next navigation must not overtake the login's redirect to the console.
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/console"));
    }

    public void signOut() {
        driver.findElement(By.xpath("//button[text()='Sign out']")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/login"));
    }

    /**
     * Waits until the page's status notice (the {@code role=status} line a console form's redirect shows)
     * contains every expected text. A click that submits a form leaves the old page in place for a moment, so
     * the notice found first may be the previous page's and go stale: this looks again until the new one is there.
     */
    public void awaitNotice(String... expected) {
        awaitLine("[role=status]", expected);
    }

    /** Waits, as {@link #awaitNotice} does, until the page's error line ({@code role=alert}) contains every text. */
    public void awaitAlert(String... expected) {
        awaitLine("[role=alert]", expected);
    }

    private void awaitLine(String selector, String... expected) {
        await().atMost(Duration.ofSeconds(15))
                .ignoreException(StaleElementReferenceException.class)
                .ignoreException(NoSuchElementException.class)
                .untilAsserted(() -> assertThat(
                                driver.findElement(By.cssSelector(selector)).getText())
                        .contains(expected));
    }

    /**
     * Keeps what the browser showed when a test failed, as a build artifact. It runs right after the test
     * method, before {@code @AfterEach} closes the browser.
     */
    public static final class ScreenshotOnFailure implements AfterTestExecutionCallback {

        private Browser browser;

        public void watch(Browser browser) {
            this.browser = browser;
        }

        @Override
        public void afterTestExecution(ExtensionContext context) throws IOException {
            if (browser != null && context.getExecutionException().isPresent()) {
                Files.createDirectories(SCREENSHOTS);
                byte[] png = ((TakesScreenshot) browser.driver).getScreenshotAs(OutputType.BYTES);
                Files.write(SCREENSHOTS.resolve(context.getDisplayName().replaceAll("\\W+", "_") + ".png"), png);
            }
        }
    }

    @Override
    public void close() {
        driver.quit();
    }

    private static String temporaryProfile() {
        try {
            return Files.createTempDirectory("borderlink-chromium").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
