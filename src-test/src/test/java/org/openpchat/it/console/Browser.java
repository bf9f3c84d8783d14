package org.openpchat.it.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its chromedriver, one per test class
 * ({@code @RegisterExtension static final Browser browser = new Browser();}), at 1280×800. A test
 * that fails leaves a screenshot and the page's HTML in {@code target/screenshots/}.
 */
public final class Browser implements BeforeAllCallback, AfterAllCallback, TestWatcher {

    public static final String CONSOLE = "https://localhost:8181/pchat/";
    public static final String DEMO_PASSWORD = "Passw0rd!";
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private ChromeDriver driver;

    @Override
    public void beforeAll(ExtensionContext context) {
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("chromedriver", "/usr/bin/chromedriver")))
                .usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("chromium", "/usr/bin/chromium"));
        // without the background-networking switches Chromium keeps calling Google's hosts, which
        // this closed network refuses; --no-sandbox because CI runs as root
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-extensions", "--window-size=1280,800", "--lang=en-US");
        // the server's certificate is the one its domain generated for itself, as on a fresh install
        options.setAcceptInsecureCerts(true);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        driver.manage().window().setSize(new Dimension(1280, 800));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (driver != null) {
            driver.quit();
        }
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        if (driver == null) {
            return;
        }
        String name = context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName();
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
            Files.writeString(SCREENSHOTS.resolve(name + ".html"), driver.getCurrentUrl() + "\n"
                    + driver.getPageSource(), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** Opens a page of the application, e.g. {@code "admin/"}. */
    public void open(String path) {
        driver.get(CONSOLE + path);
    }

    /** Forgets the session: nobody is signed in any more. */
    public void forgetSession() {
        driver.manage().deleteAllCookies();
        driver.manage().logs().get(LogType.BROWSER);
    }

    /** Signs out whoever was signed in and signs in as {@code user} (an address without sip:). */
    public void signIn(String user, String password) {
        forgetSession();
        open("login.xhtml");
        driver.findElement(By.id("j_username")).sendKeys(user);
        driver.findElement(By.id("j_password")).sendKeys(password);
        driver.findElement(By.id("signInButton")).click();
    }

    public void signInAsDemo(String name) {
        signIn(name + "@example.com", DEMO_PASSWORD);
    }

    public WebElement find(By by) {
        return waitFor().until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /**
     * Waits up to 30 s, trying again when an element was replaced while it was read (an ajax
     * update; Chromium reports that as "Node ... does not belong to the document").
     */
    public WebDriverWait waitFor() {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.ignoring(StaleElementReferenceException.class);
        wait.ignoring(WebDriverException.class);
        return wait;
    }

    public String path() {
        String url = driver.getCurrentUrl();
        return url.startsWith(CONSOLE) ? url.substring(CONSOLE.length()) : url;
    }

    /** Takes the page as it is now for the documentation, under target/screenshots/docs/. */
    public void screenshot(String name) {
        try {
            Path folder = Files.createDirectories(SCREENSHOTS.resolve("docs"));
            Files.write(folder.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /** Fails if the page is wider than the window (a table or form that does not fit). */
    public void assertFitsWidth() {
        Object overflow = driver.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(((Number) overflow).intValue()).as("horizontal overflow of " + driver.getCurrentUrl()).isLessThanOrEqualTo(0);
    }

    /** Fails if the page has written errors to the browser's console since the last check. */
    public void assertNoConsoleErrors() {
        List<String> errors = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage).toList();
        assertThat(errors).as("errors in the browser's console on " + driver.getCurrentUrl()).isEmpty();
    }

    /**
     * Clicks as a user does: once nothing moves on the page (a click into a menu panel that is
     * still opening closes it while its opening goes on, and it stays open), scrolled into view
     * first (a long menu list scrolls inside its panel), again while something still covers it.
     */
    public void click(By by) {
        waitFor().until(ignored -> {
            Object moving = driver.executeScript("return !!(window.PrimeFaces && PrimeFaces.animationActive);");
            if (Boolean.TRUE.equals(moving)) {
                return false;
            }
            WebElement element = ExpectedConditions.elementToBeClickable(by).apply(driver);
            if (element == null) {
                return false;
            }
            driver.executeScript("arguments[0].scrollIntoView({block: 'nearest'});", element);
            element.click();
            return true;
        });
    }

    /**
     * Picks an entry of a p:selectOneMenu by its label as a user does: the label typed into the
     * menu's filter where it has one, the entry clicked; waits until the menu shows it.
     */
    public void choose(String menuId, String label) {
        click(By.id(menuId));
        By filter = By.id(menuId + "_filter");
        if (!driver.findElements(filter).isEmpty()) {
            find(filter).sendKeys(label);
        }
        click(By.cssSelector("[id='" + menuId + "_items'] li[data-label='" + label + "']"));
        waitFor().until(ExpectedConditions.invisibilityOfElementLocated(By.id(menuId + "_panel")));
        waitFor().until(ExpectedConditions.textToBe(By.id(menuId + "_label"), label));
    }
}
